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

/// A finite f64 as Rust's `{}` prints it: its shortest round-trip digits, never an exponent
/// (`1e21` → `1000000000000000000000`, `-0.0` → `-0`). Built on ryu, so that `core::fmt`'s
/// float formatter stays out of the wasm; ryu breaks an exact tie between two shortest
/// candidates towards the even one, `core::fmt` upwards, and that is put right here.
pub fn f64_plain(f: f64) -> String {
    let mut buf = ryu::Buffer::new();
    let text = buf.format_finite(f);
    let (sign, text) = text.strip_prefix('-').map_or(("", text), |rest| ("-", rest));
    let (mantissa, exp) = text.split_once('e').unwrap_or((text, "0"));
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // The significant digits, and where the point falls among them.
    let mut point = int.len() as i32 + exp.parse::<i32>().unwrap_or(0);
    let mut digits = String::with_capacity(int.len() + frac.len());
    for c in int.chars().chain(frac.chars()) {
        if c == '0' && digits.is_empty() {
            point -= 1;
        } else {
            digits.push(c);
        }
    }
    let mut digits = digits.trim_end_matches('0').to_string();
    if let Ok(d) = digits.parse::<u64>() {
        // Is f exactly halfway between `digits` and the next number of as many digits?
        if is_exactly(f, d * 10 + 5, point - digits.len() as i32 - 1) {
            digits = (d + 1).to_string();
        }
    }
    let mut out = String::from(sign);
    let n = digits.len() as i32;
    if digits.is_empty() {
        out.push('0');
    } else if point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-point) as usize));
        out.push_str(&digits);
    } else if point >= n {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', (point - n) as usize));
    } else {
        out.push_str(&digits[..point as usize]);
        out.push('.');
        out.push_str(&digits[point as usize..]);
    }
    out
}

/// Whether |f| is exactly `t × 10^p`, comparing odd parts and powers of two.
fn is_exactly(f: f64, t: u64, p: i32) -> bool {
    let bits = f.to_bits();
    let (raw_exp, raw_mant) = ((bits >> 52) & 0x7ff, bits & ((1 << 52) - 1));
    let (m, e) = if raw_exp == 0 { (raw_mant, -1074) } else { (raw_mant | 1 << 52, raw_exp as i32 - 1075) };
    if m == 0 {
        return false;
    }
    // |f| = m_odd × 2^(e + a) and t × 10^p = t_odd × 5^p × 2^(b + p).
    let (a, b) = (m.trailing_zeros() as i32, t.trailing_zeros() as i32);
    let (m_odd, t_odd) = ((m >> a) as u128, (t >> b) as u128);
    let times5 = |x: u128, k: i32| (0..k).try_fold(x, |x, _| x.checked_mul(5).filter(|y| *y < 1 << 64));
    let odd_parts_equal = if p >= 0 { times5(t_odd, p) == Some(m_odd) } else { times5(m_odd, -p) == Some(t_odd) };
    odd_parts_equal && e + a == b + p
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

    #[test]
    fn prints_floats_as_core_fmt_does() {
        let mut samples = vec![
            0.0,
            -0.0,
            1.0,
            -1.5,
            0.1,
            1e21,
            1e22,
            1.5e-7,
            5e-324,
            f64::MAX,
            f64::MIN_POSITIVE,
            123456789.5,
            1658206780088562.2,
            1658206780088562.3,
            9007199254740993.0,
            0.3,
            2.5,
            1e-7,
            123.456,
        ];
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for i in 0..300_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            samples.push(match i % 4 {
                0 => f64::from_bits(x),
                1 => (x % 10_000_000_000) as f64 / 100.0,
                2 => (x >> 11) as f64 * 1e-10,
                // Exact ties at the 17th digit: odd multiples of 0.25 above 2^50.
                _ => ((x >> 13) | 1) as f64 * 0.25 + 1_125_899_906_842_624.0,
            });
        }
        for f in samples.into_iter().filter(|f| f.is_finite()) {
            assert_eq!(f64_plain(f), format!("{f}"), "{f:e}");
            assert_eq!(f64_plain(-f), format!("{}", -f), "{:e}", -f);
        }
    }
}
