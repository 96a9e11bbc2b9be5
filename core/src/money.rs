//! Money and other exact figures: parsing from the contract's inputs and formatting
//! for its outputs. Arithmetic is `rust_decimal` throughout; a figure is rounded once,
//! when it is written out, half away from zero to 0.01 yuan.

use rust_decimal::{Decimal, RoundingStrategy};
use std::str::FromStr;

/// The largest amount the contract accepts anywhere (one hundred million yuan).
/// Bounding inputs keeps every product and sum far from `Decimal`'s limits.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(100_000_000, 0, 0, false, 0);

/// Rounds half away from zero to two decimals.
pub fn round2(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// `1530` → `"1530.00"`: the contract's money string.
pub fn fmt2(d: Decimal) -> String {
    let mut r = round2(d);
    r.rescale(2);
    if r.is_zero() {
        r.set_sign_positive(true);
    }
    r.to_string()
}

/// `1530` → `"1,530.00"`: money for people to read.
pub fn fmt_grouped(d: Decimal) -> String {
    let s = fmt2(d);
    let (sign, digits) = s.strip_prefix('-').map_or(("", s.as_str()), |rest| ("-", rest));
    let (int, frac) = digits.split_once('.').unwrap_or((digits, "00"));
    let mut out = String::with_capacity(s.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}.{frac}")
}

/// A plain figure (a rate, a multiple) without trailing zeros: `2.50` → `"2.5"`.
pub fn fmt_plain(d: Decimal) -> String {
    d.normalize().to_string()
}

/// Parses a decimal written as in JSON or the contract's strings: `1010`, `1010.5`, `-3`.
/// Exponents (`1e3`) are accepted as JSON numbers may carry them. `None` if not a number.
pub fn parse_decimal(s: &str) -> Option<Decimal> {
    let s = s.trim();
    if s.is_empty() || s.len() > 40 {
        return None;
    }
    if s.contains(['e', 'E']) {
        return Decimal::from_scientific(s).ok();
    }
    let valid = s.strip_prefix('-').unwrap_or(s);
    let mut parts = valid.splitn(2, '.');
    let int = parts.next().unwrap_or("");
    let frac = parts.next();
    let digits_ok = |p: &str| p.chars().all(|c| c.is_ascii_digit());
    if int.is_empty() || !digits_ok(int) || frac.is_some_and(|f| f.is_empty() || !digits_ok(f)) {
        return None;
    }
    Decimal::from_str(s).ok()
}

/// A JSON float → its shortest decimal text → exact decimal (`0.1` stays `0.1`).
pub fn decimal_from_f64(f: f64) -> Option<Decimal> {
    if !f.is_finite() {
        return None;
    }
    // ryu's shortest round-trip text (serde_json's own float formatter), not core::fmt's.
    parse_decimal(ryu::Buffer::new().format_finite(f))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        parse_decimal(s).unwrap()
    }

    #[test]
    fn rounds_half_away_from_zero_once() {
        assert_eq!(fmt2(d("980")), "980.00");
        assert_eq!(fmt2(d("0.005")), "0.01");
        assert_eq!(fmt2(d("0.004999")), "0.00");
        assert_eq!(fmt2(d("-0.005")), "-0.01");
        assert_eq!(fmt2(d("273.3333333")), "273.33");
        assert_eq!(fmt2(d("-0.001")), "0.00");
    }

    #[test]
    fn groups_thousands_for_people() {
        assert_eq!(fmt_grouped(d("1530")), "1,530.00");
        assert_eq!(fmt_grouped(d("300000")), "300,000.00");
        assert_eq!(fmt_grouped(d("12.5")), "12.50");
    }

    #[test]
    fn parses_only_plain_decimals() {
        assert_eq!(parse_decimal("1010.5"), Some(d("1010.5")));
        assert_eq!(parse_decimal("1e3"), Some(Decimal::from(1000)));
        for bad in ["", "abc", "1.", ".5", "1,000", "12元", "0x10", "--1", "1.2.3"] {
            assert_eq!(parse_decimal(bad), None, "{bad}");
        }
        assert_eq!(decimal_from_f64(0.1), Some(d("0.1")));
        assert_eq!(decimal_from_f64(1010.5), Some(d("1010.5")));
    }
}
