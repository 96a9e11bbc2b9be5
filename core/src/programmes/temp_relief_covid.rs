//! 疫情临时救助: relief for COVID-19 patients, isolated people and households in hardship
//! because of the epidemic, within the epidemic period. Each place words it differently:
//!
//! - Chongqing 001 一（五） (`patients_monthly`): a confirmed patient who is a 低保对象, 特困人员,
//!   困境儿童 or 建档立卡贫困人口 gets 2 × the 低保 standard a month, from diagnosis until
//!   discharge, a started month counting whole; a household whose patient died gets more,
//!   set by the district (`bereaved`, 一事一议).
//! - Jilin 004 一、5 (`patients_direct`): a confirmed 低保对象, 特困人员 or 建档立卡贫困人口 gets
//!   relief directly, other patients in hardship 先行临时救助, the gravest cases 一事一议;
//!   the amount is set locally.
//! - Tianjin 000 二（五） (`patients_advance`): patients and people whose family member is
//!   isolated or treated are taken into 低保/低收入 where they qualify and given relief first
//!   (先行临时救助), the amount not fixed.
//! - Everywhere (`hardship`): a household whose income fell because of the epidemic and whose
//!   per-capita income is below the standard gets temporary relief, amount not fixed.

use rust_decimal::Decimal;

use crate::assessment::Status;
use crate::dates::months_started;
use crate::decision::{Compare, Condition, Source};
use crate::engine::{money_words as w, not_below, Ctx, FindingBuilder, Verdict};
use crate::household::Member;
use crate::ids::{param, ProgrammeId};
use crate::input::{Covid, Residence};
use crate::money::fmt2;
use crate::text::{Either, Lang, Say};
use crate::{fx, t, tx};

pub fn assess<'a>(ctx: &Ctx<'a>, m: &'a Member) -> Verdict {
    let mut f = FindingBuilder::new(ctx, ProgrammeId::TempReliefCovid, Some(m));
    if !f.require_epidemic() {
        f.cite(first_provision(ctx));
        return f.finish(Status::Ineligible);
    }
    let confirmed = m.covid == Covid::Confirmed;
    let deceased = m.covid == Covid::Deceased;
    let has = |k| ctx.has(ProgrammeId::TempReliefCovid, k);

    // 001 一（五）“对其中的病亡人员家庭，再给予…”: the families of patients in the groups just
    // named, and in addition to the monthly relief for the months in hospital.
    if deceased && has("bereaved") && in_patient_group(ctx, m, true) {
        f.cite("bereaved");
        f.note(t!(
            "{} 因新冠肺炎病亡：对其家庭再给予一定额度的临时救助，标准由当地确定（一事一议）。",
            "{} died of COVID-19: the household gets further relief, its amount set locally (case by case).",
            ctx.who(m)
        ));
        if has("patients_monthly") {
            f.cite("patients_monthly");
            return monthly(f, m);
        }
        fast_track(&mut f);
        return f.finish(Status::Discretionary);
    }

    if confirmed && has("patients_monthly") {
        f.cite("patients_monthly");
        if in_patient_group(ctx, m, true) {
            return monthly(f, m);
        }
        f.fail("temp_relief_covid.patient_group", t!(
            "{} 是确诊患者，但不是低保对象、特困人员、困境儿童或建档立卡贫困人口（按月 2 倍标准的临时救助只对这些群体）。",
            "{} is a confirmed patient but not a dibao recipient, tekun recipient, child in difficulty or registered poor person (the monthly relief is for these groups).",
            ctx.who(m)
        ));
    }

    if (confirmed || deceased) && has("patients_direct") {
        f.cite("patients_direct");
        if in_patient_group(ctx, m, false) {
            f.note(t!(
                "{} 是确诊的低保对象、特困人员或建档立卡贫困人口：直接予以临时救助，当日审批、当日发放，数额由当地确定。",
                "{} is a confirmed patient who is a dibao or tekun recipient or registered poor: relief is given directly, approved and paid the same day; the amount is set locally.",
                ctx.who(m)
            ));
        } else if deceased {
            f.note(t!("{} 病亡：一事一议加大临时救助力度。", "{} died: relief is decided case by case.", ctx.who(m)));
        } else {
            f.note(t!(
                "{} 是确诊患者：生活困难的，先行给予临时救助；造成重大生活困难的，一事一议。",
                "{} is a confirmed patient: if in hardship, relief is given first; grave hardship is decided case by case.",
                ctx.who(m)
            ));
        }
        fast_track(&mut f);
        return f.finish(Status::Discretionary);
    }

    if (confirmed || deceased || m.isolated) && has("patients_advance") {
        f.cite("patients_advance");
        f.note(if m.isolated && !confirmed && !deceased {
            Either::A(t!(
                "{} 被隔离收治：因此生活出现暂时困难的，符合条件及时纳入低保、低收入，并先行给予临时救助。",
                "{} is isolated or treated: if this brings hardship, the household enters dibao or low-income support where it qualifies, and gets relief first.",
                ctx.who(m)
            ))
        } else {
            Either::B(t!(
                "{} 是新冠肺炎患者：符合条件的及时纳入低保、低收入范围，并先行给予临时救助（数额未定，由街道审批）。",
                "{} is a COVID-19 patient: the household enters dibao or low-income support where it qualifies, and gets relief first (amount not fixed).",
                ctx.who(m)
            ))
        });
        fast_track(&mut f);
        return f.finish(Status::Discretionary);
    }

    let affected = m.epidemic_job_loss || confirmed || deceased || m.isolated;
    if affected && has("hardship") {
        f.cite("hardship");
        if ctx.h.residence == Residence::Rural && has("hardship_rural") {
            f.cite("hardship_rural");
        }
        // 001 一（五）“其他社会救助制度暂时无法覆盖的困难群众”: not for those already covered.
        if has("hardship_uncovered") {
            f.cite("hardship_uncovered");
            let covered = ctx.h.support.dibao || m.tekun;
            if !f.require(
                Condition::is("temp_relief_covid.not_covered", !covered),
                t!(
                    "{} 未纳入低保、特困供养等其他救助。",
                    "{} is covered by no other assistance (dibao, tekun).",
                    ctx.who(m)
                ),
                t!(
                    "{} 已纳入低保或特困供养：本项临时救助只给其他社会救助制度暂时无法覆盖的困难群众。",
                    "{} is already covered by dibao or tekun: this relief is for those no other scheme can yet cover.",
                    ctx.who(m)
                ),
            ) {
                return f.finish(Status::Ineligible);
            }
        }
        let standard = f.standard();
        ctx.income.trace(&mut f);
        let Some(s) = standard else {
            return f.finish(Status::NeedsInfo);
        };
        let per = ctx.income.per_capita;
        if f.require(
            Condition::cmp(
                "temp_relief_covid.income_below_standard",
                (per, Source::Computed("per_capita_income")),
                Compare::Lt,
                (s, Source::Param(ctx.standard_id())),
            ),
            // How the epidemic touched this person, as the household said it: not "income fell"
            // for a patient or an isolated person who did not say so.
            move |lang: Lang| {
                let (zh, en) = if m.epidemic_job_loss {
                    ("因疫情失去工作或收入", "lost work or income to the epidemic")
                } else if deceased {
                    ("因新冠肺炎去世", "died of COVID-19")
                } else if confirmed {
                    ("确诊新冠肺炎", "is a confirmed COVID-19 patient")
                } else {
                    ("被隔离收治", "is isolated or treated")
                };
                match lang {
                    Lang::Zh => format!(
                        "{} {zh}，家庭人均收入 {} 元，低于标准 {} 元，生活困难：给予临时救助，数额视困难程度确定。",
                        ctx.who(m),
                        w(per),
                        w(s)
                    ),
                    Lang::En => format!(
                        "{} {en}, and per-capita income {} yuan is below the standard of {} yuan: temporary relief, its amount set by need.",
                        ctx.who(m),
                        w(per),
                        w(s)
                    ),
                }
            },
            |lang: Lang| {
                let phrase = not_below(lang, ("标准", "the standard of "), per, s, true);
                match lang {
                    Lang::Zh => format!("{} 受疫情影响，但家庭人均收入 {} 元，{phrase}，不按生活困难救助。", ctx.who(m), w(per)),
                    Lang::En => format!("{} was affected by the epidemic, but per-capita income {} yuan {phrase}.", ctx.who(m), w(per)),
                }
            },
        ) {
            fast_track(&mut f);
            return f.finish(Status::Discretionary);
        }
        return f.finish(Status::Ineligible);
    }

    if !f.failed() && affected {
        // Affected, but by a trigger the place's documents give no epidemic relief for.
        f.cite(first_provision(ctx));
        f.fail(
            "temp_relief_covid.route",
            t!(
                "{} 受疫情影响，但本地文件的疫情临时救助不包括这种情形（须确诊新冠肺炎等）。",
                "{} was affected by the epidemic, but the local documents give this relief for other cases (such as a confirmed patient).",
                ctx.who(m)
            ),
        );
    } else if !f.failed() {
        f.cite(first_provision(ctx));
        f.fail(
            "temp_relief_covid.affected",
            t!(
                "{} 未确诊新冠肺炎、未被隔离收治，也未因疫情失去工作或收入。",
                "{} is not a COVID-19 patient, not isolated, and did not lose work or income to the epidemic.",
                ctx.who(m)
            ),
        );
    }
    f.finish(Status::Ineligible)
}

fn first_provision(ctx: &Ctx) -> &'static str {
    crate::catalogue::get(ProgrammeId::TempReliefCovid)
        .provisions
        .iter()
        .map(|p| p.key)
        .find(|k| ctx.has(ProgrammeId::TempReliefCovid, k))
        .unwrap_or("hardship")
}

/// 低保对象、特困人员、(困境儿童、)建档立卡贫困人口: the lists that end in 等, read as named.
fn in_patient_group(ctx: &Ctx, m: &Member, children: bool) -> bool {
    ctx.assume(
        "reading.lists_ending_in_deng",
        t!(
            "以“等”结尾的名单（价格临时补贴对象、新冠患者救助群体）按其列出的群体理解。",
            "Lists that end in 等 (price-subsidy groups, COVID-patient groups) are read as the groups they name."
        ),
    );
    // Jilin 004 一、5 names “农村建档立卡贫困人口”: registered poverty counts only for a rural household.
    let poor = ctx.h.support.poverty_registered
        && (!ctx.has(ProgrammeId::TempReliefCovid, "poverty_rural_only") || ctx.h.residence == Residence::Rural);
    ctx.h.support.dibao || m.tekun || poor || (children && m.is_child_in_difficulty())
}

/// Chongqing: 2 × standard a month from diagnosis to discharge (or `as_of`).
fn monthly(mut f: FindingBuilder, m: &Member) -> Verdict {
    let ctx = f.ctx;
    let h = ctx.h;
    let group = if h.support.dibao {
        tx!("低保对象", "a dibao recipient")
    } else if m.tekun {
        tx!("特困人员", "a tekun recipient")
    } else if h.support.poverty_registered {
        tx!("建档立卡贫困人口", "a registered poor person")
    } else {
        tx!("困境儿童", "a child in difficulty")
    };
    let group = ctx.say(group);
    f.note(t!("{} 是确诊新冠肺炎患者，属{}。", "{} is a confirmed COVID-19 patient and {}.", ctx.who(m), group));
    let multiple = f.param(param::COVID_STANDARD_MULTIPLE);
    let standard = f.standard();
    let Some(diagnosed) = m.diagnosed_on else {
        f.need_member("diagnosed_on");
        return f.finish(Status::NeedsInfo);
    };
    // A patient who died is no longer in hospital: the months end on the day the stay ended.
    if m.covid == Covid::Deceased && m.discharged_on.is_none() {
        f.need_member("discharged_on");
        return f.finish(Status::NeedsInfo);
    }
    let (Some(k), Some(s)) = (multiple, standard) else {
        return f.finish(Status::NeedsInfo);
    };
    let monthly = f.money(t!("每月临时救助金", "Monthly relief"), fx!("{} × {}", fmt2(s), k.normalize()), s * k);
    let end = m.discharged_on.unwrap_or(h.as_of);
    let months = months_started(diagnosed, end);
    f.step(
        t!("发放月数（不足一个月按一个月）", "Months (a started month counts whole)"),
        |lang: Lang| match m.discharged_on {
            Some(x) => format!("{diagnosed} → {x}"),
            None => format!("{diagnosed} → {} ({})", h.as_of, t!("仍在院", "still in hospital").say(lang)),
        },
        fx!("{months}"),
    );
    if m.discharged_on.is_none() {
        f.note(t!(
            "仍在住院：按月发放直到出院，月数算到 {}。",
            "Still in hospital: paid monthly until discharge; months counted to {}.",
            h.as_of
        ));
    }
    f.monthly = Some(monthly);
    f.months = Some(months);
    f.until = m.discharged_on;
    f.money(t!("合计", "Total"), fx!("{} × {}", fmt2(monthly), months), monthly * Decimal::from(months));
    fast_track(&mut f);
    f.finish(Status::Eligible)
}

fn fast_track(f: &mut FindingBuilder) {
    let ctx = f.ctx;
    if ctx.has(ProgrammeId::TempReliefCovid, "fast_track_24h") {
        f.cite("fast_track_24h");
        f.next(t!(
            "属急难型临时救助：申报后 24 小时内完成审核审批，可先行救助。",
            "Emergency relief: approved within 24 hours of the application; relief may be given first."
        ));
    }
    if ctx.has(ProgrammeId::TempReliefCovid, "fast_track_same_day") {
        f.cite("fast_track_same_day");
        f.next(t!("当日审批、当日发放救助金。", "Approved and paid the same day."));
    }
}
