//! Month arithmetic on calendar dates, as the documents count months.

use std::fmt;

use chrono::{Datelike, Months, NaiveDate};

/// A day in a sentence, as the page writes its dates: `{d}` writes `15 Apr 2020` (the English
/// sentences), `{d:#}` the Chinese way, `2020年4月15日`; a day not known writes `?`.
/// Data (the contract's fields, parameter values) keeps `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Day(pub Option<NaiveDate>);

impl Day {
    pub fn of(d: NaiveDate) -> Day {
        Day(Some(d))
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self.0 {
            None => f.write_str("?"),
            Some(d) if f.alternate() => write!(f, "{}年{}月{}日", d.year(), d.month(), d.day()),
            Some(d) => write!(f, "{} {} {}", d.day(), MONTHS[d.month0() as usize % 12], d.year()),
        }
    }
}

/// English month names as the sentences write them: `15 Apr 2020`.
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// `YYYY-MM-DD`, exactly: four-digit year, two-digit month and day, a real day.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().ok();
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

/// Whole months from `from` to `to` (0 if `to` is before `from`): the largest n with
/// `from + n months <= to`. A month after 31 January is the last day of February.
pub fn whole_months(from: NaiveDate, to: NaiveDate) -> u32 {
    if to < from {
        return 0;
    }
    let mut n: u32 = (to.year_month_index() - from.year_month_index()).max(0) as u32;
    while n > 0 && add_months(from, n) > to {
        n -= 1;
    }
    n
}

/// Months started from `from` up to `to`, a part month counting whole, at least 1
/// (Chongqing 001 一（五）: "时间从确诊之日算起，不足一个月按一个月"):
/// 2020-02-10 → 2020-03-05 is 1; → 2020-03-10 is 1; → 2020-03-15 is 2.
pub fn months_started(from: NaiveDate, to: NaiveDate) -> u32 {
    let whole = whole_months(from, to);
    let rest = add_months(from, whole) < to;
    (whole + u32::from(rest)).max(1)
}

fn add_months(d: NaiveDate, n: u32) -> NaiveDate {
    d.checked_add_months(Months::new(n)).unwrap_or(NaiveDate::MAX)
}

trait YearMonth {
    fn year_month_index(&self) -> i64;
}

impl YearMonth for NaiveDate {
    fn year_month_index(&self) -> i64 {
        use chrono::Datelike;
        self.year() as i64 * 12 + self.month0() as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_day_is_written_in_words_in_each_language() {
        assert_eq!(Day::of(d("2020-04-15")).to_string(), "15 Apr 2020");
        assert_eq!(Day::of(d("2023-01-08")).to_string(), "8 Jan 2023");
        assert_eq!(Day::of(d("2020-12-31")).to_string(), "31 Dec 2020");
        assert_eq!(format!("{:#}", Day::of(d("2020-04-15"))), "2020年4月15日");
        assert_eq!(Day(None).to_string(), "?");
    }

    #[test]
    fn counts_whole_months() {
        assert_eq!(whole_months(d("2020-01-15"), d("2020-01-15")), 0);
        assert_eq!(whole_months(d("2020-01-15"), d("2020-02-14")), 0);
        assert_eq!(whole_months(d("2020-01-15"), d("2020-02-15")), 1);
        assert_eq!(whole_months(d("2020-01-31"), d("2020-02-29")), 1);
        assert_eq!(whole_months(d("2020-01-31"), d("2020-02-28")), 0);
        assert_eq!(whole_months(d("2020-01-15"), d("2020-07-20")), 6);
        assert_eq!(whole_months(d("2020-03-01"), d("2020-01-01")), 0);
    }

    #[test]
    fn counts_months_started_as_the_contract_reads_chongqing() {
        assert_eq!(months_started(d("2020-02-10"), d("2020-03-05")), 1);
        assert_eq!(months_started(d("2020-02-10"), d("2020-03-15")), 2);
        assert_eq!(months_started(d("2020-02-10"), d("2020-03-10")), 1);
        assert_eq!(months_started(d("2020-02-10"), d("2020-02-10")), 1);
        assert_eq!(months_started(d("2020-02-10"), d("2020-04-11")), 3);
    }
}
