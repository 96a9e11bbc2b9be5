//! 单人户纳入低保 (Tianjin 002 一): one person of a household enters 低保 on their own.
//!
//! - 一是 (`severe_member`): in a 低收入 household, a person with a grade 1 or 2 disability
//!   certificate (重残, `severe_disability`) or a 重病 patient of the 1000 or 1500 yuan tier
//!   (`severe_illness`); each definition is quoted for its own route.
//! - 二是 (`adult_disabled_child`): an adult child with a grade 1 or 2 intellectual or mental
//!   disability, whose parents are all 60 or over, in a household whose per-capita income
//!   is below 2.5 × the standard and whose assets are below 300 000 yuan.
//!
//! As a one-person household the amount is the standard less the person's own income.

use rust_decimal::Decimal;

use crate::assessment::Status;
use crate::decision::{Compare, Condition, Source};
use crate::engine::{money_words as w, not_below, Ctx, FindingBuilder, Verdict};
use crate::household::Member;
use crate::ids::{param, ProgrammeId};
use crate::input::{DisabilityType, Relation};
use crate::money::fmt2;
use crate::text::Lang;
use crate::{fx, t};

pub fn assess<'a>(ctx: &Ctx<'a>, m: &'a Member) -> Verdict {
    let mut f = FindingBuilder::new(ctx, ProgrammeId::DibaoSinglePerson, Some(m));
    let max_grade = ctx.number(param::SINGLE_MAX_GRADE);
    let severe_disability = match (m.disability_grade, max_grade) {
        (Some(g), Some(max)) => Decimal::from(g) <= max,
        _ => false,
    };

    // 一是: a 重残 or 重病 member of a 低收入 household.
    if ctx.has(ProgrammeId::DibaoSinglePerson, "severe_member") {
        let min_tier = ctx.number(param::SINGLE_MIN_ILLNESS_TIER);
        let severe_illness = match (m.serious_illness_tier, min_tier) {
            (Some(t), Some(min)) => Decimal::from(t) >= min,
            _ => false,
        };
        if ctx.h.support.low_income && (severe_disability || severe_illness) {
            f.cite("severe_member");
            f.require(
                Condition::is("dibao_single_person.low_income_household", true),
                t!("家庭是低收入家庭。", "The household is a recognised low-income household."),
                String::new(),
            );
            f.cite(if severe_disability { "severe_disability" } else { "severe_illness" });
            let severe = Condition::is("dibao_single_person.severe_member", true);
            if severe_disability {
                f.require(
                    severe,
                    t!(
                        "{} 持 {} 级残疾证，属重残人员。",
                        "{} holds a grade {} disability certificate (severe disability).",
                        ctx.who(m),
                        m.disability_grade.unwrap_or(0)
                    ),
                    String::new(),
                );
            } else {
                f.require(
                    severe,
                    t!(
                        "{} 属分类救助 {} 元档重病患者。",
                        "{} is a serious-illness patient of the {}-yuan tier.",
                        ctx.who(m),
                        m.serious_illness_tier.unwrap_or(0)
                    ),
                    String::new(),
                );
            }
            f.note(t!(
                "经本人申请可按单人户纳入低保，不再享受分类救助；家庭其他成员不再享受低收入家庭救助。",
                "On their own application they enter dibao as a one-person household, leaving categorised relief; the other members leave low-income relief."
            ));
            return amount(f, m);
        }
    }

    // 二是: an adult child with a grade 1–2 intellectual or mental disability.
    if ctx.has(ProgrammeId::DibaoSinglePerson, "adult_disabled_child") {
        let kind_ok = matches!(m.disability_type, Some(DisabilityType::Intellectual | DisabilityType::Mental));
        let adult = ctx.number(param::PERSON_ADULT_AGE).is_some_and(|a| Decimal::from(m.age) >= a);
        let parents = parents_of(ctx, m);
        if severe_disability && kind_ok && adult && !parents.is_empty() {
            f.cite("adult_disabled_child");
            return adult_child(f, m, &parents);
        }
    }

    // Neither: say what is missing for each route.
    if ctx.has(ProgrammeId::DibaoSinglePerson, "severe_member") {
        f.cite("severe_member");
        if !ctx.h.support.low_income {
            f.fail("dibao_single_person.low_income_household", t!("家庭不是低收入家庭（单人户纳入低保限低收入家庭中的重残、重病人员）。", "The household is not a recognised low-income household (this route is for severely disabled or ill members of one)."));
        } else {
            f.cite("severe_disability");
            f.cite("severe_illness");
            f.fail(
                "dibao_single_person.severe_member",
                t!(
                    "{} 不是一、二级重残人员，也不是 1000 元、1500 元档重病患者。",
                    "{} has neither a grade 1–2 disability nor a 1000/1500-yuan-tier serious illness.",
                    ctx.who(m)
                ),
            );
        }
    }
    if ctx.has(ProgrammeId::DibaoSinglePerson, "adult_disabled_child") && severe_disability {
        f.fail(
            "dibao_single_person.adult_disabled_child",
            t!(
            "大龄重残子女的条件（一、二级智力或精神残疾的成年子女，父母均满 60 周岁）不满足。",
            "Not an adult child with a grade 1–2 intellectual or mental disability whose parents are all 60 or over."
        ),
        );
    }
    f.finish(Status::Ineligible)
}

/// The parents of `m` among the members, as relations to the applicant allow.
fn parents_of<'a>(ctx: &Ctx<'a>, m: &Member) -> Vec<&'a Member> {
    let h = ctx.h;
    match m.relation {
        Relation::Child => {
            h.members.iter().filter(|p| matches!(p.relation, Relation::SelfPerson | Relation::Spouse)).collect()
        }
        Relation::SelfPerson | Relation::Sibling => {
            h.members.iter().filter(|p| p.relation == Relation::Parent).collect()
        }
        _ => Vec::new(),
    }
}

fn adult_child(mut f: FindingBuilder, m: &Member, parents: &[&Member]) -> Verdict {
    let ctx = f.ctx;
    let h = ctx.h;
    f.require(
        Condition::is("dibao_single_person.adult_disabled_child", true),
        t!(
            "{} 是持 {} 级智力或精神残疾证的成年子女（大龄重残子女）。",
            "{} is an adult child with a grade {} intellectual or mental disability.",
            ctx.who(m),
            m.disability_grade.unwrap_or(0)
        ),
        String::new(),
    );
    if let Some(min_age) = f.param(param::SINGLE_PARENTS_MIN_AGE) {
        for p in parents {
            let age = Decimal::from(p.age);
            f.require(
                Condition::cmp(
                    "dibao_single_person.parents_old_enough",
                    (age, Source::Computed("parent_age")),
                    Compare::Ge,
                    (min_age, Source::Param(param::SINGLE_PARENTS_MIN_AGE)),
                ),
                t!("父母 {} 已满 {} 周岁。", "Parent {} is {} or over.", ctx.who(p), min_age),
                t!(
                    "父母 {} 未满 {} 周岁，还差 {} 岁。",
                    "Parent {} is under {}: {} years to go.",
                    ctx.who(p),
                    min_age,
                    min_age - age
                ),
            );
        }
    }
    let standard = f.standard();
    let multiple = f.param(param::SINGLE_INCOME_MULTIPLE);
    ctx.income.trace(&mut f);
    if let (Some(s), Some(k)) = (standard, multiple) {
        let line =
            f.money(t!("收入上限（人均）", "Per-capita income limit"), fx!("{} × {}", fmt2(s), k.normalize()), s * k);
        let per = ctx.income.per_capita;
        f.require(
            Condition::cmp(
                "dibao_single_person.income_below_limit",
                (per, Source::Computed("per_capita_income")),
                Compare::Lt,
                (line, Source::Computed("income_limit")),
            ),
            t!("人均收入 {} 元，低于 {} 元。", "Per-capita income {} yuan is below {} yuan.", w(per), w(line)),
            |lang: Lang| match lang {
                Lang::Zh => format!("人均收入 {} 元，{}。", w(per), not_below(lang, ("", ""), per, line, false)),
                Lang::En => {
                    format!("Per-capita income {} yuan {}.", w(per), not_below(lang, ("", ""), per, line, false))
                }
            },
        );
    }
    let limit = f.param(param::SINGLE_ASSET_LIMIT);
    match (h.assets, limit) {
        (Some(a), Some(limit)) => {
            f.require(
                Condition::cmp(
                    "dibao_single_person.assets_below_limit",
                    (a, Source::Input("assets")),
                    Compare::Lt,
                    (limit, Source::Param(param::SINGLE_ASSET_LIMIT)),
                ),
                t!("家庭财产 {} 元，低于 {} 元。", "Assets of {} yuan are below {} yuan.", w(a), w(limit)),
                |lang: Lang| match lang {
                    Lang::Zh => format!("家庭财产 {} 元，{}。", w(a), not_below(lang, ("", ""), a, limit, false)),
                    Lang::En => {
                        let phrase = not_below(lang, ("", ""), a, limit, false);
                        format!(
                            "Assets of {} yuan {}.",
                            w(a),
                            phrase.replacen("is not", "are not", 1).replacen("equals", "equal", 1)
                        )
                    }
                },
            );
        }
        (None, _) => f.need_input("assets"),
        _ => {}
    }
    if f.failed() {
        return f.finish(Status::Ineligible);
    }
    amount(f, m)
}

/// As a one-person household: the standard less the person's own income.
fn amount(mut f: FindingBuilder, m: &Member) -> Verdict {
    let ctx = f.ctx;
    f.cite("amount");
    let Some(s) = f.standard() else {
        return f.finish(Status::NeedsInfo);
    };
    if f.has_missing() {
        return f.finish(Status::NeedsInfo);
    }
    f.money(t!("本人月收入", "Own monthly income"), t!("申报的本人月收入", "as reported"), m.monthly_income);
    let below = Condition::cmp(
        "dibao_single_person.income_below_standard",
        (m.monthly_income, Source::Member("monthly_income")),
        Compare::Lt,
        (s, Source::Param(ctx.standard_id())),
    );
    if m.monthly_income >= s {
        f.require(below, "", |lang: Lang| {
            let phrase = not_below(lang, ("标准", "the standard of "), m.monthly_income, s, false);
            match lang {
                Lang::Zh => format!("本人收入 {} 元，{phrase}。", w(m.monthly_income)),
                Lang::En => format!("Own income {} yuan {phrase}.", w(m.monthly_income)),
            }
        });
        return f.finish(Status::Ineligible);
    }
    f.record(below);
    let gap = f.money(
        t!("单人户每月低保金", "Monthly dibao as one person"),
        fx!("{} × 1 − {}", fmt2(s), fmt2(m.monthly_income)),
        s - m.monthly_income,
    );
    f.monthly = Some(gap);
    f.next(t!("由本人向街道（乡镇）提出申请。", "The person applies at the sub-district (township) office."));
    f.finish(Status::Eligible)
}
