//! 先行临时救助 for new applicants (Jilin 004 四、12): during the epidemic, a household newly
//! applying for 低保 or 特困 support is approved the same day and may first be given one
//! month of temporary relief at the local urban 低保 standard — read as the urban standard
//! × the household's members, whatever its residence.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::assessment::Status;
use crate::decision::Condition;
use crate::engine::{Ctx, FindingBuilder, Verdict};
use crate::ids::{param, ProgrammeId};
use crate::input::Applying;
use crate::money::fmt2;
use crate::{fx, t};

pub fn assess(ctx: &Ctx) -> Verdict {
    let h = ctx.h;
    let mut f = FindingBuilder::new(ctx, ProgrammeId::TempReliefAdvance, None);
    f.cite("advance");
    let applying = h.applying.contains(&Applying::Dibao) || h.applying.contains(&Applying::Tekun);
    f.require_epidemic();
    f.require(
        Condition::is("temp_relief_advance.applying", applying),
        t!("家庭正在新申请低保或特困供养。", "The household is newly applying for dibao or tekun."),
        t!(
            "家庭没有新申请低保或特困供养（在“正在申请”中选择）。",
            "The household is not newly applying for dibao or tekun (see “applying”)."
        ),
    );
    if f.failed() {
        return f.finish(Status::Ineligible);
    }
    let months = f.param(param::ADVANCE_MONTHS);
    let urban = f.param(param::DIBAO_STANDARD_URBAN);
    if let (Some(months), Some(urban)) = (months, urban) {
        let n = h.size();
        let monthly =
            f.money(t!("每月先行临时救助", "Advance relief a month"), fx!("{} × {}", fmt2(urban), n), urban * n);
        f.monthly = Some(monthly);
        // Whole months only: the parameter is a count of months.
        f.months = if months.normalize().scale() == 0 { months.to_u32() } else { None };
        if let Some(k) = f.months {
            f.money(t!("合计", "Total"), fx!("{} × {}", fmt2(monthly), k), monthly * Decimal::from(k));
        }
        if h.residence != crate::input::Residence::Urban {
            f.note(t!(
                "按当地城市低保标准计算（文件如此规定，不论城乡）。",
                "Computed at the urban standard, as the document says, whatever the residence."
            ));
        }
    }
    f.note(t!(
        "当日申请、当日审批，审批后先行给予临时救助；疫情结束后补办手续。",
        "Applied for and approved the same day, with the relief paid first; the paperwork follows after the epidemic."
    ));
    f.next(t!(
        "向村（社区）申请，作出个人承诺。",
        "Apply at the village or community office with a personal undertaking."
    ));
    f.finish(Status::Eligible)
}
