//! 低保渐退 (Dongli 003 二（二）): a 低保 household whose per-capita income rose above the
//! standard through work, and reported it, keeps its former allowance for a while:
//! the first three months at 100 %, the next three at 50 %, then it leaves 低保.
//! Month k = whole months from `support.income_above_standard_since` to `as_of`, plus 1.
//! 就业奖励 (the employment reward deducted first) has no figure in the text: read as 0.

use rust_decimal::Decimal;

use crate::assessment::Status;
use crate::dates::whole_months;
use crate::decision::{Compare, Condition, Source};
use crate::engine::{money_words as w, Ctx, FindingBuilder, Verdict};
use crate::ids::{param, ProgrammeId};
use crate::money::fmt2;
use crate::programmes::{Provision, STANDARDS};
use crate::{fx, t};

pub const PROVISIONS: &[Provision] = &[Provision {
    key: "taper",
    params: &[
        param::TAPER_FULL_MONTHS,
        param::TAPER_FULL_RATE,
        param::TAPER_HALF_MONTHS,
        param::TAPER_HALF_RATE,
        param::TAPER_EMPLOYMENT_REWARD,
        STANDARDS[0],
        STANDARDS[1],
    ],
}];

pub fn assess(ctx: &Ctx) -> Verdict {
    let h = ctx.h;
    let mut f = FindingBuilder::new(ctx, ProgrammeId::DibaoTaper, None);
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
            Compare::Ge,
            (s, Source::Param(ctx.standard_id())),
        ),
        t!("扣除就业奖励后人均收入 {} 元，仍不低于标准 {} 元。", "After the reward, per-capita income {} yuan is still not below the standard of {} yuan.", w(per), w(s)),
        t!(
            "扣除就业奖励后人均收入 {} 元，已低于标准 {} 元（差 {} 元），按常规低保补差。",
            "After the reward, per-capita income {} yuan is below the standard of {} yuan (by {} yuan): ordinary dibao applies.",
            w(per),
            w(s),
            w(s - per)
        ),
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
    let k = Decimal::from(whole_months(since, h.as_of) + 1);
    f.step(
        t!("渐退第几个月", "Month of the taper"),
        t!("{since} 至 {} 的整月数 + 1", "whole months from {since} to {}, plus 1", h.as_of),
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
