//! 未参保失业人员临时救助 (Tianjin 002 二): a person who meets all six conditions — a Tianjin
//! hukou or residence permit; the household on neither 低保 nor 低收入 relief; unable to
//! return to work because of the epidemic and three months in a row without income;
//! assets within the relief limit (read: the 低保 asset limit); not insured against
//! unemployment; registered unemployed — gets 500 yuan at once, and after a means check
//! may get more, up to 3 × the 低保 standard in all, the 500 included.

use rust_decimal::Decimal;

use crate::assessment::Status;
use crate::decision::{Compare, Condition, Source};
use crate::engine::{money_words as w, Ctx, FindingBuilder, Verdict};
use crate::household::Member;
use crate::ids::{param, ProgrammeId};
use crate::input::{Hukou, Insurance};
use crate::money::fmt2;
use crate::text::Either;
use crate::{fx, t};

pub fn assess<'a>(ctx: &Ctx<'a>, m: &'a Member) -> Verdict {
    let h = ctx.h;
    let mut f = FindingBuilder::new(ctx, ProgrammeId::TempReliefUnemployed, Some(m));
    f.cite("conditions");
    f.require(
        Condition::is(
            "temp_relief_unemployed.hukou_or_permit",
            matches!(m.hukou, Hukou::Local | Hukou::ResidencePermit),
        ),
        if m.hukou_stated {
            Either::A(t!("（一）具有本市户籍或居住证。", "(1) Has a local hukou or a residence permit."))
        } else {
            Either::B(t!("（一）没有说明户籍，按本市户籍计算。", "(1) The hukou is not stated: taken as local."))
        },
        t!("（一）既无本市户籍也无居住证。", "(1) Has neither a local hukou nor a residence permit."),
    );
    f.require(
        Condition::is("temp_relief_unemployed.not_on_dibao_or_low_income", !h.support.dibao && !h.support.low_income),
        t!("（二）家庭未享受低保、低收入家庭救助。", "(2) The household receives neither dibao nor low-income relief."),
        t!("（二）家庭已享受低保或低收入家庭救助。", "(2) The household already receives dibao or low-income relief."),
    );
    f.require(
        Condition::is("temp_relief_unemployed.epidemic_job_loss", m.epidemic_job_loss),
        t!("（三）受疫情影响无法返岗复工。", "(3) Cannot return to work because of the epidemic."),
        t!("（三）不是因疫情无法返岗复工。", "(3) Not kept from work by the epidemic."),
    );
    if let Some(need) = f.param(param::UNEMPLOYED_MONTHS_WITHOUT_INCOME) {
        let months = Decimal::from(m.months_without_income);
        f.require(
            Condition::cmp(
                "temp_relief_unemployed.months_without_income",
                (months, Source::Member("months_without_income")),
                Compare::Ge,
                (need, Source::Param(param::UNEMPLOYED_MONTHS_WITHOUT_INCOME)),
            ),
            t!("（三）已连续 {} 个月无收入来源。", "(3) No income for {} months in a row.", m.months_without_income),
            t!(
                "（三）连续无收入 {} 个月，不满 {} 个月，还差 {} 个月。",
                "(3) No income for {} months, fewer than {} ({} to go).",
                m.months_without_income,
                need,
                need - months
            ),
        );
    }
    assets(&mut f);
    f.require(
        Condition::is("temp_relief_unemployed.uninsured", m.unemployment_insurance == Insurance::None),
        t!("（五）未参加失业保险。", "(5) Not insured against unemployment."),
        t!(
            "（五）已参加失业保险（本项只救助未参保人员）。",
            "(5) Insured against unemployment (this relief is for the uninsured)."
        ),
    );
    f.require(
        Condition::is("temp_relief_unemployed.registered", m.unemployed_registered),
        t!("（六）已登记失业。", "(6) Registered as unemployed."),
        t!("（六）未登记失业。", "(6) Not registered as unemployed."),
    );
    let status = f.decided(Status::Eligible);
    if status != Status::Eligible {
        return f.finish(status);
    }
    f.cite("one_off");
    f.cite("cap");
    let one_off = f.param(param::UNEMPLOYED_ONE_OFF);
    let k = f.param(param::UNEMPLOYED_CAP_MULTIPLE);
    let s = f.standard();
    f.one_off =
        one_off.map(|a| f.money(t!("一次性基本生活救助", "One-off relief"), t!("政策参数", "policy parameter"), a));
    if let (Some(k), Some(s)) = (k, s) {
        f.cap = Some(f.money(
            t!("救助封顶（含已救助的一次性救助）", "Cap, the one-off included"),
            fx!("{} × {}", fmt2(s), k.normalize()),
            s * k,
        ));
        f.note(t!(
            "仍有困难的，经济状况核查后可继续救助，合计不超过 {} 元。",
            "If hardship continues, after a means check more may be paid, at most {} yuan in all.",
            w(s * k)
        ));
        // The cap includes the one-off (“含已救助的一次性救助”): a one-off above it is cut to it.
        if let Some(a) = f.one_off.filter(|a| *a > s * k) {
            let cut = s * k;
            f.one_off = Some(f.money(
                t!("一次性救助（不超过封顶）", "One-off relief (at most the cap)"),
                fx!("min({}, {})", fmt2(a), fmt2(cut)),
                cut,
            ));
        }
    }
    if ctx.has(ProgrammeId::TempReliefUnemployed, "fast_track_24h") {
        f.cite("fast_track_24h");
        f.next(t!(
            "向户籍地或居住地街道（乡镇）申请，按急难型程序办理。",
            "Apply at the sub-district (township) of hukou or residence; handled as emergency relief."
        ));
    }
    f.finish(Status::Eligible)
}

/// （四）符合我市享受救助的财产标准: the 低保 asset limit, months × urban standard × members.
fn assets(f: &mut FindingBuilder) {
    let ctx = f.ctx;
    let h = ctx.h;
    let months = f.param(param::DIBAO_ASSET_LIMIT_MONTHS);
    let urban = f.param(param::DIBAO_STANDARD_URBAN);
    let Some(assets) = h.assets else {
        f.need_input("assets");
        return;
    };
    let (Some(months), Some(urban)) = (months, urban) else { return };
    let n = h.size();
    let limit = f.money(
        t!("财产限额", "Asset limit"),
        fx!("{} × {} × {}", months.normalize(), fmt2(urban), n),
        months * urban * n,
    );
    f.require(
        Condition::cmp(
            "temp_relief_unemployed.assets_within_limit",
            (assets, Source::Input("assets")),
            Compare::Le,
            (limit, Source::Computed("asset_limit")),
        ),
        t!(
            "（四）家庭财产 {} 元，未超过限额 {} 元。",
            "(4) Assets of {} yuan are within the limit of {} yuan.",
            w(assets),
            w(limit)
        ),
        t!(
            "（四）家庭财产 {} 元，超过限额 {} 元，超出 {} 元。",
            "(4) Assets of {} yuan exceed the limit of {} yuan by {} yuan.",
            w(assets),
            w(limit),
            w(assets - limit)
        ),
    );
}
