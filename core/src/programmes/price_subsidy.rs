//! 价格临时补贴: when prices rise, the groups a jurisdiction names get a temporary subsidy
//! (Tianjin 000 二（七）, 002 一: 低保对象、特困人员; Chongqing 001 一（二）: also 事实无人抚养儿童
//! and 孤儿; Jilin 004 一、2: 优抚对象、低保对象、特困人员、领取失业保险金人员). Lists ending in 等 are
//! read as the groups they name. No 2020 amount was published for any of the places: the
//! amount is the parameter `price_subsidy.monthly`, asked for when it has no value.

use crate::assessment::Status;
use crate::decision::Condition;
use crate::engine::{Ctx, FindingBuilder, Verdict};
use crate::household::Member;
use crate::ids::{param, ProgrammeId};
use crate::input::Insurance;
use crate::t;
use crate::text::{Either, Lang};

/// A group's name in the catalogue (the loader admits no other group).
pub fn group_name(g: &str, lang: Lang) -> &str {
    crate::catalogue::get(ProgrammeId::PriceSubsidy).group(g).map_or(g, |group| group.name_in(lang))
}

fn in_group(ctx: &Ctx, m: &Member, g: &str) -> bool {
    match g {
        "dibao" => ctx.h.support.dibao,
        "tekun" => m.tekun,
        "orphan" => m.orphan,
        "unsupported_child" => m.unsupported_child,
        "entitled_group" => m.entitled_group,
        "unemployment_benefit" => m.unemployment_insurance == Insurance::Receiving,
        _ => false,
    }
}

pub fn assess<'a>(ctx: &Ctx<'a>, m: &'a Member) -> Verdict {
    let mut f = FindingBuilder::new(ctx, ProgrammeId::PriceSubsidy, Some(m));
    f.cite("subsidy");
    ctx.assume(
        "reading.lists_ending_in_deng",
        t!(
            "以“等”结尾的名单（价格临时补贴对象、新冠患者救助群体）按其列出的群体理解。",
            "Lists that end in 等 (price-subsidy groups, COVID-patient groups) are read as the groups they name."
        ),
    );
    let groups = &ctx.j.programme(ProgrammeId::PriceSubsidy).map(|p| p.groups.as_slice()).unwrap_or(&[]);
    let in_any = groups.iter().any(|g| in_group(ctx, m, g));
    // The groups' names, in the language asked, only when said.
    let names = |lang: Lang, mine: bool| -> String {
        let sep = if lang == Lang::Zh { "、" } else { ", " };
        let names: Vec<String> =
            groups.iter().filter(|g| !mine || in_group(ctx, m, g)).map(|g| group_name(g, lang).to_string()).collect();
        names.join(sep)
    };
    f.require_epidemic();
    f.require(
        Condition::is("price_subsidy.in_group", in_any),
        |lang: Lang| match lang {
            Lang::Zh => format!("{} 属于{}。", ctx.who(m), names(lang, true)),
            Lang::En => format!("{} is one of: {}.", ctx.who(m), names(lang, true)),
        },
        |lang: Lang| match lang {
            Lang::Zh => format!("{} 不属于价格临时补贴对象（{}）。", ctx.who(m), names(lang, false)),
            Lang::En => {
                format!("{} is not in the groups that get the price subsidy ({}).", ctx.who(m), names(lang, false))
            }
        },
    );
    if f.failed() {
        return f.finish(Status::Ineligible);
    }
    // The national raise of March–June 2020 is told only for a date within it.
    let raised = match (ctx.date(param::PRICE_SUBSIDY_RAISED_FROM), ctx.date(param::PRICE_SUBSIDY_RAISED_TO)) {
        (Some(from), Some(to)) => from <= ctx.h.as_of && ctx.h.as_of <= to,
        _ => false,
    };
    f.note(if raised {
        Either::A(t!(
            "物价涨幅达到规定条件时启动发放；2020 年 3 月至 6 月全国阶段性提高了补贴标准。",
            "Paid when price rises meet the trigger; from March to June 2020 the amounts were raised nationally."
        ))
    } else {
        Either::B(t!("物价涨幅达到规定条件时启动发放。", "Paid when price rises meet the trigger."))
    });
    f.monthly = f.param(param::PRICE_SUBSIDY_MONTHLY);
    if ctx.has(ProgrammeId::PriceSubsidy, "in_kind") {
        f.cite("in_kind");
        f.note(t!(
            "有条件的地方还可提供米、面、油、蔬菜等生活必需品。",
            "Where possible, rice, flour, oil and vegetables may also be provided."
        ));
    }
    f.finish(Status::Eligible)
}
