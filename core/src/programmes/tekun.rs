//! 特困人员救助供养 (Tianjin 002 三; Chongqing 001 一（三）; Jilin 004 一、4–5): an older
//! person (60 and over), a disabled person, or a minor, who cannot work, has no means of
//! living and no one obliged and able to support them. Tianjin 002 三 raises the minors'
//! age limit from 16 to 18 (read: under 18); the parameter holds the limit for each place.
//! None of the documents sets the general conditions (national: 民发〔2016〕178号): a finding
//! quotes only the local clauses of its own triggers (poverty, a confirmed patient, a minor,
//! care) and says that the general conditions are national.
//! "无生活来源" is read as the person's own income below the 低保 standard.

use rust_decimal::Decimal;

use crate::assessment::Status;
use crate::decision::{Compare, Condition, Source};
use crate::engine::{money_words as w, not_below, Ctx, FindingBuilder, Verdict};
use crate::household::Member;
use crate::ids::{param, ProgrammeId};
use crate::input::{Covid, Residence, SelfCare};
use crate::text::Lang;
use crate::{t, tx};

pub fn assess<'a>(ctx: &Ctx<'a>, m: &'a Member) -> Verdict {
    let mut f = FindingBuilder::new(ctx, ProgrammeId::Tekun, Some(m));
    if ctx.h.support.poverty_registered {
        f.cite("poverty_inclusion");
    }
    if m.covid == Covid::Confirmed && ctx.epidemic.in_period {
        f.cite("patients_inclusion");
    }
    ctx.assume(
        "tekun.national_rule",
        |lang: Lang| match lang {
            Lang::Zh => format!(
                "{}的文件没有特困人员的一般认定条件（老年人、残疾人或未成年人，无劳动能力、无生活来源、无法定义务人或其无履行能力）：按国家《特困人员认定办法》（民发〔2016〕178号）认定；只引用本地文件中对本人适用的条款。",
                ctx.j.name
            ),
            Lang::En => format!(
                "The documents of {} set no general conditions for tekun (older, disabled or a minor; unable to work; no means of living; no one obliged and able to support them): the national rules (民发〔2016〕178号) are applied, and only the local clauses that apply to the person are quoted.",
                ctx.j.name_en
            ),
        },
    );
    ctx.assume(
        "reading.tekun_no_means",
        t!(
            "特困“无生活来源”按本人月收入低于当地低保标准理解。",
            "For tekun, “no means of living” is read as the person's own monthly income below the local dibao standard."
        ),
    );
    let elderly = f.param(param::PERSON_ELDERLY_AGE);
    let minor = f.param(param::TEKUN_MINOR_AGE_LIMIT);
    let age = Decimal::from(m.age);
    let is_elderly = elderly.is_some_and(|e| age >= e);
    let is_minor = minor.is_some_and(|l| age < l);
    let is_disabled = m.disability_grade.is_some();
    if is_minor {
        f.cite("minor_age");
    }
    // Both sentences are formatted only when said (the branch's `Text` in the language asked).
    let category = |lang: Lang| -> String {
        let t = if is_elderly {
            tx!(
                "{} 已满 {} 周岁，属老年人。",
                "{} is {} or over (an older person).",
                ctx.who(m),
                elderly.unwrap_or_default()
            )
        } else if is_minor {
            tx!("{} 未满 {} 周岁，属未成年人。", "{} is under {} (a minor).", ctx.who(m), minor.unwrap_or_default())
        } else {
            tx!("{} 持残疾证。", "{} holds a disability certificate.", ctx.who(m))
        };
        t.into_lang(lang)
    };
    let not_category = |lang: Lang| -> String {
        let t = match (elderly, minor) {
        (Some(e), Some(l)) => tx!(
            "{} 不是老年人、残疾人或未成年人：未满 {} 周岁（还差 {} 岁），已满 {} 周岁，且无残疾证。",
            "{} is neither an older person, a disabled person nor a minor: under {} ({} years to go), {} or over, no disability certificate.",
            ctx.who(m),
            e,
            e - age,
            l
        ),
        _ => tx!("无法判断年龄条件。", "The age conditions cannot be decided."),
        };
        t.into_lang(lang)
    };
    f.require(Condition::is("tekun.category", is_elderly || is_minor || is_disabled), category, not_category);
    f.require(
        Condition::is("tekun.unable_to_work", !m.able_to_work),
        t!("无劳动能力。", "Unable to work."),
        t!("有劳动能力（特困须无劳动能力）。", "Able to work (tekun requires inability to work)."),
    );
    // Unstated, a supporter is taken as there (the contract's default): said as taken, not as known.
    let stated = m.supporter_stated;
    f.require(
        Condition::is("tekun.no_able_supporter", !m.has_able_supporter),
        t!("无法定赡养、抚养、扶养义务人，或义务人无履行能力。", "No one obliged and able to support them."),
        move |lang: Lang| match (stated, lang) {
            (true, Lang::Zh) => "有履行能力的法定赡养、抚养、扶养义务人。".to_string(),
            (true, Lang::En) => "Has someone legally obliged and able to support them.".to_string(),
            (false, Lang::Zh) => "没有说明有没有能赡养、抚养、扶养的亲属，按有计算（有履行能力的法定义务人）。".to_string(),
            (false, Lang::En) => {
                "Whether anyone is obliged and able to support them is not stated: taken as yes (someone legally obliged and able to).".to_string()
            }
        },
    );
    let standard = f.standard();
    if let Some(s) = standard {
        f.require(
            Condition::cmp(
                "tekun.no_means",
                (m.monthly_income, Source::Member("monthly_income")),
                Compare::Lt,
                (s, Source::Param(ctx.standard_id())),
            ),
            t!(
                "本人收入 {} 元，低于低保标准 {} 元（无生活来源）。",
                "Own income {} yuan is below the dibao standard of {} yuan (no means of living).",
                w(m.monthly_income),
                w(s)
            ),
            |lang: Lang| {
                let phrase = not_below(lang, ("低保标准", "the dibao standard of "), m.monthly_income, s, false);
                match lang {
                    Lang::Zh => format!("本人收入 {} 元，{phrase}。", w(m.monthly_income)),
                    Lang::En => format!("Own income {} yuan {phrase}.", w(m.monthly_income)),
                }
            },
        );
    }
    f.note(t!(
        "特困人员的一般认定条件不在本地文件中，按国家《特困人员认定办法》认定。",
        "The general conditions of tekun are not in the local documents: the national rules apply."
    ));
    if f.failed() {
        return f.finish(Status::Ineligible);
    }
    if standard.is_none() {
        return f.finish(Status::NeedsInfo);
    }
    if m.tekun {
        f.note(t!("已在特困供养中。", "Already receives tekun support."));
    }
    let id = match ctx.h.residence {
        Residence::Urban => param::TEKUN_STANDARD_URBAN,
        Residence::Rural => param::TEKUN_STANDARD_RURAL,
    };
    f.monthly = f.param(id);
    if m.self_care != SelfCare::Full && ctx.has(ProgrammeId::Tekun, "care") {
        f.cite("care");
        f.next(t!(
            "生活不能完全自理：可申请集中供养，或签订委托照料协议由照料人照顾。",
            "Not fully self-reliant: may ask for institutional care, or a care agreement with a named carer."
        ));
    }
    if ctx.epidemic.in_period && ctx.has(ProgrammeId::Tekun, "fast_track") && !m.tekun {
        f.cite("fast_track");
        f.next(t!(
            "疫情期间个人承诺后当日申请、当日审批。",
            "During the epidemic, on a personal undertaking, same-day approval."
        ));
    }
    // An amount without a value leaves the decision standing: eligible, amount null, missing named.
    f.finish(Status::Eligible)
}
