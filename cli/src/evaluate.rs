//! `doudi evaluate [FILE|-]`: contract v1 JSON in, the assessment as JSON out.

use std::io::Write;

use crate::args::EvaluateArgs;
use crate::failure::Failure;

pub fn run(args: &EvaluateArgs) -> Result<(), Failure> {
    let text = crate::read::whole(&args.file)?;
    if args.compare.is_some() {
        let (assessment, ordinary) = doudi_core::compare_ordinary_json(&text, args.lang.options(), true)?;
        return write_json(&WithOrdinary { assessment: &assessment, ordinary: &ordinary }, args.compact);
    }
    let assessment = doudi_core::evaluate_json(&text, args.lang.options())?;
    write_json(&assessment, args.compact)
}

/// The assessment with `ordinary`: the comparison with the ordinary rules.
#[derive(serde::Serialize)]
struct WithOrdinary<'a> {
    #[serde(flatten)]
    assessment: &'a doudi_core::Assessment,
    ordinary: &'a doudi_core::ordinary::Comparison,
}

/// Writes `value` to stdout as JSON, indented unless `compact`, with a final newline.
pub fn write_json<T: serde::Serialize>(value: &T, compact: bool) -> Result<(), Failure> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if compact {
        serde_json::to_writer(&mut out, value)?;
    } else {
        serde_json::to_writer_pretty(&mut out, value)?;
    }
    writeln!(out)?;
    out.flush()?;
    Ok(())
}
