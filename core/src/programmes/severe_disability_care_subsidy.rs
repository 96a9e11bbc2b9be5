//! 重度残疾人护理补贴 (Tianjin 000 二（七）; Dongli 003 二（四）; Jilin 004 一、1): who qualifies
//! is national (国发〔2015〕52号): a person with a grade 1 or 2 certificate who needs long-term
//! care (read: not fully self-reliant), with no income test. No 2020 amount was found: the
//! amount is the parameter `severe_disability_care_subsidy.monthly`.

use rust_decimal::Decimal;

use crate::assessment::Status;
use crate::decision::{Compare, Condition, Source};
use crate::engine::{Ctx, FindingBuilder, Verdict};
use crate::household::Member;
use crate::ids::{param, ProgrammeId};
use crate::input::SelfCare;
use crate::t;
use crate::text::Lang;

pub fn assess<'a>(ctx: &Ctx<'a>, m: &'a Member) -> Verdict {
    let mut f = FindingBuilder::new(ctx, ProgrammeId::SevereDisabilityCareSubsidy, Some(m));
    f.cite("subsidy");
    let Some(max) = f.param(param::DISABILITY_CARE_MAX_GRADE) else {
        return f.finish(Status::NeedsInfo);
    };
    match m.disability_grade {
        None => f.fail(
            "severe_disability_care_subsidy.certificate",
            t!("{} 没有残疾人证。", "{} has no disability certificate.", ctx.who(m)),
        ),
        Some(g) => {
            f.require(
                Condition::cmp(
                    "severe_disability_care_subsidy.grade",
                    (Decimal::from(g), Source::Member("disability_grade")),
                    Compare::Le,
                    (max, Source::Param(param::DISABILITY_CARE_MAX_GRADE)),
                ),
                t!("{} 持 {} 级残疾证，属重度残疾。", "{} holds a grade {} certificate (severe).", ctx.who(m), g),
                t!(
                    "{} 的残疾等级为 {} 级，护理补贴限一、二级。",
                    "{}'s grade is {}; the care subsidy is for grades 1 and 2.",
                    ctx.who(m),
                    g
                ),
            );
        }
    }
    // Unstated, self-care is taken as full (the contract's default): said as taken, not as known.
    let stated = m.self_care_stated;
    f.require(
        Condition::is("severe_disability_care_subsidy.needs_care", m.self_care != SelfCare::Full),
        t!("生活不能完全自理，需要长期照护。", "Not fully self-reliant: needs long-term care."),
        move |lang: Lang| {
            match (stated, lang) {
                (true, Lang::Zh) => "生活能完全自理（护理补贴给需要长期照护的人）。",
                (true, Lang::En) => "Fully self-reliant (the subsidy is for people who need long-term care).",
                (false, Lang::Zh) => "没有说明生活能不能自理，按能完全自理计算（护理补贴给需要长期照护的人）。",
                (false, Lang::En) => {
                    "Whether they can look after themselves is not stated: taken as fully self-reliant (the subsidy is for people who need long-term care)."
                }
            }
            .to_string()
        },
    );
    if f.failed() {
        return f.finish(Status::Ineligible);
    }
    f.monthly = f.param(param::DISABILITY_CARE_MONTHLY);
    f.next(t!(
        "向街道（乡镇）或残联申请“两项补贴”。",
        "Apply for the two disability subsidies at the sub-district office or disabled persons' federation."
    ));
    f.finish(Status::Eligible)
}
