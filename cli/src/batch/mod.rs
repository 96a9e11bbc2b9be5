//! `doudi batch --input FILE.jsonl|FILE.csv [--output FILE]`: one assessment per input
//! record, streamed: a record is read, assessed and written as one JSON line before the
//! next is read, so a file of any size runs in constant memory.
//!
//! Each output line is `{"line": N, "assessment": {…}}` or `{"line": N, "error": {path,
//! message, message_zh}}`, N being the record's 1-based line in the input. A bad record
//! never stops the batch; only an input that cannot be read (exit 2) does.

pub mod csv;
pub mod jsonl;

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Write};
use std::path::Path;
use std::time::Instant;

use doudi_core::{Assessment, InputError};
use serde::Serialize;

use crate::args::{BatchArgs, Format};
use crate::failure::{unreadable, Failure};

/// Records between two progress lines.
pub const PROGRESS_EVERY: u64 = 10_000;

pub fn run(args: &BatchArgs) -> Result<(), Failure> {
    let format = match args.format {
        Format::Auto if is_csv(&args.input) => Format::Csv,
        Format::Auto => Format::Jsonl,
        f => f,
    };
    let input = open(&args.input)?;
    let output: Box<dyn Write> = match args.output.as_deref() {
        Some(p) if p.as_os_str() != "-" => Box::new(File::create(p).map_err(|e| {
            let name = p.display();
            InputError::new("", format!("cannot create {name}: {e}"), format!("无法创建 {name}：{e}"))
        })?),
        _ => Box::new(io::stdout().lock()),
    };
    let progress = args.progress || io::stderr().is_terminal();
    let mut sink = Sink::new(BufWriter::with_capacity(1 << 16, output), progress);
    sink.brief = args.brief;
    let options = args.lang.options();
    match format {
        Format::Csv => csv::run(input, &args.input, options, &mut sink)?,
        _ => jsonl::run(input, &args.input, options, &mut sink)?,
    }
    sink.finish()?;
    Ok(())
}

fn is_csv(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"))
}

fn open(path: &Path) -> Result<Box<dyn BufRead>, InputError> {
    if path.as_os_str() == "-" {
        return Ok(Box::new(BufReader::with_capacity(1 << 16, io::stdin().lock())));
    }
    let file = File::open(path).map_err(|e| unreadable(path, &e))?;
    Ok(Box::new(BufReader::with_capacity(1 << 16, file)))
}

/// Where records go: the output, one JSON line each, and the counts for the progress line.
pub struct Sink<W: Write> {
    out: W,
    records: u64,
    errors: u64,
    /// The record count at which the next progress line is due.
    next_report: u64,
    /// When to report progress, if at all: the start time.
    progress: Option<Instant>,
    /// `--brief`: drop traces and quoted clause texts.
    pub brief: bool,
}

/// One output line.
#[derive(Serialize)]
struct Record<'a> {
    line: u64,
    #[serde(flatten)]
    body: Body<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
enum Body<'a> {
    Assessment(&'a Assessment),
    Error(&'a InputError),
}

impl<W: Write> Sink<W> {
    pub fn new(out: W, progress: bool) -> Sink<W> {
        Sink {
            out,
            records: 0,
            errors: 0,
            next_report: PROGRESS_EVERY,
            progress: progress.then(Instant::now),
            brief: false,
        }
    }

    /// Applies `--brief` (no traces, citations as ids and labels) to a record before writing.
    pub fn shape(&self, result: Result<Assessment, InputError>) -> Result<Assessment, InputError> {
        if self.brief {
            result.map(Assessment::brief)
        } else {
            result
        }
    }

    /// Writes the record of input line `line`.
    pub fn write(&mut self, line: u64, result: &Result<Assessment, InputError>) -> io::Result<()> {
        let body = match result {
            Ok(a) => Body::Assessment(a),
            Err(e) => {
                self.errors += 1;
                Body::Error(e)
            }
        };
        serde_json::to_writer(&mut self.out, &Record { line, body })?;
        self.out.write_all(b"\n")?;
        self.records += 1;
        if self.records == self.next_report {
            self.report();
            self.next_report += PROGRESS_EVERY;
        }
        Ok(())
    }

    /// Flushes the output and writes the last progress line.
    pub fn finish(mut self) -> io::Result<()> {
        self.out.flush()?;
        self.report();
        Ok(())
    }

    fn report(&self) {
        if let Some(start) = self.progress {
            let secs = start.elapsed().as_secs_f64();
            let rate = if secs > 0.0 { self.records as f64 / secs } else { 0.0 };
            eprintln!("batch: {} records, {} errors, {rate:.0} records/s", self.records, self.errors);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_is_one_line_with_line_first() {
        let mut sink = Sink::new(Vec::new(), false);
        sink.write(7, &Err(InputError::new("as_of", "bad", "错"))).unwrap();
        let out = String::from_utf8(sink.out).unwrap();
        assert_eq!(out, "{\"line\":7,\"error\":{\"path\":\"as_of\",\"message\":\"bad\",\"message_zh\":\"错\"}}\n");
    }

    #[test]
    fn csv_is_told_by_the_extension() {
        assert!(is_csv(Path::new("a/b.CSV")));
        assert!(!is_csv(Path::new("b.jsonl")));
        assert!(!is_csv(Path::new("-")));
    }
}
