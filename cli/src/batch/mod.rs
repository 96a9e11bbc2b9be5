//! `doudi batch --input FILE.jsonl|FILE.csv [--output FILE] [--records full|brief|compact]
//! [--output-format jsonl|csv] [--threads N]`: one record per input household, streamed.
//!
//! The readers (`jsonl`, `csv`, from `doudi-roster`, which the 摸排 page's worker shares) turn the input into [`Item`]s (a line number and a
//! household, or why the line is no household); [`record`] turns an item into its output
//! bytes; [`pipeline`] runs that on one thread, or shards the items over N workers in
//! chunks and writes their output in input order. Every channel is bounded, so a file of
//! any size runs in constant memory.
//!
//! Each JSONL output line is `{"line": N, "assessment": {…}}` (full and brief), `{"line":
//! N, "summary": {…}, "programmes": {…}}` (compact) or `{"line": N, "error": {path, message,
//! message_zh}}`, N being the record's 1-based line in the input; CSV output has one row
//! per record with one group of columns per programme. A bad record never stops the batch;
//! only an input that cannot be read (exit 2) does.
//!
//! `doudi compare` reads and shards a roster through the same readers and pipeline
//! ([`open_both`], [`pipeline::run`] with its own [`pipeline::Job`]).

pub mod pipeline;
pub mod record;

use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Write};
use std::path::Path;

use doudi_core::InputError;

use crate::args::{BatchArgs, Format, OutputFormat, Records};
use crate::failure::{display_name, unreadable, Failure};

pub use doudi_roster::{csv, jsonl, Body, Item, PROGRESS_EVERY};
pub use record::Shape;

pub fn run(args: &BatchArgs) -> Result<(), Failure> {
    let records = if args.brief { Records::Brief } else { args.records };
    let output_format = output_format(args.output_format, args.output.as_deref());
    if output_format == OutputFormat::Csv && records != Records::Compact {
        return Err(InputError::new(
            "",
            "CSV output holds compact records only: add --records compact",
            "CSV 输出只能写简要记录：请加上 --records compact",
        )
        .into());
    }
    let policies = crate::policies::get(&args.policies)?;
    let shape = Shape { records, csv: output_format == OutputFormat::Csv, options: args.lang.options() };
    let (read, output) = open_both(&args.input, args.format, args.output.as_deref())?;
    let progress = args.progress || io::stderr().is_terminal();
    pipeline::run(policies, output, &shape, threads(args.threads), progress, read)
}

/// The output's format: the one asked for, else CSV for an `--output` ending in `.csv`, else JSONL.
pub fn output_format(asked: Option<OutputFormat>, output: Option<&Path>) -> OutputFormat {
    match asked {
        Some(f) => f,
        None if output.is_some_and(is_csv) => OutputFormat::Csv,
        None => OutputFormat::Jsonl,
    }
}

/// The worker threads: as asked, else the machine's cores.
pub fn threads(asked: Option<u16>) -> usize {
    asked.map(usize::from).unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1)
}

/// The reader of a batch's input, for [`pipeline::run`].
pub type Reader = Box<dyn FnOnce(&mut pipeline::Emit) -> Result<(), Failure>>;

/// Opens a batch's input (read in `format`; `auto` by its extension) and creates its
/// output (standard output when absent or `-`), refusing an output that is the input.
pub fn open_both(
    input: &Path,
    format: Format,
    output: Option<&Path>,
) -> Result<(Reader, Box<dyn Write + Send>), InputError> {
    let format = match format {
        Format::Auto if is_csv(input) => Format::Csv,
        Format::Auto => Format::Jsonl,
        f => f,
    };
    if let Some(out) = output {
        refuse_same_file(input, out)?;
    }
    let reader = open(input)?;
    let output: Box<dyn Write + Send> = match output {
        Some(p) if p.as_os_str() != "-" => Box::new(File::create(p).map_err(|e| {
            let name = p.display();
            InputError::new("", format!("cannot create {name}: {e}"), format!("无法创建 {name}：{e}"))
        })?),
        _ => Box::new(io::stdout()),
    };
    let name = display_name(input);
    let read: Reader = Box::new(move |emit: &mut pipeline::Emit| match format {
        Format::Csv => csv::read(reader, &name, emit),
        _ => jsonl::read(reader, &name, emit),
    });
    Ok((read, output))
}

pub fn is_csv(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"))
}

/// Writing the output over the input would empty it before it is read.
fn refuse_same_file(input: &Path, output: &Path) -> Result<(), InputError> {
    if input.as_os_str() == "-" || output.as_os_str() == "-" {
        return Ok(());
    }
    let same = match (std::fs::canonicalize(input), std::fs::canonicalize(output)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same {
        let name = output.display();
        return Err(InputError::new(
            "",
            format!("--output {name} is the input file: writing it would erase the households before they are read"),
            format!("--output {name} 就是输入文件：写入会在读取之前清空它，请换一个输出文件"),
        ));
    }
    Ok(())
}

fn open(path: &Path) -> Result<Box<dyn BufRead + Send>, InputError> {
    if path.as_os_str() == "-" {
        return Ok(Box::new(BufReader::with_capacity(1 << 16, io::stdin())));
    }
    let file = File::open(path).map_err(|e| unreadable(path, &e))?;
    Ok(Box::new(BufReader::with_capacity(1 << 16, file)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_is_told_by_the_extension() {
        assert!(is_csv(Path::new("a/b.CSV")));
        assert!(!is_csv(Path::new("b.jsonl")));
        assert!(!is_csv(Path::new("-")));
    }

    #[test]
    fn the_output_may_not_be_the_input() {
        let dir = std::env::temp_dir().join(format!("doudi-same-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let f = dir.join("h.jsonl");
        std::fs::write(&f, "{}\n").unwrap();
        let err = refuse_same_file(&f, &dir.join(".").join("h.jsonl")).unwrap_err();
        assert!(err.message.contains("is the input file"), "{}", err.message);
        assert!(refuse_same_file(&f, &dir.join("out.jsonl")).is_ok());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
