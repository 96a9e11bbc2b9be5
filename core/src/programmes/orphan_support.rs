//! 孤儿基本生活保障: an orphan under 18 gets the orphans' basic living allowance (Chongqing
//! 001 一（四）; Dongli 003 二（四）; Jilin 004 一、1). Chongqing 001 一（四） (`adult_extension`):
//! an orphan who turns 18 during the epidemic is not removed, and leaves "the month after the
//! epidemic ends" — read: kept through the month in which it ends. No 2020 amount was found:
//! the amount is the parameter `orphan_support.monthly`.

use chrono::{Datelike, NaiveDate};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::assessment::Status;
use crate::decision::{Compare, Condition, Source};
use crate::engine::{Ctx, FindingBuilder, Verdict};
use crate::household::Member;
use crate::ids::{param, ProgrammeId};
use crate::text::Either;
use crate::{fx, t};

pub fn assess<'a>(ctx: &Ctx<'a>, m: &'a Member) -> Verdict {
    let mut f = FindingBuilder::new(ctx, ProgrammeId::OrphanSupport, Some(m));
    let has = |k| ctx.has(ProgrammeId::OrphanSupport, k);
    // 事实无人抚养儿童 (Dongli 003 二（四）; Tianjin 002 一, in a 低收入 family): covered like orphans.
    let unsupported_key = if has("unsupported_children") {
        Some("unsupported_children")
    } else if has("unsupported_children_low_income") && ctx.h.support.low_income {
        Some("unsupported_children_low_income")
    } else {
        None
    };
    if m.unsupported_child && !m.orphan {
        if let Some(key) = unsupported_key {
            f.cite(key);
            f.require(
                Condition::is("orphan_support.unsupported_child", true),
                t!(
                    "{} 符合事实无人抚养儿童条件：纳入保障范围，基本生活费按孤儿标准计算。",
                    "{} meets the conditions of a child without de-facto carers: covered, the allowance at the orphans' standard.",
                    ctx.who(m)
                ),
                "",
            );
            ctx.assume(
                "reading.unsupported_child_allowance",
                t!(
                    "事实无人抚养儿童的基本生活费按当地孤儿基本生活费标准计算。",
                    "The allowance of a child without de-facto carers is taken at the local orphans' standard."
                ),
            );
            return under_adult_age(f, m);
        }
    }
    let first = if has("support") { "support" } else { unsupported_key.unwrap_or("unsupported_children_low_income") };
    f.cite(first);
    let either = unsupported_key.is_some();
    if !f.require(
        Condition::is("orphan_support.orphan", m.orphan && has("support")),
        t!("{} 是孤儿。", "{} is an orphan.", ctx.who(m)),
        if either {
            Either::A(t!(
                "{} 不是孤儿，也不是事实无人抚养儿童。",
                "{} is neither an orphan nor a child without de-facto carers.",
                ctx.who(m)
            ))
        } else if has("support") {
            Either::B(Either::A(t!("{} 不是孤儿。", "{} is not an orphan.", ctx.who(m))))
        } else {
            Either::B(Either::B(t!(
                "{} 不是低收入家庭中的事实无人抚养儿童。",
                "{} is not a child without de-facto carers in a low-income family.",
                ctx.who(m)
            )))
        },
    ) {
        return f.finish(Status::Ineligible);
    }
    under_adult_age(f, m)
}

/// Under the age of majority (or kept past it where the epidemic suspends exit): the allowance.
fn under_adult_age<'a>(mut f: FindingBuilder<'_, 'a>, m: &'a Member) -> Verdict {
    let ctx = f.ctx;
    let Some(adult) = f.param(param::PERSON_ADULT_AGE) else {
        return f.finish(Status::NeedsInfo);
    };
    let age = Decimal::from(m.age);
    if age < adult {
        f.require(
            Condition::cmp(
                "orphan_support.under_adult_age",
                (age, Source::Member("age")),
                Compare::Lt,
                (adult, Source::Param(param::PERSON_ADULT_AGE)),
            ),
            t!("{} 未满 {} 周岁。", "{} is under {}.", ctx.who(m), adult),
            String::new(),
        );
    } else if ctx.has(ProgrammeId::OrphanSupport, "adult_extension") {
        f.cite("adult_extension");
        if !kept_after_adulthood(&mut f, m, adult) {
            return f.finish(Status::Ineligible);
        }
    } else {
        f.fail(
            "orphan_support.under_adult_age",
            t!(
                "{} 已满 {} 周岁，不再属于孤儿基本生活保障对象。",
                "{} is {} or over and no longer gets orphan support.",
                ctx.who(m),
                adult
            ),
        );
        return f.finish(Status::Ineligible);
    }
    f.monthly = f.param(param::ORPHAN_MONTHLY);
    f.finish(Status::Eligible)
}

/// Chongqing: an orphan who turned 18 during the epidemic keeps support through the month it ends.
fn kept_after_adulthood(f: &mut FindingBuilder, m: &Member, adult: Decimal) -> bool {
    let ctx = f.ctx;
    let e = ctx.epidemic;
    let as_of = ctx.h.as_of;
    let Some(adult_years) = adult.to_i32() else {
        f.fail(
            "orphan_support.adult_age_whole",
            t!("成年年龄参数不是整数。", "The age-of-majority parameter is not a whole number."),
        );
        return false;
    };
    // The day they turned 18: from the birth date, or the latest it can be from the age alone.
    let (turned, exact) = match m.birth_date {
        Some(b) => (add_years(b, adult_years), true),
        None => (add_years(as_of, adult_years - m.age as i32), false),
    };
    let Some(start) = e.start else {
        f.fail(
            "orphan_support.epidemic_start_known",
            t!("疫情起始日期未知。", "The epidemic's start date is unknown."),
        );
        return false;
    };
    if turned.is_some_and(|t| t < start) {
        f.fail(
            "orphan_support.turned_adult_in_epidemic",
            t!(
                "{} 在疫情开始（{}）前已年满 {} 周岁，不适用暂停退出。",
                "{} turned {} before the epidemic began ({}): the suspension does not apply.",
                ctx.who(m),
                start,
                adult
            ),
        );
        return false;
    }
    if !exact {
        ctx.assume(
            "reading.orphan_turned_18",
            t!(
                "未填写出生日期：按在疫情期间年满 18 周岁计算。",
                "No birth date: the orphan is taken as having turned 18 during the epidemic."
            ),
        );
    }
    let kept_until = if e.open { None } else { e.end_month_last_day() };
    let ok = e.open || kept_until.is_some_and(|d| as_of <= d);
    match kept_until {
        Some(d) => f.step(
            t!("保障至（疫情结束当月末）", "Kept until (end of the month the epidemic ends)"),
            t!("疫情结束日期所在月的月末", "the end of the month in which the epidemic ends"),
            fx!("{d}"),
        ),
        None if e.open => f.step(
            t!("保障至", "Kept until"),
            t!("疫情结束日期", "the epidemic's end"),
            t!("疫情结束后的次月退出", "leaves the month after the epidemic ends"),
        ),
        None => {}
    }
    f.require(
        Condition::is("orphan_support.kept_until_epidemic_end", ok),
        t!(
            "{} 年满 {} 周岁，疫情期间暂停退出，疫情结束后的次月退出保障。",
            "{} is {} or over; exit is suspended during the epidemic and takes effect the month after it ends.",
            ctx.who(m),
            adult
        ),
        t!(
            "{} 年满 {} 周岁，疫情结束后的次月已退出保障。",
            "{} is {} or over and left support the month after the epidemic ended.",
            ctx.who(m),
            adult
        ),
    )
}

fn add_years(d: NaiveDate, years: i32) -> Option<NaiveDate> {
    let y = d.year().checked_add(years)?;
    d.with_year(y).or_else(|| NaiveDate::from_ymd_opt(y, 2, 28))
}
