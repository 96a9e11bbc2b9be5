//! 最低生活保障（低保）: the household's gap to the standard, paid monthly.
//!
//! - The gap (差额救助, Tianjin 002 一; Chongqing 001 一（一）“补差”): standard × members −
//!   counted income, when the counted per-capita income is below the standard.
//! - Counted income after the epidemic work-cost deduction: see [`crate::income`].
//! - Exit suspended during the epidemic (Chongqing 001 一（一）; Dongli 003 二（五）, unless
//!   income clearly rose; Jilin 004 四、12 where the locality so decides): a 低保 household
//!   whose per-capita income is now at or above the standard keeps its current 低保金.
//!   Tianjin 000 and 002 have no such clause: ordinary exit.
//! - Money assets within the local limit, where the policies know one (Tianjin: 24 months
//!   of the urban standard per person, an outside source).

use rust_decimal::Decimal;

use crate::assessment::Status;
use crate::decision::{Compare, Condition, Source};
use crate::engine::{money_words as w, Ctx, FindingBuilder, Verdict};
use crate::ids::{param, ProgrammeId};
use crate::input::{Applying, Covid};
use crate::money::fmt2;
use crate::text::Either;
use crate::{fx, t, tx};

pub fn assess(ctx: &Ctx) -> Verdict {
    let h = ctx.h;
    let mut f = FindingBuilder::new(ctx, ProgrammeId::Dibao, None);
    f.cite("gap");
    // Each inclusion clause is quoted for its own trigger only (a patient's clause for a
    // patient, the job-loss clause for a job loss).
    if ctx.epidemic.in_period {
        if h.members.iter().any(|m| m.epidemic_job_loss) {
            f.cite("job_loss_inclusion");
        }
        if h.members.iter().any(|m| m.covid != Covid::None) {
            f.cite("patients_inclusion");
        }
        if h.members.iter().any(|m| m.isolated) {
            f.cite("isolated_inclusion");
        }
    }
    if h.support.poverty_registered {
        f.cite("poverty_inclusion");
    }
    let standard = f.standard();
    ctx.income.trace(&mut f);
    let Some(s) = standard else {
        f.note(t!(
            "不知道当地的低保标准，还无法判断。",
            "No value of the dibao standard is known, so this cannot be decided."
        ));
        return f.finish(Status::NeedsInfo);
    };
    if f.has_missing() {
        return f.finish(Status::NeedsInfo);
    }
    let n = h.size();
    let line = f.money(t!("全家保障线", "Household guarantee line"), fx!("{} × {}", fmt2(s), n), s * n);
    asset_test(&mut f, s);
    let per = ctx.income.per_capita;
    let counted = ctx.income.counted;

    let below = Condition::cmp(
        "dibao.income_below_standard",
        (per, Source::Computed("per_capita_income")),
        Compare::Lt,
        (s, Source::Param(ctx.standard_id())),
    )
    .by("gap");
    if per < s {
        // "按差额补足" only where the gap is paid: not when another condition (assets) failed.
        let paid = !f.failed();
        f.require(
            below,
            if paid {
                Either::A(t!(
                    "人均收入 {} 元，低于标准 {} 元，按差额补足。",
                    "Per-capita income {} yuan is below the standard of {} yuan: the gap is paid.",
                    w(per),
                    w(s)
                ))
            } else {
                Either::B(t!(
                    "人均收入 {} 元，低于标准 {} 元。",
                    "Per-capita income {} yuan is below the standard of {} yuan.",
                    w(per),
                    w(s)
                ))
            },
            "",
        );
        // Chongqing 001 一（一）“收入下降的低保家庭，及时调整补差金额”: said only where income fell,
        // that is where the gap now is more than the allowance the household receives.
        let fell = h.support.dibao_monthly.is_some_and(|now| line - counted > now);
        if h.support.dibao && fell && ctx.has(ProgrammeId::Dibao, "gap_adjusted") && ctx.epidemic.in_period {
            f.cite("gap_adjusted");
            f.note(t!(
                "收入下降的低保家庭，及时调整补差金额。",
                "A dibao household whose income fell has its gap adjusted."
            ));
        }
        if f.failed() {
            return f.finish(Status::Ineligible);
        }
        let gap = f.money(t!("每月低保金", "Monthly dibao"), fx!("{} − {}", fmt2(line), fmt2(counted)), line - counted);
        f.monthly = Some(gap);
        next_steps(&mut f);
        return f.finish(Status::Eligible);
    }

    let over = per - s;
    let distance = || {
        if over.is_zero() {
            Either::A(t!(
                "人均收入 {} 元，等于标准 {} 元（须低于标准）。",
                "Per-capita income {} yuan equals the standard of {} yuan (it must be below it).",
                w(per),
                w(s)
            ))
        } else {
            Either::B(t!(
                "人均收入 {} 元，高于标准 {} 元，超出 {} 元。",
                "Per-capita income {} yuan is above the standard of {} yuan by {} yuan.",
                w(per),
                w(s),
                w(over)
            ))
        }
    };
    if !h.support.dibao {
        f.require(below, "", distance());
        return f.finish(Status::Ineligible);
    }
    match exit_suspended(ctx) {
        Ok(()) => {
            f.cite("exit_suspended");
            f.observe(below, distance());
            f.record(Condition::is("dibao.exit_suspended", true));
            f.note(t!(
                "疫情防控期间暂停低保退出：继续按现在的低保金发放。",
                "Exit from dibao is suspended during the epidemic: the current allowance continues."
            ));
            if f.failed() {
                return f.finish(Status::Ineligible);
            }
            match h.support.dibao_monthly {
                Some(current) => {
                    f.monthly = Some(f.money(
                        t!("现领低保金（保持不变）", "Current dibao (kept)"),
                        t!("申报的现领低保金", "the current allowance, as reported"),
                        current,
                    ));
                    f.finish(Status::Eligible)
                }
                None => {
                    f.need_input("support.dibao_monthly");
                    f.finish(Status::NeedsInfo)
                }
            }
        }
        Err(why) => {
            // The clause that decides the exit (Dongli's “unless income clearly rose”, Jilin's
            // “where the locality decides”), where it is in force and the epidemic period runs.
            if ctx.epidemic.in_period && ctx.has(ProgrammeId::Dibao, "exit_suspended") {
                f.cite("exit_suspended");
            }
            f.require(below, "", distance());
            f.note(why);
            f.finish(Status::Ineligible)
        }
    }
}

/// Whether a 低保 household at or above the standard keeps its allowance; `Err` says why not.
pub fn exit_suspended(ctx: &Ctx) -> Result<(), crate::text::Text> {
    let h = ctx.h;
    ctx.say_applies_from(ProgrammeId::Dibao, "exit_suspended", true);
    if !ctx.has(ProgrammeId::Dibao, "exit_suspended") {
        if let Some(from) = ctx.provision_applies_from(ProgrammeId::Dibao, "exit_suspended") {
            let (from, as_of) = (crate::dates::Day::of(from), crate::dates::Day::of(h.as_of));
            return Err(crate::text::Text::new(
                format!("疫情期间暂停低保退出的规定自 {from:#} 起适用，{as_of:#} 尚不适用：按常规退出。"),
                format!("The suspension of exit during the epidemic applies from {from}; on {as_of} it does not apply yet: ordinary exit."),
            ));
        }
        return Err(tx!(
            "本地文件没有疫情期间暂停低保退出的规定，按常规退出。",
            "The local documents do not suspend exit from dibao during the epidemic: ordinary exit."
        ));
    }
    if !ctx.epidemic.in_period {
        return Err(tx!("不在疫情防控期间，按常规退出。", "Outside the epidemic period: ordinary exit."));
    }
    if ctx.has(ProgrammeId::Dibao, "exit_if_decided") {
        let on = ctx.bool(param::DIBAO_EXIT_SUSPENDED).unwrap_or(false);
        ctx.assume(
            "dibao.exit_suspended",
            |lang| crate::text::Text::new(
                format!("文件规定“各地可根据疫情形势决定暂停开展低保对象退出工作”：本次按{}暂停计算（参数“{}”）。", if on { "已" } else { "未" }, ctx.param_label(param::DIBAO_EXIT_SUSPENDED)),
                format!("The document lets each locality decide whether to suspend exit from dibao: this assessment takes it as {} (parameter “{}”).", if on { "suspended" } else { "not suspended" }, ctx.param_label(param::DIBAO_EXIT_SUSPENDED)),
            ).into_lang(lang),
        );
        if !on {
            return Err(tx!(
                "当地未决定暂停低保退出，按常规退出。",
                "The locality has not suspended exit: ordinary exit."
            ));
        }
    }
    if ctx.has(ProgrammeId::Dibao, "exit_unless_income_rose") {
        if h.support.income_above_standard_since.is_some() {
            // 003 二（二）: the taper is for income still above (高于) the standard.
            let above = ctx.standard().is_some_and(|s| ctx.income.per_capita > s);
            return Err(if above {
                tx!(
                    "家庭已申报通过劳动就业收入超过标准，属于收入明显提高，按渐退办理。",
                    "The household reported that work raised its income above the standard: its income has clearly risen, so the taper applies."
                )
            } else {
                tx!(
                    "家庭已申报通过劳动就业收入超过标准，属于收入明显提高，不再暂停退出；人均收入现未高于标准，渐退也不适用。",
                    "The household reported that work raised its income above the standard: its income has clearly risen, so exit is not suspended; its per-capita income is not above the standard now, so the taper does not apply either."
                )
            });
        }
        ctx.assume(
            "dibao.income_clearly_risen",
            |lang: crate::text::Lang| match lang {
                crate::text::Lang::Zh => format!(
                    "{}“除家庭收入明显提高外”暂停退出：未申报收入超过标准的日期，按收入未明显提高计算，由工作人员核实。",
                    ctx.j.name
                ),
                crate::text::Lang::En => format!(
                    "{} suspends exit “unless income has clearly risen”: with no date of a reported rise, income is taken as not clearly risen; staff judge.",
                    ctx.j.name_en
                ),
            },
        );
    }
    Ok(())
}

fn asset_test(f: &mut FindingBuilder, _standard: Decimal) {
    let ctx = f.ctx;
    let h = ctx.h;
    let months = if ctx.has(ProgrammeId::Dibao, "asset_limit") {
        ctx.value(param::DIBAO_ASSET_LIMIT_MONTHS).and_then(|v| v.number())
    } else {
        None
    };
    let Some(months) = months else {
        ctx.assume(
            "dibao.assets_not_tested",
            t!(
                "不知道当地低保的财产标准，没有核查财产。",
                "No local asset limit for dibao is known, so assets were not tested."
            ),
        );
        return;
    };
    let Some(assets) = h.assets else {
        ctx.assume(
            "assets.unknown",
            t!(
                "未填写家庭财产，按符合财产标准计算。",
                "Household assets were not given; they are taken as within the limit."
            ),
        );
        return;
    };
    let urban = f.param(param::DIBAO_STANDARD_URBAN);
    f.param(param::DIBAO_ASSET_LIMIT_MONTHS);
    let Some(urban) = urban else { return };
    let n = h.size();
    let limit = f.money(
        t!("财产限额", "Asset limit"),
        fx!("{} × {} × {}", months.normalize(), fmt2(urban), n),
        months * urban * n,
    );
    f.money(t!("家庭财产", "Household assets"), t!("申报的家庭财产", "as reported"), assets);
    let within = Condition::cmp(
        "dibao.assets_within_limit",
        (assets, Source::Input("assets")),
        Compare::Le,
        (limit, Source::Computed("asset_limit")),
    )
    .by("asset_limit");
    let over = t!(
        "家庭财产 {} 元，超过限额 {} 元，超出 {} 元。",
        "Assets of {} yuan exceed the limit of {} yuan by {} yuan.",
        w(assets),
        w(limit),
        w(assets - limit)
    );
    // The exit suspension stops every exit of a current 低保 household (Chongqing 001 一（一）,
    // Dongli 003 二（五） save a clear rise in income, Jilin where decided), one for assets too.
    if assets > limit && h.support.dibao && exit_suspended(ctx).is_ok() {
        f.cite("exit_suspended");
        f.observe(within, over);
        f.note(t!(
            "疫情防控期间暂停低保退出：财产超过限额不终止现有低保。",
            "Exit from dibao is suspended during the epidemic: assets above the limit do not end the current allowance."
        ));
        return;
    }
    f.require(
        within,
        t!(
            "家庭财产 {} 元，未超过限额 {} 元。",
            "Assets of {} yuan are within the limit of {} yuan.",
            w(assets),
            w(limit)
        ),
        over,
    );
}

fn next_steps(f: &mut FindingBuilder) {
    let ctx = f.ctx;
    if !ctx.h.support.dibao && ctx.epidemic.in_period && ctx.has(ProgrammeId::Dibao, "fast_track") {
        f.cite("fast_track");
        f.next(t!(
            "向村（社区）申请，个人承诺后当日申请、当日审批。",
            "Apply at the village or community office: on a personal undertaking, the application is approved the same day."
        ));
    } else if !ctx.h.support.dibao {
        f.next(t!("向户籍地或居住地街道（乡镇）申请低保。", "Apply for dibao at the sub-district (township) office."));
    }
    // The documents set no hukou condition for 低保, but send people from elsewhere to
    // temporary relief (000 三（八）（九）, 001 二, 004 二): an applicant stated not to have
    // a local hukou is told to check where to apply and at whose standard, and of that relief.
    let applicant = ctx.h.members.first();
    if let Some(m) = applicant.filter(|m| !ctx.h.support.dibao && m.hukou_stated && m.is_non_local()) {
        f.note(t!(
            "{} 不是本地户籍：能否在居住地申请低保、按哪里的标准，请向居住地街道（乡镇）确认；生活困难的外地人员也可申请外来人员临时救助。",
            "{} has no local hukou: ask the sub-district (township) office where they live whether dibao can be applied for there and at which standard; people from elsewhere in hardship may also get temporary relief for people from elsewhere.",
            ctx.who(m)
        ));
    }
    if ctx.h.applying.contains(&Applying::Dibao) {
        f.note(t!("家庭正在申请低保。", "The household is applying for dibao."));
    }
}
