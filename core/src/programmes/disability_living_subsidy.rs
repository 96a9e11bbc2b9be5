//! 困难残疾人生活补贴 (Tianjin 000 二（七）; Dongli 003 二（四）; Jilin 004 一、1): who qualifies is
//! national (国发〔2015〕52号): a disabled person (any grade on the certificate) in a 低保
//! household; Tianjin widens it to 低收入 households (`includes_low_income`). No 2020 amount
//! was found for any place: the amount is the parameter `disability_living_subsidy.monthly`.

use crate::assessment::Status;
use crate::decision::Condition;
use crate::engine::{Ctx, FindingBuilder, Verdict};
use crate::household::Member;
use crate::ids::{param, ProgrammeId};
use crate::t;
use crate::text::Either;

pub fn assess<'a>(ctx: &Ctx<'a>, m: &'a Member) -> Verdict {
    let h = ctx.h;
    let mut f = FindingBuilder::new(ctx, ProgrammeId::DisabilityLivingSubsidy, Some(m));
    f.cite("subsidy");
    f.require(
        Condition::is("disability_living_subsidy.certificate", m.disability_grade.is_some()),
        t!(
            "{} 持残疾人证（{} 级）。",
            "{} holds a disability certificate (grade {}).",
            ctx.who(m),
            m.disability_grade.unwrap_or(0)
        ),
        t!("{} 没有残疾人证。", "{} has no disability certificate.", ctx.who(m)),
    );
    let low_income = ctx.bool(param::DISABILITY_LIVING_LOW_INCOME).unwrap_or(false);
    let household_ok = h.support.dibao || (low_income && h.support.low_income);
    f.require(
        Condition::is("disability_living_subsidy.household", household_ok),
        if h.support.dibao {
            Either::A(t!("家庭是低保家庭。", "The household receives dibao."))
        } else {
            Either::B(t!(
                "家庭是低收入家庭（本地扩大到低收入家庭）。",
                "The household is a low-income household (covered here)."
            ))
        },
        if low_income {
            Either::A(t!(
                "家庭既不是低保家庭也不是低收入家庭。",
                "The household receives neither dibao nor low-income support."
            ))
        } else {
            Either::B(t!("家庭不是低保家庭。", "The household does not receive dibao."))
        },
    );
    if f.failed() {
        return f.finish(Status::Ineligible);
    }
    f.monthly = f.param(param::DISABILITY_LIVING_MONTHLY);
    f.next(t!(
        "向街道（乡镇）或残联申请“两项补贴”。",
        "Apply for the two disability subsidies at the sub-district office or disabled persons' federation."
    ));
    f.finish(Status::Eligible)
}
