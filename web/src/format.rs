//! How figures and dates read on the page: money as `1,530.00`, dates as `2020年4月15日`
//! or `15 Apr 2020`, and the lenient reading of what people type into number fields.

use doudi_core::assessment::Amount;
use doudi_core::money::fmt_grouped;
use doudi_core::Lang;

/// `1530` → `1,530.00` (the page adds the unit through the label table).
pub fn money(a: Amount) -> String {
    fmt_grouped(a.0)
}

/// `9100` → `9,100`: a whole figure for axis labels.
pub fn whole(d: rust_decimal::Decimal) -> String {
    let s = fmt_grouped(d.round());
    s.strip_suffix(".00").unwrap_or(&s).to_string()
}

/// `2020-04-15` → `2020年4月15日` / `15 Apr 2020`; anything else is returned as it is
/// (the engine's own words for a day, [`doudi_core::text::day_words`], as its sentences write them).
pub fn date(iso: &str, lang: Lang) -> String {
    doudi_core::text::day_words(iso, lang)
}

/// What a person types into a number field, read the way they meant it: full-width digits
/// and signs become ASCII, thousands separators, spaces and a trailing 元 are dropped.
/// The result may still not be a number; the engine says so at the field.
pub fn normalize_number(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.trim().chars() {
        match c {
            '０'..='９' => out.push(char::from(b'0' + (c as u32 - '０' as u32) as u8)),
            '．' | '\u{3002}' => out.push('.'),
            '－' | '—' | '−' => out.push('-'),
            ',' | '，' | ' ' | '\u{3000}' | '_' => {}
            _ => out.push(c),
        }
    }
    let trimmed = out.trim_end_matches('\u{5143}').trim_end();
    trimmed.to_string()
}

/// A whole number typed by a person (`45`, `４５`, ` 45 `), or `None`.
pub fn whole_number(s: &str) -> Option<i64> {
    let n = normalize_number(s);
    if n.is_empty() || n.len() > 6 {
        return None;
    }
    n.parse::<i64>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn money_is_grouped_with_two_decimals() {
        assert_eq!(money(Amount(Decimal::from(1530))), "1,530.00");
        assert_eq!(money(Amount(Decimal::new(5, 1))), "0.50");
    }

    #[test]
    fn dates_read_as_people_write_them() {
        assert_eq!(date("2020-04-15", Lang::Zh), "2020年4月15日");
        assert_eq!(date("2020-04-15", Lang::En), "15 Apr 2020");
        assert_eq!(date("2020-13-15", Lang::En), "2020-13-15");
        assert_eq!(date("soon", Lang::Zh), "soon");
    }

    #[test]
    fn typed_numbers_are_read_leniently() {
        assert_eq!(normalize_number(" 1,500 "), "1500");
        assert_eq!(normalize_number("１５００元"), "1500");
        assert_eq!(normalize_number("1500.5 元"), "1500.5");
        assert_eq!(normalize_number("－100"), "-100");
        assert_eq!(normalize_number("abc"), "abc");
        assert_eq!(whole_number("４５"), Some(45));
        assert_eq!(whole_number("45.5"), None);
        assert_eq!(whole_number(""), None);
    }
}
