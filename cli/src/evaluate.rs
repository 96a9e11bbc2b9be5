//! `doudi evaluate [FILE|-]`: contract v1 JSON in, the assessment as JSON out.

use std::io::Write;

use crate::args::EvaluateArgs;
use crate::failure::Failure;

pub fn run(args: &EvaluateArgs) -> Result<(), Failure> {
    let policies = crate::policies::get(&args.policies)?;
    let text = crate::read::whole(args.path())?;
    let options = args.lang.options();
    if args.compare.is_some() {
        let (assessment, ordinary) = with_ordinary(&text, policies, options)?;
        return write_json(&WithOrdinary { assessment: &assessment, ordinary: &ordinary }, args.compact);
    }
    let assessment = evaluate_json(&text, policies, options)?;
    write_json(&assessment, args.compact)
}

/// Parses contract v1 JSON, checks it against `policies` and assesses it: the core's
/// `evaluate_json`, on whichever policies the command runs on.
pub fn evaluate_json(
    text: &str,
    policies: &doudi_core::policy::Policies,
    options: doudi_core::Options,
) -> Result<doudi_core::Assessment, doudi_core::InputError> {
    let household = doudi_core::Household::from_input(doudi_core::parse_json(text)?, policies)?;
    Ok(doudi_core::evaluate(&household, policies, options))
}

/// [`evaluate_json`], and the same household under the ordinary rules, worded.
pub fn with_ordinary(
    text: &str,
    policies: &doudi_core::policy::Policies,
    options: doudi_core::Options,
) -> Result<(doudi_core::Assessment, doudi_core::ordinary::Comparison), doudi_core::InputError> {
    let household = doudi_core::Household::from_input(doudi_core::parse_json(text)?, policies)?;
    let mut ordinary = doudi_core::ordinary::compare(&household, policies, options);
    doudi_core::ordinary::word(&mut ordinary, &household, policies, options.lang);
    Ok((doudi_core::evaluate(&household, policies, options), ordinary))
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
