//! Money and other exact figures: parsing from the contract's inputs and formatting
//! for its outputs. Arithmetic is `rust_decimal` throughout; a figure is rounded once,
//! when it is written out, half away from zero to 0.01 yuan.

use rust_decimal::{Decimal, RoundingStrategy};

/// The largest amount the contract accepts anywhere (one hundred million yuan).
/// Bounding inputs keeps every product and sum far from `Decimal`'s limits.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(100_000_000, 0, 0, false, 0);

/// Why an amount is refused: more than [`MAX_AMOUNT`] (or more than any decimal holds).
pub const TOO_LARGE: &str = "is too large (at most 100000000 yuan)";
pub const TOO_LARGE_ZH: &str = "金额过大（不超过 1 亿元）";
/// Why an amount is refused: it cannot be held without rounding (see [`parse_exact`]).
pub const TOO_PRECISE: &str = "has more than 28 significant digits or decimal places (it would have to be rounded)";
pub const TOO_PRECISE_ZH: &str = "数字位数过多（有效数字和小数位都不能超过 28 位），无法精确计算";

/// Rounds half away from zero to two decimals.
pub fn round2(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// `1530` → `"1530.00"`: the contract's money string.
pub fn fmt2(d: Decimal) -> String {
    let mut out = String::with_capacity(16);
    push2(&mut out, d);
    out
}

/// [`fmt2`], written onto the end of `out`.
pub fn push2(out: &mut String, d: Decimal) {
    push_digits(out, rounded2(d), false);
}

/// Rounded to two decimals and shown with both (as far as `Decimal` holds them), never `-0.00`.
fn rounded2(d: Decimal) -> Decimal {
    let mut r = round2(d);
    r.rescale(2);
    if r.is_zero() {
        r.set_sign_positive(true);
    }
    r
}

/// `1530` → `"1,530.00"`: money for people to read.
pub fn fmt_grouped(d: Decimal) -> String {
    let mut out = String::with_capacity(20);
    push_grouped(&mut out, d);
    out
}

/// [`fmt_grouped`], written onto the end of `out`.
pub fn push_grouped(out: &mut String, d: Decimal) {
    let r = rounded2(d);
    push_digits(out, r, true);
    if r.scale() == 0 {
        out.push_str(".00");
    }
}

/// A plain figure (a rate, a multiple) without trailing zeros: `2.50` → `"2.5"`.
pub fn fmt_plain(d: Decimal) -> String {
    let mut out = String::with_capacity(16);
    push_digits(&mut out, d.normalize(), false);
    out
}

/// Writes `d` as its `Display` does (sign, digits, a point before the last `scale` digits, a
/// zero before the point when there is no integer digit), without the formatting machinery;
/// with `grouped`, a comma between each three integer digits.
fn push_digits(out: &mut String, d: Decimal, grouped: bool) {
    let scale = d.scale() as usize;
    // At most 29 digits (96 bits) and the zeros before a point: 28 decimal places at most.
    let mut buf = [0u8; 64];
    let mut n = 0;
    let m = d.mantissa().unsigned_abs();
    if let Ok(mut m) = u64::try_from(m) {
        loop {
            buf[n] = b'0' + (m % 10) as u8;
            m /= 10;
            n += 1;
            if m == 0 {
                break;
            }
        }
    } else {
        let mut m = m;
        while m != 0 {
            buf[n] = b'0' + (m % 10) as u8;
            m /= 10;
            n += 1;
        }
    }
    while n <= scale {
        buf[n] = b'0';
        n += 1;
    }
    if d.is_sign_negative() {
        out.push('-');
    }
    let int = n - scale;
    out.reserve(n + 1 + int / 3);
    // Digits before the next comma: the first group has one to three.
    let mut group = match int % 3 {
        0 => 3,
        r => r,
    };
    for i in 0..int {
        if group == 0 {
            if grouped {
                out.push(',');
            }
            group = 3;
        }
        out.push(char::from(buf[n - 1 - i]));
        group -= 1;
    }
    if scale > 0 {
        out.push('.');
        for i in (0..scale).rev() {
            out.push(char::from(buf[i]));
        }
    }
}

/// Why a text is not an exact decimal (see [`parse_exact`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecimalError {
    /// Not a decimal at all (`abc`, `1,000`, `1.`).
    NotANumber,
    /// A magnitude of 10^28 or more: far beyond any amount, and beyond `Decimal`.
    TooLarge,
    /// More than 28 significant digits or decimal places: `Decimal` would round it.
    TooPrecise,
}

/// The most significant digits, and the most decimal places, `Decimal` holds exactly.
pub const MAX_DIGITS: usize = 28;

/// Parses a decimal written as in JSON or the contract's strings: `1010`, `1010.5`, `-3`,
/// ` 12 ` (surrounding spaces), `007`, and exponents (`1e3`, `2.5E-1`) as JSON numbers may
/// carry them. Exact or refused: a figure that `Decimal` cannot hold as written (more than
/// 28 significant digits or decimal places, or 10^28 and more) is an error, never rounded.
/// Leading zeros and trailing zeros after the point cost nothing. Linear in the text's
/// length, with no allocation.
pub fn parse_exact(s: &str) -> Result<Decimal, DecimalError> {
    use DecimalError::*;
    let s = s.trim().as_bytes();
    let (negative, s) = match s.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, s),
    };
    fn split<'a>(s: &'a [u8], at: &[u8]) -> (&'a [u8], Option<&'a [u8]>) {
        match s.iter().position(|c| at.contains(c)) {
            Some(i) => (&s[..i], Some(&s[i + 1..])),
            None => (s, None),
        }
    }
    fn digits(p: &[u8]) -> bool {
        !p.is_empty() && p.iter().all(u8::is_ascii_digit)
    }
    let (mantissa, exponent) = split(s, b"eE");
    let (int, frac) = split(mantissa, b".");
    if !digits(int) || frac.is_some_and(|f| !digits(f)) {
        return Err(NotANumber);
    }
    // The exponent, saturated: anything beyond ±10^6 is far outside every bound below.
    let exponent: i64 = match exponent {
        None => 0,
        Some(e) => {
            let (minus, e) = match e.split_first() {
                Some((b'-', rest)) => (true, rest),
                Some((b'+', rest)) => (false, rest),
                _ => (false, e),
            };
            if !digits(e) {
                return Err(NotANumber);
            }
            let magnitude = e.iter().try_fold(0i64, |acc, c| {
                let next = acc * 10 + i64::from(c - b'0');
                (next <= 1_000_000).then_some(next)
            });
            let magnitude = magnitude.unwrap_or(1_000_001);
            if minus {
                -magnitude
            } else {
                magnitude
            }
        }
    };
    // The significant digits: leading zeros of the whole, trailing zeros of the fraction dropped.
    let frac = frac.unwrap_or(&[]);
    let frac = &frac[..frac.iter().rposition(|&c| c != b'0').map_or(0, |i| i + 1)];
    let int = &int[int.iter().position(|&c| c != b'0').unwrap_or(int.len())..];
    let digits = if int.is_empty() {
        (&frac[frac.iter().position(|&c| c != b'0').unwrap_or(frac.len())..], &[][..])
    } else {
        (int, frac)
    };
    let count = digits.0.len() + digits.1.len();
    if count == 0 {
        return Ok(Decimal::ZERO);
    }
    // value = the digits as an integer × 10^-scale
    let scale = frac.len() as i64 - exponent;
    // How many digits stand before the point: the magnitude is below 10^whole.
    let whole = count as i64 - scale;
    if whole > MAX_DIGITS as i64 {
        return Err(TooLarge);
    }
    if count > MAX_DIGITS || scale > MAX_DIGITS as i64 {
        return Err(TooPrecise);
    }
    let mut m: i128 = 0;
    for &c in digits.0.iter().chain(digits.1) {
        m = m * 10 + i128::from(c - b'0');
    }
    // A negative scale: trailing zeros the exponent adds (whole ≤ 28 keeps m below 10^28).
    for _ in scale..0 {
        m *= 10;
    }
    let mut d = Decimal::try_from_i128_with_scale(m, scale.max(0) as u32).map_err(|_| TooLarge)?;
    d.set_sign_negative(negative);
    Ok(d)
}

/// [`parse_exact`], for callers that only need to know whether it is a number.
pub fn parse_decimal(s: &str) -> Option<Decimal> {
    parse_exact(s).ok()
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
    use std::str::FromStr;

    /// The formatting as it was written with `Decimal`'s `Display`, which the fast one must match.
    fn fmt2_display(d: Decimal) -> String {
        rounded2(d).to_string()
    }

    fn fmt_grouped_display(d: Decimal) -> String {
        let s = fmt2_display(d);
        let (sign, digits) = s.strip_prefix('-').map_or(("", s.as_str()), |rest| ("-", rest));
        let (int, frac) = digits.split_once('.').unwrap_or((digits, "00"));
        let mut out = String::new();
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        format!("{sign}{out}.{frac}")
    }

    #[test]
    fn formatting_matches_display() {
        let mut values: Vec<Decimal> = [
            "0",
            "-0",
            "0.001",
            "-0.004",
            "-0.005",
            "0.005",
            "0.05",
            "-0.5",
            "1",
            "12",
            "123",
            "1234",
            "12345.678",
            "-999999.995",
            "1010",
            "2.50",
            "0.333333333333333333333333333",
            "-7.125",
            "100000000",
            "123456789012.345",
            "79228162514264337593543950335",
            "-79228162514264337593543950335",
            "7922816251426433759354395033.5",
            "18446744073709551615",
            "18446744073709551616",
            "0.0000000000000000000000000001",
        ]
        .iter()
        .map(|s| Decimal::from_str(s).unwrap())
        .collect();
        values.push(Decimal::new(-0, 3));
        values.push(Decimal::MAX);
        values.push(Decimal::MIN);
        for x in [1u64, 7, 99, 101, 1000, 65_537, 999_999_999] {
            for scale in 0..12 {
                values.push(Decimal::new(x as i64, scale));
                values.push(Decimal::new(-(x as i64), scale));
            }
        }
        for v in values {
            assert_eq!(fmt2(v), fmt2_display(v), "fmt2({v:?})");
            assert_eq!(fmt_grouped(v), fmt_grouped_display(v), "fmt_grouped({v:?})");
            assert_eq!(fmt_plain(v), v.normalize().to_string(), "fmt_plain({v:?})");
        }
    }

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
    fn parses_exactly_or_refuses() {
        use DecimalError::*;
        for (text, expected) in [
            ("0", "0"),
            ("-0", "0"),
            ("007.50", "7.5"),
            (" 12 ", "12"),
            ("1.5e-2", "0.015"),
            ("2.5E+3", "2500"),
            ("0e999999999999", "0"),
            ("100000000.000000000000000000000000000000", "100000000"),
            ("0.0000000000000000000000000001", "0.0000000000000000000000000001"),
            ("9999999999999999999999999999", "9999999999999999999999999999"),
            ("1e27", "1000000000000000000000000000"),
            ("-123.456", "-123.456"),
        ] {
            assert_eq!(parse_exact(text).map(|d| d.normalize().to_string()), Ok(expected.to_string()), "{text}");
        }
        for (text, why) in [
            ("1e28", TooLarge),
            ("10000000000000000000000000000", TooLarge),
            ("-123456789012345678901234567890", TooLarge),
            ("1e1000000000000", TooLarge),
            ("100000000.00000000000000000001", TooPrecise),
            ("0.00000000000000000000000000001", TooPrecise),
            ("1e-29", TooPrecise),
            ("1.1e-28", TooPrecise),
            ("1e", NotANumber),
            ("1e+", NotANumber),
            ("+1", NotANumber),
            ("-", NotANumber),
            ("1e3.5", NotANumber),
        ] {
            assert_eq!(parse_exact(text), Err(why), "{text}");
        }
        let long = "1".repeat(1_000_000);
        assert_eq!(parse_exact(&long), Err(TooLarge));
        assert_eq!(parse_exact(&format!("0.{long}")), Err(TooPrecise));
        // Wherever Decimal reads a text without rounding, both read the same value.
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..100_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let int = x % 1_000_000_000_000;
            let frac = (x >> 40) % 100_000;
            let text = format!("{int}.{frac:05}");
            assert_eq!(parse_exact(&text).ok(), Decimal::from_str(&text).ok(), "{text}");
        }
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
