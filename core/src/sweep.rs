//! What a chart or a portal needs beside one assessment: the household's total aid as the
//! first member's monthly income runs over a range, and the list of places.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::assessment::Amount;
use crate::error::InputError;
use crate::household::Household;
use crate::input::HouseholdInput;
use crate::{evaluate, Options};

/// A range of the first member's monthly income: `steps` intervals from `from` to `to`.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SweepRange {
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub from: Decimal,
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub to: Decimal,
    pub steps: u32,
}

/// At most this many intervals in one sweep.
pub const MAX_STEPS: u32 = 1000;

/// The household's aid at one income.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SweepPoint {
    /// The first member's monthly income.
    pub income: Amount,
    /// The household's monthly aid (eligible findings' `monthly`, summed).
    pub monthly_total: Amount,
    pub one_off_total: Amount,
    pub eligible: usize,
}

/// Sweeps the first member's monthly income over `range` (inclusive), assessing each point.
pub fn sweep(input: HouseholdInput, range: SweepRange) -> Result<Vec<SweepPoint>, InputError> {
    let policies = crate::embedded_policies()?;
    let household = Household::from_input(input, policies)?;
    if range.steps == 0 || range.steps > MAX_STEPS {
        return Err(InputError::new(
            "steps",
            format!("steps must be 1 to {MAX_STEPS}"),
            format!("步数应为 1 到 {MAX_STEPS}"),
        ));
    }
    let bad = |p: &str| InputError::new(p, "must be 0 or more and at most 100000000", "请填写 0 到 1 亿之间的数");
    for (p, v) in [("from", range.from), ("to", range.to)] {
        if v.is_sign_negative() && !v.is_zero() || v > crate::money::MAX_AMOUNT {
            return Err(bad(p));
        }
    }
    if range.to < range.from {
        return Err(InputError::new("to", "must not be below from", "终点不能小于起点"));
    }
    let step = (range.to - range.from) / Decimal::from(range.steps);
    let mut h = household;
    Ok((0..=range.steps)
        .map(|i| {
            let income = range.from + step * Decimal::from(i);
            h.members[0].monthly_income = income;
            let a = evaluate(&h, policies, Options::default());
            SweepPoint {
                income: Amount(income),
                monthly_total: a.summary.monthly_total,
                one_off_total: a.summary.one_off_total,
                eligible: a.summary.eligible,
            }
        })
        .collect())
}

/// A place doudi knows, for pickers.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct JurisdictionInfo {
    pub id: String,
    pub name: String,
    pub name_en: String,
    pub documents: Vec<String>,
    pub programmes: Vec<crate::ProgrammeId>,
}

/// Every place, in the order users know them.
pub fn jurisdictions() -> Result<Vec<JurisdictionInfo>, InputError> {
    Ok(crate::embedded_policies()?
        .jurisdictions
        .iter()
        .map(|j| JurisdictionInfo {
            id: j.id.clone(),
            name: j.name.clone(),
            name_en: j.name_en.clone(),
            documents: j.documents.clone(),
            programmes: j.programmes.iter().map(|p| p.id).collect(),
        })
        .collect())
}
