//! What a chart or a portal needs beside one assessment: the household's total aid as the
//! first member's monthly income runs over a range, and the list of places.

use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{de, Deserialize, Deserializer, Serialize};

use crate::assessment::Amount;
use crate::error::InputError;
use crate::household::Household;
use crate::input::HouseholdInput;
use crate::money;
use crate::Decider;

/// A range of the first member's monthly income: `steps` intervals from `from` to `to`.
#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SweepRange {
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    #[serde(deserialize_with = "decimal")]
    pub from: Decimal,
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    #[serde(deserialize_with = "decimal")]
    pub to: Decimal,
    pub steps: u32,
}

/// `Decimal`'s own `Deserialize` (rust_decimal's `DecimalVisitor`, the same results and
/// errors), except that a float is printed by [`money::f64_plain`], not `f64::to_string`: the
/// same text, without `core::fmt`'s float formatter in the wasm.
pub(crate) fn decimal<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    struct V;
    impl de::Visitor<'_> for V {
        type Value = Decimal;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a Decimal type representing a fixed-point number")
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
            Ok(Decimal::from(v))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
            Ok(Decimal::from(v))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
            // `f64::to_string` of a non-finite value ("NaN", "inf") is no decimal either.
            let text = if v.is_finite() { money::f64_plain(v) } else { String::new() };
            Decimal::from_str(&text).map_err(|_| E::invalid_value(de::Unexpected::Float(v), &self))
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
            Decimal::from_str(v)
                .or_else(|_| Decimal::from_scientific(v))
                .map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self))
        }
    }
    d.deserialize_any(V)
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

/// Sweeps the first member's monthly income over `range` (inclusive), in `steps` equal steps
/// rounded to the cent, deciding each point (statuses and amounts, no explanation).
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
    // Decisions only: no sentence is built for a point of the chart.
    let mut decider = Decider::new(policies);
    Ok((0..=range.steps)
        .map(|i| {
            // An income a person can have: whole cents (the point's income as written). Between
            // cents, a gap paid to the cent would make income + aid wobble by a fraction of one,
            // which the chart would read as "earning more lowers the total".
            let income = (range.from + step * Decimal::from(i)).round_dp(2);
            h.members[0].monthly_income = income;
            let t = decider.decide(&h).totals;
            SweepPoint {
                income: Amount(income),
                monthly_total: Amount(t.monthly_total),
                one_off_total: Amount(t.one_off_total),
                eligible: t.eligible,
            }
        })
        .collect())
}

/// Where, between two incomes of the first member, the household's monthly aid falls to 0:
/// given aid above 0 at `from` and 0 at `to`, halves the interval to the cent and returns its
/// upper end: the lowest income in cents with no aid (on a paid gap, the standard × the
/// members exactly, not up to a yuan above it). About fifteen decisions instead of a fine
/// sweep's thousands.
pub fn zero_between(input: HouseholdInput, from: Decimal, to: Decimal) -> Result<Decimal, InputError> {
    Ok(Probe::new(input)?.first(from, to, |_, aid| aid.is_zero()))
}

/// The household's monthly aid at any monthly income of its first member, decided afresh
/// for each (decisions only, no sentence): for finding, to the cent, where a chart's line
/// turns ([`zero_between`], a drop in income plus aid and where it is made up again).
pub struct Probe {
    h: Household,
    decider: Decider<'static>,
}

impl Probe {
    /// Checks the household once; each probe then only changes the first member's income.
    pub fn new(input: HouseholdInput) -> Result<Probe, InputError> {
        let policies = crate::embedded_policies()?;
        let h = Household::from_input(input, policies)?;
        Ok(Probe { h, decider: Decider::new(policies) })
    }

    /// The household's monthly aid when the first member earns `income` a month (0 for a
    /// household without members).
    pub fn monthly(&mut self, income: Decimal) -> Decimal {
        let Some(first) = self.h.members.first_mut() else { return Decimal::ZERO };
        first.monthly_income = income;
        self.decider.decide(&self.h).totals.monthly_total
    }

    /// The lowest income in whole cents in (`from`, `to`] at which `holds(income, monthly
    /// aid)`, given that it does not hold at `from` and holds at `to`: the interval halved
    /// until it is a cent wide (about fifteen decisions for a range of thousands of yuan).
    pub fn first(&mut self, from: Decimal, to: Decimal, mut holds: impl FnMut(Decimal, Decimal) -> bool) -> Decimal {
        if self.h.members.is_empty() {
            return to;
        }
        let (mut lo, mut hi) = (from, to);
        // At most 64 halvings: enough for any range an amount can span, to the cent.
        for _ in 0..64 {
            if hi - lo <= Decimal::new(1, 2) {
                break;
            }
            let mid = ((lo + hi) / Decimal::TWO).round_dp(2);
            if mid <= lo || mid >= hi {
                break;
            }
            let aid = self.monthly(mid);
            if holds(mid, aid) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        hi
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    #[test]
    fn reads_decimals_as_rust_decimal_does() {
        let mut values: Vec<Value> = vec![
            json!(0),
            json!(-1),
            json!(i64::MIN),
            json!(u64::MAX),
            json!(0.1),
            json!(-0.0),
            json!(1e21),
            json!(1e28),
            json!(7.9e28),
            json!(1e29),
            json!(1e-7),
            json!(1e-30),
            json!(5e-324),
            json!(1658206780088562.2),
            json!(123456789.125),
            json!("1e3"),
            json!("1.5"),
            json!("-0"),
            json!("abc"),
            json!(" 1"),
            json!("1e400"),
            json!(""),
            json!(true),
            json!(null),
            json!([]),
            json!({}),
        ];
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for i in 0..50_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let f = match i % 3 {
                0 => f64::from_bits(x),
                1 => (x % 10_000_000_000) as f64 / 1000.0,
                _ => ((x >> 13) | 1) as f64 * 0.25 + 1_125_899_906_842_624.0,
            };
            values.extend(serde_json::Number::from_f64(f).map(Value::Number));
        }
        for v in &values {
            let ours = decimal(v).map(|d| d.to_string()).map_err(|e| e.to_string());
            let theirs = <Decimal as Deserialize>::deserialize(v).map(|d| d.to_string()).map_err(|e| e.to_string());
            assert_eq!(ours, theirs, "{v}");
        }
    }
}
