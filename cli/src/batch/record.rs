//! One input item to its output bytes: a full or brief assessment, or a compact record
//! (per programme its status, amounts and first failed condition; the household's totals),
//! as a JSON line or a CSV row. Compact records come from the core's decisions only: no
//! sentence is built for them.

use std::io::Write;

use doudi_core::policy::Policies;
use doudi_core::{Assessment, Decider, Decisions, InputError, Options, ProgrammeId, Status};
use rust_decimal::Decimal;
use serde::Serialize;

use super::{Body, Item};
use crate::args::Records;

/// What each record holds and how it is written.
#[derive(Clone, Copy, Debug)]
pub struct Shape {
    pub records: Records,
    /// One CSV row per record (compact records only) instead of a JSON line.
    pub csv: bool,
    pub options: Options,
}

/// Writes the record of one item; returns whether it was an error record.
pub fn write(shape: &Shape, decider: &mut Decider, item: Item, out: &mut Vec<u8>) -> bool {
    let line = item.line;
    let result = match shape.records {
        Records::Compact => match decide(decider, item.body) {
            Ok(d) => {
                if shape.csv {
                    csv_row(out, line, Ok(&d));
                } else {
                    compact_json(out, line, &d);
                }
                return false;
            }
            Err(e) => Err(e),
        },
        Records::Full | Records::Brief => {
            let a = evaluate(decider.policies(), item.body, shape.options);
            if shape.records == Records::Brief {
                a.map(Assessment::brief)
            } else {
                a
            }
        }
    };
    match result {
        Ok(a) => {
            json_line(out, &Full { line, body: FullBody::Assessment(&a) });
            false
        }
        Err(e) => {
            if shape.csv {
                csv_row(out, line, Err(&e));
            } else {
                json_line(out, &Full { line, body: FullBody::Error(&e) });
            }
            true
        }
    }
}

fn evaluate(policies: &Policies, body: Body, options: Options) -> Result<Assessment, InputError> {
    let input = match body {
        Body::Json(text) => doudi_core::parse_json(&text)?,
        Body::Value(v) => doudi_core::parse_value(v)?,
        Body::Refused(e) => return Err(e),
    };
    let household = doudi_core::Household::from_input(input, policies)?;
    Ok(doudi_core::evaluate(&household, policies, options))
}

fn decide(decider: &mut Decider, body: Body) -> Result<Decisions, InputError> {
    match body {
        Body::Json(text) => decider.decide_json(&text),
        Body::Value(v) => doudi_core::parse_value(v).and_then(|h| decider.decide_input(h)),
        Body::Refused(e) => Err(e),
    }
}

fn json_line(out: &mut Vec<u8>, record: &impl Serialize) {
    // Writing into a Vec cannot fail, and these types always serialize.
    let _ = serde_json::to_writer(&mut *out, record);
    out.push(b'\n');
}

/// A full or brief record.
#[derive(Serialize)]
struct Full<'a> {
    line: u64,
    #[serde(flatten)]
    body: FullBody<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
enum FullBody<'a> {
    Assessment(&'a Assessment),
    Error(&'a InputError),
}

/// A compact record, written by hand: every key, status and condition id is a fixed
/// ASCII name that needs no escaping, and amounts are written straight from the decimal
/// (the same text as the contract's `Amount`), so a record costs far less than the
/// decision it writes.
fn compact_json(out: &mut Vec<u8>, line: u64, d: &Decisions) {
    let t = d.totals;
    out.extend_from_slice(b"{\"line\":");
    push_u64(out, line);
    out.extend_from_slice(b",\"summary\":{\"members\":");
    push_u64(out, d.members as u64);
    out.extend_from_slice(b",\"eligible\":");
    push_u64(out, t.eligible as u64);
    out.extend_from_slice(b",\"monthly_total\":\"");
    push_money(out, t.monthly_total);
    out.extend_from_slice(b"\",\"one_off_total\":\"");
    push_money(out, t.one_off_total);
    out.extend_from_slice(b"\",\"fixed_term_total\":\"");
    push_money(out, t.fixed_term_total);
    out.extend_from_slice(b"\",\"amounts_unknown\":");
    push_u64(out, t.amounts_unknown as u64);
    out.extend_from_slice(b"},\"programmes\":{");
    for (i, o) in d.programmes().iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.push(b'"');
        out.extend_from_slice(o.program.as_str().as_bytes());
        out.extend_from_slice(b"\":{\"status\":\"");
        out.extend_from_slice(status_word(o.status).as_bytes());
        out.push(b'"');
        for (key, amount) in [(&b",\"monthly\":\""[..], o.monthly), (&b",\"one_off\":\""[..], o.one_off)] {
            if let Some(a) = amount {
                out.extend_from_slice(key);
                push_money(out, a);
                out.push(b'"');
            }
        }
        if let Some(f) = o.failed {
            out.extend_from_slice(b",\"failed\":\"");
            out.extend_from_slice(short_condition(o.program, f).as_bytes());
            out.push(b'"');
        }
        out.push(b'}');
    }
    out.extend_from_slice(b"}}\n");
}

/// A condition id without its programme's prefix, where the record already names the
/// programme (`tekun.category` under `tekun` is `category`).
fn short_condition(program: ProgrammeId, id: &'static str) -> &'static str {
    id.strip_prefix(program.as_str()).and_then(|rest| rest.strip_prefix('.')).unwrap_or(id)
}

fn push_u64(out: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

/// Money as the contract writes it (`Amount`): rounded half away from zero, two decimals,
/// no negative zero.
fn push_money(out: &mut Vec<u8>, d: Decimal) {
    let mut r = doudi_core::money::round2(d);
    r.rescale(2);
    if r.scale() != 2 {
        out.extend_from_slice(doudi_core::money::fmt2(d).as_bytes());
        return;
    }
    let m = r.mantissa();
    if m < 0 {
        out.push(b'-');
    }
    let m = m.unsigned_abs();
    let (int, cents) = (m / 100, (m % 100) as u8);
    match u64::try_from(int) {
        Ok(i) => push_u64(out, i),
        Err(_) => out.extend_from_slice(int.to_string().as_bytes()),
    }
    out.extend_from_slice(&[b'.', b'0' + cents / 10, b'0' + cents % 10]);
}

/// The CSV output's header: the record, then for each programme its status, amounts and
/// first failed condition (empty where the household's place has no such programme).
pub fn csv_header() -> Vec<u8> {
    let mut cols: Vec<String> = [
        "line",
        "error_path",
        "error",
        "members",
        "eligible",
        "monthly_total",
        "one_off_total",
        "fixed_term_total",
        "amounts_unknown",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for p in ProgrammeId::ALL {
        let p = p.as_str();
        cols.extend([p.to_string(), format!("{p}_monthly"), format!("{p}_one_off"), format!("{p}_failed")]);
    }
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(&cols);
    w.into_inner().unwrap_or_default()
}

fn csv_row(out: &mut Vec<u8>, line: u64, d: Result<&Decisions, &InputError>) {
    let d = match d {
        Ok(d) => d,
        Err(e) => {
            // An error's message may hold commas and quotes: let the CSV writer quote it.
            let mut cells = vec![line.to_string(), e.path.clone(), e.message.clone()];
            cells.resize(9 + 4 * ProgrammeId::ALL.len(), String::new());
            let mut w = ::csv::WriterBuilder::new().from_writer(&mut *out);
            let _ = w.write_record(&cells);
            let _ = w.flush();
            return;
        }
    };
    // Every other cell is a number, an amount or a fixed ASCII name: nothing to quote.
    let t = d.totals;
    push_u64(out, line);
    out.extend_from_slice(b",,,");
    push_u64(out, d.members as u64);
    out.push(b',');
    push_u64(out, t.eligible as u64);
    out.push(b',');
    push_money(out, t.monthly_total);
    out.push(b',');
    push_money(out, t.one_off_total);
    out.push(b',');
    push_money(out, t.fixed_term_total);
    out.push(b',');
    push_u64(out, t.amounts_unknown as u64);
    let outcomes = d.programmes();
    for p in ProgrammeId::ALL {
        out.push(b',');
        if let Some(o) = outcomes.iter().find(|o| o.program == p) {
            out.extend_from_slice(status_word(o.status).as_bytes());
            out.push(b',');
            if let Some(a) = o.monthly {
                push_money(out, a);
            }
            out.push(b',');
            if let Some(a) = o.one_off {
                push_money(out, a);
            }
            out.push(b',');
            out.extend_from_slice(o.failed.map(|f| short_condition(o.program, f)).unwrap_or_default().as_bytes());
        } else {
            out.extend_from_slice(b",,,");
        }
    }
    out.push(b'\n');
}

pub fn status_word(s: Status) -> &'static str {
    match s {
        Status::Eligible => "eligible",
        Status::Ineligible => "ineligible",
        Status::NeedsInfo => "needs_info",
        Status::Discretionary => "discretionary",
        Status::Referral => "referral",
    }
}

/// Writes the CSV header when the output is CSV.
pub fn start(shape: &Shape, out: &mut (impl Write + ?Sized)) -> std::io::Result<()> {
    if shape.csv {
        out.write_all(&csv_header())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_written_as_the_contract_writes_it() {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut values: Vec<Decimal> =
            ["0", "-0.004", "0.005", "-0.005", "1530", "1019.995", "99999999.999", "-12.345", "0.1"]
                .iter()
                .map(|s| s.parse().unwrap())
                .collect();
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            values.push(Decimal::new((x % 20_000_000_000) as i64 - 10_000_000_000, (x % 7) as u32));
        }
        for d in values {
            let mut out = Vec::new();
            push_money(&mut out, d);
            assert_eq!(String::from_utf8(out).unwrap(), doudi_core::money::fmt2(d), "{d}");
        }
    }

    #[test]
    fn a_compact_record_holds_the_decisions() {
        let json = r#"{"jurisdiction":"tianjin","as_of":"2020-04-15","members":[{"age":45,"monthly_income":"1000"},{"age":43,"relation":"spouse","monthly_income":"500"},{"age":12,"relation":"child"}]}"#;
        let d = doudi_core::decide_json(json).unwrap();
        let mut out = Vec::new();
        compact_json(&mut out, 7, &d);
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v["line"], 7);
        assert_eq!(v["summary"]["members"], 3);
        assert_eq!(v["summary"]["monthly_total"], "1530.00");
        assert_eq!(v["programmes"]["dibao"]["status"], "eligible");
        assert_eq!(v["programmes"]["dibao"]["monthly"], "1530.00");
        assert_eq!(v["programmes"]["tekun"]["status"], "ineligible");
        // The condition's id without the programme it sits under.
        assert_eq!(v["programmes"]["tekun"]["failed"], "category");
        assert_eq!(v["programmes"].as_object().unwrap().len(), d.programmes().len());
        assert!(out.ends_with(b"}}\n"));
    }
}
