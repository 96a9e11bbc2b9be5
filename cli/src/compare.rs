//! `doudi compare --input ROSTER --set ID=VALUE [--set …] [--output FILE] [--threads N]`:
//! every household of a roster decided twice, with the policy's values and with the
//! changed ones, and what changed.
//!
//! The what-if itself (checking each `--set`, laying the changes over a household, the
//! differences, their tally and report) is [`doudi_roster::compare`], shared with the 摸排
//! page's worker. This module reads, shards and keeps the roster in order with `doudi
//! batch`'s readers and pipeline (`batch::open_both`, `batch::pipeline::run`), and writes
//! the records: each (JSONL, or CSV with the same fields) holds the household's line, its
//! id (the applicant's `id`, when given), its totals before and after, their differences,
//! the programmes whose status changed and those whose amount changed. A refused household
//! is an error record, as in `doudi batch`. The totals go to stderr (and, with `--summary
//! FILE`, as JSON to that file).

use std::io::{self, IsTerminal, Write};

use doudi_core::decision::Totals;
use doudi_core::{Decider, InputError};
use doudi_roster::compare::{check, difference, money, Compare, Diff, Report, Tally};
use serde::Serialize;

use crate::args::{CompareArgs, OutputFormat};
use crate::batch::pipeline::{self, Job};
use crate::batch::record::status_word;
use crate::batch::{self, Item};
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
    let job = CompareJob { compare: Compare { policies, changes }, csv, changed_only: args.changed_only };
    let progress = args.progress || io::stderr().is_terminal();
    let tally = pipeline::run(policies, output, &job, batch::threads(args.threads), progress, read)?;
    let report = Report::of(&tally, &job.compare.changes);
    eprint!("{}", report.text());
    if let Some(mut f) = summary {
        serde_json::to_writer_pretty(&mut f, &report)?;
        f.write_all(b"\n")?;
    }
    Ok(())
}

/// `doudi compare`'s job in the batch pipeline.
struct CompareJob {
    compare: Compare,
    csv: bool,
    changed_only: bool,
}

impl Job for CompareJob {
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
        let result = item.body.parse().and_then(|input| {
            let (before, after, not_applied) = self.compare.decide(decider, &input)?;
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
        total.merge(part);
    }
}

impl CompareJob {
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
