//! 低保渐退 (Dongli 003 二（二）): a 低保 household whose per-capita income rose above the
//! standard through work, and reported it, keeps its former allowance for a while:
//! the first three months at 100 %, the next three at 50 %, then it leaves 低保.
//! Only while per-capita income is still above (高于) the standard: at the standard itself,
//! no taper. Month k = whole months from `support.income_above_standard_since` (or the day
//! the measure applies from, if later) to `as_of`, plus 1. The taper pays the former
//! allowance, as the text says (an assumption says so): income just above the standard can
//! receive more than the gap just below it.
//! 就业奖励 (the employment reward deducted first) has no figure in the text: read as 0.

use rust_decimal::Decimal;

use crate::assessment::Status;
use crate::dates::whole_months;
use crate::decision::{Compare, Condition, Source};
use crate::engine::{money_words as w, Ctx, FindingBuilder, Verdict};
use crate::ids::{param, ProgrammeId};
use crate::money::fmt2;
use crate::text::Either;
use crate::{fx, t};

pub fn assess(ctx: &Ctx) -> Verdict {
    let h = ctx.h;
    let mut f = FindingBuilder::new(ctx, ProgrammeId::DibaoTaper, None);
    // The taper applies from the day its document applies (Dongli 003: the day it was issued).
    let from = ctx.provision_applies_from(ProgrammeId::DibaoTaper, "taper");
    if !ctx.has(ProgrammeId::DibaoTaper, "taper") {
        f.cite_listed("taper");
        let from = crate::dates::Day(from);
        f.fail(
            "dibao_taper.in_force",
            t!(
                "延保渐退自 {from:#} 起适用，{:#} 尚不适用。",
                "The taper applies from {from}; it does not apply yet on {}.",
                crate::dates::Day::of(h.as_of)
            ),
        );
        return f.finish(Status::Ineligible);
    }
    f.cite("taper");
    if !f.require(
        Condition::is("dibao_taper.receives_dibao", h.support.dibao),
        t!("家庭正在享受低保。", "The household receives dibao."),
        t!(
            "家庭不在低保中（渐退只适用于低保家庭）。",
            "The household does not receive dibao (the taper is for dibao households)."
        ),
    ) {
        return f.finish(Status::Ineligible);
    }
    let Some(since) = h.support.income_above_standard_since else {
        f.fail("dibao_taper.rise_reported", t!(
            "家庭未申报通过劳动就业使人均收入超过标准（渐退从主动申报时开始）。",
            "The household has not reported that work raised its income above the standard (the taper starts from that report)."
        ));
        return f.finish(Status::Ineligible);
    };
    let standard = f.standard();
    ctx.income.trace(&mut f);
    let reward = match ctx.value(param::TAPER_EMPLOYMENT_REWARD).and_then(|v| v.number()) {
        Some(r) => f.money(
            t!("就业奖励（先扣除）", "Employment reward (deducted first)"),
            t!("政策参数", "policy parameter"),
            r,
        ),
        None => {
            ctx.assume(
                "dibao_taper.employment_reward",
                t!(
                    "渐退中“扣除就业奖励”的数额文件未定，按 0 元计算（参数“{}”）。",
                    "The employment reward deducted in the taper has no figure in the text; taken as 0 (parameter “{}”).",
                    ctx.param_label(param::TAPER_EMPLOYMENT_REWARD)
                ),
            );
            f.money(
                t!("就业奖励（未定，按 0）", "Employment reward (no figure: 0)"),
                t!("政策参数（文件未定数额）", "policy parameter (no figure in the text)"),
                Decimal::ZERO,
            )
        }
    };
    let Some(s) = standard else {
        return f.finish(Status::NeedsInfo);
    };
    let n = h.size();
    let per = f.money(
        t!("扣除就业奖励后人均收入", "Per-capita income after the reward"),
        fx!("({} − {}) ÷ {}", fmt2(ctx.income.counted), fmt2(reward), n),
        ((ctx.income.counted - reward).max(Decimal::ZERO)) / n,
    );
    if !f.require(
        Condition::cmp(
            "dibao_taper.income_still_above_standard",
            (per, Source::Computed("per_capita_income_after_reward")),
            Compare::Gt,
            (s, Source::Param(ctx.standard_id())),
        ),
        t!(
            "扣除就业奖励后人均收入 {} 元，仍高于标准 {} 元（超出 {} 元）。",
            "After the reward, per-capita income {} yuan is still above the standard of {} yuan (by {} yuan).",
            w(per),
            w(s),
            w(per - s)
        ),
        if per == s {
            Either::A(t!(
                "扣除就业奖励后人均收入 {} 元，等于标准 {} 元：渐退只适用于仍高于标准的家庭。",
                "After the reward, per-capita income {} yuan equals the standard of {} yuan: the taper is only for income still above it.",
                w(per),
                w(s)
            ))
        } else {
            Either::B(t!(
                "扣除就业奖励后人均收入 {} 元，已低于标准 {} 元（差 {} 元），按常规低保补差。",
                "After the reward, per-capita income {} yuan is below the standard of {} yuan (by {} yuan): ordinary dibao applies.",
                w(per),
                w(s),
                w(s - per)
            ))
        },
    ) {
        return f.finish(Status::Ineligible);
    }
    let (Some(full_m), Some(full_r), Some(half_m), Some(half_r)) = (
        f.param(param::TAPER_FULL_MONTHS),
        f.param(param::TAPER_FULL_RATE),
        f.param(param::TAPER_HALF_MONTHS),
        f.param(param::TAPER_HALF_RATE),
    ) else {
        return f.finish(Status::NeedsInfo);
    };
    // The taper counts from the report, and from the day the measure applies at the earliest.
    ctx.say_applies_from(ProgrammeId::DibaoTaper, "taper", true);
    let start = from.map_or(since, |d| since.max(d));
    if start != since {
        f.step(
            t!("渐退起算日", "The taper counts from"),
            t!(
                "申报日 {since} 早于本措施适用之日，按 {start} 起算",
                "the report of {since} is earlier than the day the measure applies: from {start}"
            ),
            fx!("{start}"),
        );
    }
    let k = Decimal::from(whole_months(start, h.as_of) + 1);
    f.step(
        t!("渐退第几个月", "Month of the taper"),
        t!("{start} 至 {} 的整月数 + 1", "whole months from {start} to {}, plus 1", h.as_of),
        fx!("{k}"),
    );
    let rate = if k <= full_m {
        full_r
    } else if k <= full_m + half_m {
        half_r
    } else {
        f.fail(
            "dibao_taper.within_taper",
            t!(
                "渐退期（{} + {} 个月）已于第 {} 个月前结束，退出低保。",
                "The taper ({} + {} months) ended before month {}: the household leaves dibao.",
                full_m,
                half_m,
                k
            ),
        );
        return f.finish(Status::Ineligible);
    };
    let Some(former) = h.support.dibao_monthly else {
        f.need_input("support.dibao_monthly");
        return f.finish(Status::NeedsInfo);
    };
    f.money(t!("原领取低保金", "Former monthly dibao"), t!("申报的原领取低保金", "as reported"), former);
    f.step(
        t!("本月发放比例", "Rate this month"),
        t!("第 {k} 个月", "month {k}"),
        fx!("{}%", (rate * Decimal::from(100)).normalize()),
    );
    f.monthly = Some(f.money(
        t!("本月渐退低保金", "Taper allowance this month"),
        fx!("{} × {}", fmt2(former), rate.normalize()),
        former * rate,
    ));
    f.cap = Some(f.money(
        t!("渐退期合计上限", "Whole taper at most"),
        fx!("{} × ({} × {} + {} × {})", fmt2(former), full_m, full_r.normalize(), half_m, half_r.normalize()),
        former * (full_m * full_r + half_m * half_r),
    ));
    ctx.assume(
        "reading.taper_former_allowance",
        t!(
            "渐退按文件所写，继续发放家庭原领取的低保金（前期 {}%、后期 {}%），而不是按现在的收入重算差额：所以收入刚高于标准的家庭，渐退期领到的可能多于收入略低于标准时的差额补足。",
            "As the text says, the taper continues the household's former allowance ({}% at first, then {}%), not a gap worked out from today's income: so a household just above the standard may receive more during the taper than the gap it would get just below it.",
            (full_r * Decimal::from(100)).normalize(),
            (half_r * Decimal::from(100)).normalize()
        ),
    );
    f.note(t!(
        "前 {} 个月按原低保金的 {}% 发放，后 {} 个月按 {}% 发放，之后退出低保。",
        "The first {} months pay {}% of the former allowance, the next {} months {}%, then the household leaves dibao.",
        full_m,
        (full_r * Decimal::from(100)).normalize(),
        half_m,
        (half_r * Decimal::from(100)).normalize()
    ));
    f.finish(Status::Eligible)
}
