//! `doudi compare --input ROSTER --set ID=VALUE [--set …] [--output FILE] [--threads N]`:
//! every household of a roster decided twice, with the policy's values and with the
//! changed ones, and what changed.
//!
//! The roster is read, sharded and kept in order by `doudi batch`'s readers and pipeline
//! (`batch::open_both`, `batch::pipeline::run`); [`Compare`] is the pipeline's job. A
//! change is a parameter override of the contract (`parameters`), laid over the
//! household's own overrides: `ID=VALUE` sets the value; `ID+=AMOUNT` and `ID-=AMOUNT`
//! move the value in force for that household (its own override, else its place's value
//! on its day) by the amount. Each `--set` is checked against the policies before any
//! household is read: an id that no place declares, a value the parameter cannot take
//! (the core's own refusal, on a household of every place that declares it), or an id
//! given twice is refused with the contract's error (exit 2). A household whose place
//! does not declare a changed parameter is decided without that change (its record names
//! it under `not_applied`).
//!
//! Each record (JSONL, or CSV with the same fields) holds the household's line, its id
//! (the applicant's `id`, when given), its totals before and after (read from the core's
//! `Decisions::totals`, so they mean what the core's summary means), their differences,
//! the programmes whose status changed and those whose amount changed. A refused household
//! is an error record, as in `doudi batch`. The totals over the roster go to stderr (and,
//! with `--summary FILE`, as JSON to that file): households gaining, losing and unchanged,
//! the difference per month and per year (12 × the monthly difference), the one-off
//! difference, and how many households' monthly difference falls in each band.

use std::io::{self, IsTerminal, Write};

use doudi_core::decision::Totals;
use doudi_core::input::MemberInput;
use doudi_core::policy::{ParamValue, Policies};
use doudi_core::{Decider, Decisions, HouseholdInput, InputError, ProgrammeId, Status};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;

use crate::args::{CompareArgs, OutputFormat, Set, SetOp};
use crate::batch::pipeline::{self, Job};
use crate::batch::record::status_word;
use crate::batch::{self, Body, Item};
use crate::failure::Failure;

pub fn run(args: &CompareArgs) -> Result<(), Failure> {
    let policies = crate::policies::get(&args.policies)?;
    let changes = check(&args.set, policies)?;
    let csv = batch::output_format(args.output_format, args.output.as_deref()) == OutputFormat::Csv;
    let (read, output) = batch::open_both(&args.input, args.format, args.output.as_deref())?;
    let summary = match args.summary.as_deref() {
        Some(p) => Some(std::fs::File::create(p).map_err(|e| {
            let name = p.display();
            InputError::new("", format!("cannot create {name}: {e}"), format!("无法创建 {name}：{e}"))
        })?),
        None => None,
    };
    let job = Compare { policies, changes, csv, changed_only: args.changed_only };
    let progress = args.progress || io::stderr().is_terminal();
    let tally = pipeline::run(policies, output, &job, batch::threads(args.threads), progress, read)?;
    let report = Report::of(&tally, &job.changes);
    eprint!("{}", report.text());
    if let Some(mut f) = summary {
        serde_json::to_writer_pretty(&mut f, &report)?;
        f.write_all(b"\n")?;
    }
    Ok(())
}

/// One checked `--set`.
#[derive(Clone, Debug)]
pub struct Change {
    id: String,
    how: How,
    /// As typed, for the report.
    typed: String,
}

#[derive(Clone, Debug)]
enum How {
    /// The override's value, as the contract's `parameters` holds it.
    Is(Value),
    /// The value in force plus this (negative for `-=`).
    Add(Decimal),
}

/// Checks each `--set` against the policies: the contract's error for an unknown id, a bad
/// value or an id given twice.
fn check(sets: &[Set], policies: &Policies) -> Result<Vec<Change>, InputError> {
    let mut out: Vec<Change> = Vec::with_capacity(sets.len());
    for set in sets {
        let path = format!("parameters.{}", doudi_core::error::clip(&set.id));
        if out.iter().any(|c| c.id == set.id) {
            return Err(InputError::new(
                path,
                format!("--set {} is given twice", set.id),
                format!("--set {} 出现了两次", set.id),
            ));
        }
        let places: Vec<_> = policies.jurisdictions.iter().filter(|j| j.parameters.contains_key(&set.id)).collect();
        if places.is_empty() {
            return Err(InputError::new(
                path,
                format!(
                    "unknown parameter \"{}\": no place has it (`doudi params --jurisdiction ID --as-of DATE` lists them)",
                    doudi_core::error::clip(&set.id)
                ),
                format!("没有任何地区有参数“{}”（可用 doudi params 查看）", doudi_core::error::clip(&set.id)),
            ));
        }
        let (how, typed) = match set.op {
            SetOp::Is => {
                let value = batch::csv::parameter_value(&set.value);
                // The core checks the value as it checks a household's override.
                for j in &places {
                    let probe = HouseholdInput {
                        jurisdiction: j.id.clone(),
                        as_of: "2020-03-15".into(),
                        residence: None,
                        assets: None,
                        support: None,
                        applying: None,
                        members: vec![MemberInput { age: Some(40), ..MemberInput::default() }],
                        parameters: Some([(set.id.clone(), value.clone())].into_iter().collect()),
                    };
                    doudi_core::Household::from_input(probe, policies)?;
                }
                (How::Is(value), format!("{} = {}", set.id, set.value))
            }
            SetOp::Add | SetOp::Sub => {
                let numeric = places
                    .iter()
                    .all(|j| j.parameters.get(&set.id).is_some_and(|p| p.kind == doudi_core::ids::Kind::Number));
                if !numeric {
                    return Err(InputError::new(
                        path,
                        format!("{} is not a number: give its value with {}=VALUE", set.id, set.id),
                        format!("参数 {} 不是数值，不能加减：请用 {}=值 直接给出", set.id, set.id),
                    ));
                }
                let amount: Decimal = set.value.parse().map_err(|_| {
                    InputError::new(
                        path.clone(),
                        format!(
                            "expected an amount after {} (such as 50 or 12.5), got \"{}\"",
                            if set.op == SetOp::Add { "+=" } else { "-=" },
                            doudi_core::error::clip(&set.value)
                        ),
                        "请在 += 或 -= 之后填写数额，例如 50 或 12.5",
                    )
                })?;
                let (amount, sign) = if set.op == SetOp::Add { (amount, "+=") } else { (-amount, "-=") };
                (How::Add(amount), format!("{} {sign} {}", set.id, set.value))
            }
        };
        out.push(Change { id: set.id.clone(), how, typed });
    }
    Ok(out)
}

/// `doudi compare`'s job in the batch pipeline.
struct Compare {
    policies: &'static Policies,
    changes: Vec<Change>,
    csv: bool,
    changed_only: bool,
}

/// The bands of a household's monthly difference, as (label, upper bound, bound included).
const BANDS: [(&str, Option<(i64, bool)>); 7] = [
    ("-500.00 or less", Some((-500, true))),
    ("-499.99 to -100.00", Some((-100, true))),
    ("-99.99 to -0.01", Some((0, false))),
    ("0.00", Some((0, true))),
    ("0.01 to 99.99", Some((100, false))),
    ("100.00 to 499.99", Some((500, false))),
    ("500.00 or more", None),
];

fn band(d: Decimal) -> usize {
    BANDS
        .iter()
        .position(|(_, bound)| match bound {
            Some((b, true)) => d <= Decimal::from(*b),
            Some((b, false)) => d < Decimal::from(*b),
            None => true,
        })
        .unwrap_or(BANDS.len() - 1)
}

/// What the records add up to.
#[derive(Clone, Debug, Default)]
struct Tally {
    households: u64,
    refused: u64,
    gaining: u64,
    losing: u64,
    unchanged: u64,
    /// Households with a programme whose status changed.
    status_changed: u64,
    /// Households whose place lacks a changed parameter.
    not_applied: u64,
    before: Sums,
    after: Sums,
    bands: [u64; BANDS.len()],
}

#[derive(Clone, Copy, Debug, Default)]
struct Sums {
    monthly: Decimal,
    one_off: Decimal,
}

/// One household's difference.
struct Diff<'a> {
    id: Option<&'a str>,
    before: Totals,
    after: Totals,
    status_changed: Vec<(ProgrammeId, Status, Status)>,
    amount_changed: Vec<ProgrammeId>,
    not_applied: Vec<&'a str>,
}

impl Diff<'_> {
    fn monthly(&self) -> Decimal {
        self.after.monthly_total - self.before.monthly_total
    }

    fn one_off(&self) -> Decimal {
        self.after.one_off_total - self.before.one_off_total
    }

    fn changed(&self) -> bool {
        !self.status_changed.is_empty()
            || !self.amount_changed.is_empty()
            || self.before.amounts_unknown != self.after.amounts_unknown
            || !self.monthly().is_zero()
            || !self.one_off().is_zero()
    }
}

impl Job for Compare {
    type Tally = Tally;
    const NAME: &'static str = "compare";

    fn start(&self, out: &mut dyn Write) -> io::Result<()> {
        if self.csv {
            let mut w = ::csv::Writer::from_writer(out);
            w.write_record(CSV_COLUMNS)?;
            w.flush()?;
        }
        Ok(())
    }

    fn write(&self, decider: &mut Decider, item: Item, out: &mut Vec<u8>, tally: &mut Tally) -> bool {
        tally.households += 1;
        let input = match item.body {
            Body::Json(text) => doudi_core::parse_json(&text),
            Body::Value(v) => doudi_core::parse_value(v),
            Body::Refused(e) => Err(e),
        };
        let result = input.and_then(|input| {
            let before = decider.decide_input(input.clone())?;
            let (changed, not_applied) = self.apply(input.clone())?;
            let after = decider.decide_input(changed)?;
            Ok((input, before, after, not_applied))
        });
        let (input, before, after, not_applied) = match result {
            Ok(r) => r,
            Err(e) => {
                tally.refused += 1;
                self.error_record(out, item.line, &e);
                return true;
            }
        };
        let diff = difference(&input, &before, &after, not_applied);
        tally.add(&diff);
        if diff.changed() || !self.changed_only {
            if self.csv {
                csv_row(out, item.line, &diff);
            } else {
                json_record(out, item.line, &diff);
            }
        }
        false
    }

    fn merge(&self, total: &mut Tally, part: Tally) {
        total.households += part.households;
        total.refused += part.refused;
        total.gaining += part.gaining;
        total.losing += part.losing;
        total.unchanged += part.unchanged;
        total.status_changed += part.status_changed;
        total.not_applied += part.not_applied;
        for (t, p) in [(&mut total.before, part.before), (&mut total.after, part.after)] {
            t.monthly += p.monthly;
            t.one_off += p.one_off;
        }
        for (t, p) in total.bands.iter_mut().zip(part.bands) {
            *t += p;
        }
    }
}

impl Compare {
    /// The household with the changes laid over its own overrides, and the changed
    /// parameters its place does not declare.
    fn apply(&self, mut input: HouseholdInput) -> Result<(HouseholdInput, Vec<&str>), InputError> {
        let Some(place) = self.policies.jurisdiction(&input.jurisdiction) else {
            // Refused by the core before: never here.
            return Ok((input, Vec::new()));
        };
        let day = doudi_core::dates::parse_date(&input.as_of);
        let mut not_applied = Vec::new();
        for change in &self.changes {
            let Some(param) = place.parameters.get(&change.id) else {
                not_applied.push(change.id.as_str());
                continue;
            };
            let overrides = input.parameters.get_or_insert_with(Default::default);
            let value = match &change.how {
                How::Is(v) => v.clone(),
                How::Add(amount) => {
                    let own = overrides.get(&change.id).and_then(|v| match v {
                        Value::String(s) => s.trim().parse::<Decimal>().ok(),
                        Value::Number(n) => n.to_string().parse::<Decimal>().ok(),
                        _ => None,
                    });
                    let policy = || match day.and_then(|d| param.entry_on(d)).and_then(|e| e.value) {
                        Some(ParamValue::Number(d)) => Some(d),
                        _ => None,
                    };
                    let Some(now) = own.or_else(policy) else {
                        return Err(InputError::new(
                            format!("parameters.{}", change.id),
                            format!(
                                "{} has no value in force for this household to change by {}: give it with --set {}=VALUE",
                                change.id, change.typed, change.id
                            ),
                            format!("该家庭的参数 {} 没有现行数值，无法按“{}”调整：请用 --set {}=值 直接给出", change.id, change.typed, change.id),
                        ));
                    };
                    Value::String((now + amount).normalize().to_string())
                }
            };
            overrides.insert(change.id.clone(), value);
        }
        Ok((input, not_applied))
    }

    fn error_record(&self, out: &mut Vec<u8>, line: u64, e: &InputError) {
        if self.csv {
            let mut cells = vec![line.to_string(), String::new(), e.path.clone(), e.message.clone()];
            cells.resize(CSV_COLUMNS.len(), String::new());
            let mut w = ::csv::Writer::from_writer(&mut *out);
            let _ = w.write_record(&cells);
            let _ = w.flush();
        } else {
            #[derive(Serialize)]
            struct Error<'a> {
                line: u64,
                error: &'a InputError,
            }
            let _ = serde_json::to_writer(&mut *out, &Error { line, error: e });
            out.push(b'\n');
        }
    }
}

fn difference<'a>(
    input: &'a HouseholdInput,
    before: &Decisions,
    after: &Decisions,
    not_applied: Vec<&'a str>,
) -> Diff<'a> {
    let (b, a) = (before.programmes(), after.programmes());
    let mut status_changed = Vec::new();
    let mut amount_changed = Vec::new();
    for o in &b {
        let Some(n) = a.iter().find(|n| n.program == o.program) else { continue };
        if n.status != o.status {
            status_changed.push((o.program, o.status, n.status));
        } else if (n.monthly, n.one_off) != (o.monthly, o.one_off) {
            amount_changed.push(o.program);
        }
    }
    Diff {
        id: input.members.first().and_then(|m| m.id.as_deref()),
        before: before.totals,
        after: after.totals,
        status_changed,
        amount_changed,
        not_applied,
    }
}

impl Tally {
    fn add(&mut self, d: &Diff) {
        let (m, o) = (d.monthly(), d.one_off());
        // By the monthly difference first, then the one-off.
        match (m.cmp(&Decimal::ZERO), o.cmp(&Decimal::ZERO)) {
            (std::cmp::Ordering::Greater, _) | (std::cmp::Ordering::Equal, std::cmp::Ordering::Greater) => {
                self.gaining += 1
            }
            (std::cmp::Ordering::Less, _) | (std::cmp::Ordering::Equal, std::cmp::Ordering::Less) => self.losing += 1,
            _ => self.unchanged += 1,
        }
        self.status_changed += u64::from(!d.status_changed.is_empty());
        self.not_applied += u64::from(!d.not_applied.is_empty());
        self.before.monthly += d.before.monthly_total;
        self.before.one_off += d.before.one_off_total;
        self.after.monthly += d.after.monthly_total;
        self.after.one_off += d.after.one_off_total;
        self.bands[band(m)] += 1;
    }
}

fn money(d: Decimal) -> String {
    doudi_core::money::fmt2(d)
}

/// `+150.00`, `-20.00`, `0.00`.
fn signed(d: Decimal) -> String {
    if d > Decimal::ZERO {
        format!("+{}", money(d))
    } else {
        money(d)
    }
}

fn json_record(out: &mut Vec<u8>, line: u64, d: &Diff) {
    #[derive(Serialize)]
    struct Sides {
        monthly_total: String,
        one_off_total: String,
        amounts_unknown: usize,
    }
    #[derive(Serialize)]
    struct Difference {
        monthly_total: String,
        one_off_total: String,
    }
    #[derive(Serialize)]
    struct StatusChange {
        program: &'static str,
        before: &'static str,
        after: &'static str,
    }
    #[derive(Serialize)]
    struct Record<'a> {
        line: u64,
        #[serde(skip_serializing_if = "Option::is_none")]
        id: Option<&'a str>,
        before: Sides,
        after: Sides,
        difference: Difference,
        status_changed: Vec<StatusChange>,
        amount_changed: Vec<&'static str>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        not_applied: Vec<&'a str>,
    }
    let sides = |t: &Totals| Sides {
        monthly_total: money(t.monthly_total),
        one_off_total: money(t.one_off_total),
        amounts_unknown: t.amounts_unknown,
    };
    let record = Record {
        line,
        id: d.id,
        before: sides(&d.before),
        after: sides(&d.after),
        difference: Difference { monthly_total: money(d.monthly()), one_off_total: money(d.one_off()) },
        status_changed: d
            .status_changed
            .iter()
            .map(|(p, b, a)| StatusChange { program: p.as_str(), before: status_word(*b), after: status_word(*a) })
            .collect(),
        amount_changed: d.amount_changed.iter().map(|p| p.as_str()).collect(),
        not_applied: d.not_applied.clone(),
    };
    let _ = serde_json::to_writer(&mut *out, &record);
    out.push(b'\n');
}

/// The CSV output's columns.
const CSV_COLUMNS: &[&str] = &[
    "line",
    "id",
    "error_path",
    "error",
    "before_monthly_total",
    "after_monthly_total",
    "monthly_difference",
    "before_one_off_total",
    "after_one_off_total",
    "one_off_difference",
    "before_amounts_unknown",
    "after_amounts_unknown",
    "status_changed",
    "amount_changed",
    "not_applied",
];

fn csv_row(out: &mut Vec<u8>, line: u64, d: &Diff) {
    let status: Vec<String> = d
        .status_changed
        .iter()
        .map(|(p, b, a)| format!("{}:{}>{}", p.as_str(), status_word(*b), status_word(*a)))
        .collect();
    let amounts: Vec<&str> = d.amount_changed.iter().map(|p| p.as_str()).collect();
    let cells = [
        line.to_string(),
        d.id.unwrap_or_default().to_string(),
        String::new(),
        String::new(),
        money(d.before.monthly_total),
        money(d.after.monthly_total),
        money(d.monthly()),
        money(d.before.one_off_total),
        money(d.after.one_off_total),
        money(d.one_off()),
        d.before.amounts_unknown.to_string(),
        d.after.amounts_unknown.to_string(),
        status.join(";"),
        amounts.join(";"),
        d.not_applied.join(";"),
    ];
    let mut w = ::csv::Writer::from_writer(&mut *out);
    let _ = w.write_record(&cells);
    let _ = w.flush();
}

/// The totals over the roster, as printed and as `--summary` writes them.
#[derive(Debug, Serialize)]
struct Report {
    changes: Vec<String>,
    households: u64,
    refused: u64,
    gaining: u64,
    losing: u64,
    unchanged: u64,
    status_changed: u64,
    not_applied: u64,
    monthly: Side,
    /// 12 × the monthly difference.
    yearly_difference: String,
    one_off: Side,
    bands: Vec<Band>,
}

#[derive(Debug, Serialize)]
struct Side {
    before: String,
    after: String,
    difference: String,
}

#[derive(Debug, Serialize)]
struct Band {
    monthly_difference: &'static str,
    households: u64,
}

impl Report {
    fn of(t: &Tally, changes: &[Change]) -> Report {
        let side = |b: Decimal, a: Decimal| Side { before: money(b), after: money(a), difference: money(a - b) };
        let monthly = t.after.monthly - t.before.monthly;
        Report {
            changes: changes.iter().map(|c| c.typed.clone()).collect(),
            households: t.households,
            refused: t.refused,
            gaining: t.gaining,
            losing: t.losing,
            unchanged: t.unchanged,
            status_changed: t.status_changed,
            not_applied: t.not_applied,
            monthly: side(t.before.monthly, t.after.monthly),
            yearly_difference: money(monthly * Decimal::from(12)),
            one_off: side(t.before.one_off, t.after.one_off),
            bands: BANDS
                .iter()
                .zip(t.bands)
                .map(|((label, _), households)| Band { monthly_difference: label, households })
                .collect(),
        }
    }

    /// The report for a person, on stderr.
    fn text(&self) -> String {
        let mut s = String::new();
        let changes =
            if self.changes.is_empty() { "none (the policy against itself)".into() } else { self.changes.join(", ") };
        let decided = self.households - self.refused;
        s += &format!("compare: {} households, {} refused; changed: {changes}\n", self.households, self.refused);
        s += &format!(
            "  of the {decided} decided: {} gaining, {} losing, {} unchanged; {} with a programme's status changed\n",
            self.gaining, self.losing, self.unchanged, self.status_changed
        );
        if self.not_applied > 0 {
            s += &format!(
                "  {} households' places do not have a changed parameter: decided without it\n",
                self.not_applied
            );
        }
        let diff = |d: &str| d.parse::<Decimal>().map_or_else(|_| d.to_string(), signed);
        s += &format!(
            "  per month: {} before, {} after, difference {}\n",
            self.monthly.before,
            self.monthly.after,
            diff(&self.monthly.difference)
        );
        s += &format!("  per year (12 months): difference {}\n", diff(&self.yearly_difference));
        s += &format!(
            "  one-off payments: {} before, {} after, difference {}\n",
            self.one_off.before,
            self.one_off.after,
            diff(&self.one_off.difference)
        );
        s += "  households by monthly difference:\n";
        for b in &self.bands {
            s += &format!("    {:<20} {}\n", b.monthly_difference, b.households);
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_difference_falls_in_one_band_with_exact_edges() {
        let at = |s: &str| band(s.parse().unwrap());
        assert_eq!(
            ["-500.00", "-499.99", "-100.00", "-99.99", "-0.01", "0", "0.01", "99.99", "100", "499.99", "500"].map(at),
            [0, 1, 1, 2, 2, 3, 4, 4, 5, 5, 6]
        );
    }

    fn set(id: &str, op: SetOp, value: &str) -> Set {
        Set { id: id.into(), op, value: value.into() }
    }

    #[test]
    fn a_set_is_checked_against_the_policies() {
        let p = doudi_core::embedded_policies().unwrap();
        assert!(check(&[set("dibao.standard.urban", SetOp::Is, "1030")], p).is_ok());
        assert!(check(&[set("epidemic.end", SetOp::Is, "null")], p).is_ok());
        for (s, path) in [
            (set("dibao.standard.nowhere", SetOp::Is, "1"), "parameters.dibao.standard.nowhere"),
            (set("dibao.standard.urban", SetOp::Is, "lots"), "parameters.dibao.standard.urban"),
            (set("dibao.standard.urban", SetOp::Is, "-5"), "parameters.dibao.standard.urban"),
            (set("epidemic.end", SetOp::Add, "5"), "parameters.epidemic.end"),
            (set("dibao.standard.urban", SetOp::Add, "5e"), "parameters.dibao.standard.urban"),
        ] {
            let e = check(std::slice::from_ref(&s), p).unwrap_err();
            assert_eq!(e.path, path, "{s:?}: {}", e.message);
        }
        let twice = [set("dibao.standard.urban", SetOp::Is, "1"), set("dibao.standard.urban", SetOp::Add, "1")];
        assert!(check(&twice, p).unwrap_err().message.contains("twice"));
    }

    fn compare(sets: &[Set]) -> Compare {
        let policies = doudi_core::embedded_policies().unwrap();
        Compare { policies, changes: check(sets, policies).unwrap(), csv: false, changed_only: false }
    }

    fn input(json: &str) -> HouseholdInput {
        doudi_core::parse_json(json).unwrap()
    }

    #[test]
    fn a_change_of_the_value_in_force_starts_from_the_households_own_override() {
        let c = compare(&[set("dibao.standard.urban", SetOp::Add, "50"), set("dibao.standard.rural", SetOp::Sub, "6")]);
        let own = input(
            r#"{"jurisdiction":"chongqing","as_of":"2020-03-15","members":[{"age":40}],"parameters":{"dibao.standard.urban":"700"}}"#,
        );
        let (changed, not_applied) = c.apply(own).unwrap();
        let p = changed.parameters.unwrap();
        assert_eq!(p["dibao.standard.urban"], "750");
        // Chongqing's rural standard on the day, less 6.
        let policies = doudi_core::embedded_policies().unwrap();
        let day = doudi_core::dates::parse_date("2020-03-15").unwrap();
        let Some(ParamValue::Number(rural)) = policies.jurisdiction("chongqing").unwrap().parameters
            ["dibao.standard.rural"]
            .entry_on(day)
            .and_then(|e| e.value)
        else {
            panic!("no rural standard")
        };
        assert_eq!(p["dibao.standard.rural"], (rural - Decimal::from(6)).normalize().to_string());
        assert!(not_applied.is_empty());
        // Jilin sets no standard: nothing to add to.
        let jilin = input(r#"{"jurisdiction":"jilin","as_of":"2020-03-15","members":[{"age":40}]}"#);
        assert_eq!(c.apply(jilin).unwrap_err().path, "parameters.dibao.standard.urban");
    }

    #[test]
    fn a_parameter_the_place_lacks_is_not_applied() {
        let c = compare(&[set("work_cost.amount", SetOp::Is, "300")]);
        let (changed, not_applied) =
            c.apply(input(r#"{"jurisdiction":"jilin","as_of":"2020-03-15","members":[{"age":40}]}"#)).unwrap();
        assert_eq!(not_applied, ["work_cost.amount"]);
        assert!(changed.parameters.unwrap_or_default().is_empty());
    }
}
