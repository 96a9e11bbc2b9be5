//! 外来人员临时救助: people whose hukou is not local (外来务工人员, 外来流动人员, 外地人员;
//! `work: migrant` is a local who works away and never makes anyone 外来).
//!
//! - Tianjin 000 三（八） (`patients`): a person from elsewhere who caught COVID-19 here and is
//!   in grave hardship gets relief case by case (一事一议), no residence permit needed; Jilin
//!   004 一、5: a patient away from their hukou is helped where they fall ill.
//! - Tianjin 000 三（八） (`permit_holders`): a residence-permit holder in real hardship (read:
//!   per-capita income below the 低保 standard) gets temporary relief.
//! - Tianjin 000 三（九）, Chongqing 001 二（二）, Jilin 004 二、7 (`jobless`): a migrant worker
//!   kept from work by the epidemic, without family support, gets temporary relief (Tianjin:
//!   residence-permit holders only); money, lodging, food, urgent care or help home.
//! - `vagrants`: those who qualify as 生活无着的流浪乞讨人员 are helped by the 救助管理机构.

use crate::assessment::Status;
use crate::decision::{Compare, Condition, Source};
use crate::engine::{money_words as w, not_below, Ctx, FindingBuilder, Verdict};
use crate::household::Member;
use crate::ids::ProgrammeId;
use crate::input::{Covid, Hukou};
use crate::t;
use crate::text::Lang;

pub fn assess<'a>(ctx: &Ctx<'a>, m: &'a Member) -> Verdict {
    let mut f = FindingBuilder::new(ctx, ProgrammeId::TempReliefMigrant, Some(m));
    let has = |k| ctx.has(ProgrammeId::TempReliefMigrant, k);
    let first = crate::catalogue::get(ProgrammeId::TempReliefMigrant)
        .provisions
        .iter()
        .map(|p| p.key)
        .find(|k| has(k))
        .unwrap_or("jobless");
    if !f.require_epidemic() {
        f.cite(first);
        return f.finish(Status::Ineligible);
    }
    if !m.is_non_local() {
        f.cite(first);
        // Unstated, the hukou is taken as local (the contract's default): said as taken.
        let stated = m.hukou_stated;
        f.fail("temp_relief_migrant.from_elsewhere", move |lang: Lang| match (stated, lang) {
            (true, Lang::Zh) => {
                format!("{} 是本地户籍，不属外来人员（外出务工的本地居民也不算外来人员）。", ctx.who(m))
            }
            (true, Lang::En) => {
                format!(
                    "{} has a local hukou and is not from elsewhere (a local who works away is not either).",
                    ctx.who(m)
                )
            }
            (false, Lang::Zh) => format!("没有说明{}的户籍，按本地户籍计算，不属外来人员。", ctx.who(m)),
            (false, Lang::En) => {
                format!("{}'s hukou is not stated: taken as local, so not from elsewhere.", ctx.who(m))
            }
        });
        return f.finish(Status::Ineligible);
    }
    let permit = m.hukou == Hukou::ResidencePermit;
    let patient = matches!(m.covid, Covid::Confirmed | Covid::Deceased);
    let mut routes = 0;

    if patient && has("patients") {
        f.cite("patients");
        f.note(t!(
            "{} 是外来人员、新冠肺炎患者：由暂居地（急难发生地）直接给予临时救助，一事一议，无需居住证。",
            "{} is from elsewhere and a COVID-19 patient: relief is given where they are, case by case, no residence permit needed.",
            ctx.who(m)
        ));
        routes += 1;
    }
    if permit && has("permit_holders") {
        f.cite("permit_holders");
        let standard = f.standard();
        ctx.income.trace(&mut f);
        if let Some(s) = standard {
            let per = ctx.income.per_capita;
            let below = Condition::cmp(
                "temp_relief_migrant.income_below_standard",
                (per, Source::Computed("per_capita_income")),
                Compare::Lt,
                (s, Source::Param(ctx.standard_id())),
            );
            if per < s {
                f.observe(below, t!(
                    "{} 持居住证，家庭人均收入 {} 元，低于标准 {} 元，生活确有困难：通过临时救助给予生活保障。",
                    "{} holds a residence permit and per-capita income {} yuan is below the standard of {} yuan: temporary relief secures their living.",
                    ctx.who(m),
                    w(per),
                    w(s)
                ));
                routes += 1;
            } else {
                f.observe(below, |lang: Lang| {
                    let phrase = not_below(lang, ("标准", "the standard of "), per, s, true);
                    match lang {
                        Lang::Zh => format!(
                            "{} 持居住证，但家庭人均收入 {} 元，{phrase}，不按生活困难救助。",
                            ctx.who(m),
                            w(per)
                        ),
                        Lang::En => format!(
                            "{} holds a residence permit, but per-capita income {} yuan {phrase}.",
                            ctx.who(m),
                            w(per)
                        ),
                    }
                });
            }
        }
    }
    let jobless = has("jobless") && (!has("jobless_permit_only") || permit);
    // The job-loss clause is quoted for a member who lost work (or where it is the only route
    // left to explain), not for a patient or a permit holder who did not.
    if has("jobless") && m.epidemic_job_loss {
        f.cite("jobless");
        // 得不到家庭支持 is `has_able_supporter` no. Unstated, a supporter is taken as there
        // (the contract's default): said as taken, not as known.
        let unsupported = Condition::is("temp_relief_migrant.no_family_support", !m.has_able_supporter);
        let stated = m.supporter_stated;
        if jobless && !m.has_able_supporter {
            f.observe(unsupported, t!(
                "{} 是外来务工人员，受疫情影响找不到工作，又得不到家庭支持：给予临时救助（救助金、住宿、饮食、急病救治或协助返回）。",
                "{} is a migrant worker kept from work by the epidemic and without family support: temporary relief (money, lodging, food, urgent care or help home).",
                ctx.who(m)
            ));
            routes += 1;
        } else if jobless {
            f.observe(unsupported, move |lang: Lang| match (stated, lang) {
                (true, Lang::Zh) => format!("{} 有家庭支持。", ctx.who(m)),
                (true, Lang::En) => format!("{} has family support.", ctx.who(m)),
                (false, Lang::Zh) => format!("没有说明{}能不能得到家庭支持，按能得到计算。", ctx.who(m)),
                (false, Lang::En) => format!("Whether {} has family support is not stated: taken as yes.", ctx.who(m)),
            });
        } else {
            f.note(|lang: crate::text::Lang| match lang {
                crate::text::Lang::Zh => format!("{}此项只对持居住证的外来务工人员。", ctx.j.name),
                crate::text::Lang::En => {
                    format!("In {} this relief is for migrant workers with a residence permit.", ctx.j.name_en)
                }
            });
        }
    }
    if routes == 0 && has("jobless") && !m.epidemic_job_loss && !patient && !permit {
        // No other route was open: the job-loss one says why not.
        f.cite("jobless");
        f.note(t!("{} 未因疫情失去工作。", "{} did not lose work to the epidemic.", ctx.who(m)));
    }
    if routes == 0 {
        f.fail("temp_relief_migrant.any_case", t!(
            "{} 是外来人员，但不符合外来人员临时救助的情形（确诊患者、持居住证且生活困难、因疫情失业且无家庭支持）。",
            "{} is from elsewhere but in none of the cases for relief (a patient; a permit holder in hardship; jobless through the epidemic without family support).",
            ctx.who(m)
        ));
        if has("vagrants") {
            f.cite("vagrants");
            f.note(t!(
                "生活无着的，可向救助管理机构求助。",
                "Anyone with no means of living may turn to the relief-management agency (救助管理机构)."
            ));
        }
        return f.finish(Status::Ineligible);
    }
    f.next(t!(
        "向暂居地街道（乡镇）或区民政部门求助。",
        "Ask the sub-district (township) or district civil-affairs office where you are staying."
    ));
    f.finish(Status::Discretionary)
}
