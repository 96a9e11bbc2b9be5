//! The command line as clap parses it: subcommands, flags and their help, with no I/O.
//! Each subcommand's module turns these into what it runs on.

use std::path::PathBuf;
use std::sync::OnceLock;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "doudi",
    version = version(),
    about = "兜底 doudi: China's 2020 epidemic social-assistance rules (低保, 特困, 临时救助 …) as a calculator",
    long_about = "兜底 doudi: China's 2020 epidemic social-assistance rules (低保, 特困, 临时救助 …) as a \
                  calculator.\n\nA household (contract v1 JSON) goes in; an assessment comes out: one finding \
                  per programme, each amount with its calculation and the clauses it rests on.\n\n\
                  Exit codes: 0 done, 1 `doudi check` found a problem, 2 bad input or an unreadable file \
                  ({\"error\": {\"path\", \"message\", \"message_zh\"}} on stderr)."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Assess a household: contract JSON in, assessment JSON out.
    Evaluate(EvaluateArgs),
    /// Assess a household and write the result as text for a caseworker.
    Explain(ExplainArgs),
    /// List every parameter in force for a jurisdiction on a date, with its source (JSON).
    Params(ParamsArgs),
    /// Check the policies (embedded, or a folder's with --policies): consistency, and that every clause is cited or procedural.
    Check(CheckArgs),
    /// Print the JSON Schema of the input, the output and the error.
    Schema(SchemaArgs),
    /// Assess many households, one per line of a JSONL or CSV file, into JSONL.
    #[command(after_long_help = crate::batch::csv::columns_help())]
    Batch(BatchArgs),
    /// Write a synthetic roster for tests and demos (seeded: the same seed, the same bytes).
    Sample(SampleArgs),
    /// Decide a roster with the policy's values and again with changed ones; write the differences.
    Compare(CompareArgs),
    /// 走访摸排: screen a roster for households that likely qualify and do not receive it, are
    /// near a threshold, or whose 低保 would end; the worklist as JSONL, totals on stderr.
    Screen(ScreenArgs),
}

#[derive(Debug, Args)]
pub struct ScreenArgs {
    /// The roster: JSONL or CSV, as `doudi batch` reads it; `-` = stdin.
    #[arg(long, short = 'i')]
    pub input: PathBuf,
    /// The input's format; `auto` reads `.csv` as CSV and anything else as JSONL.
    #[arg(long, value_enum, default_value_t = Format::Auto)]
    pub format: Format,
    #[command(flatten)]
    pub policies: PoliciesArg,
    /// A household that misses a threshold by at most this much (yuan, or the condition's
    /// own unit) is "near" it.
    #[arg(long, default_value = "50")]
    pub margin: rust_decimal::Decimal,
    /// Where to write the worklist (JSONL); standard output when absent or `-`.
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
    /// Report progress on stderr even when it is not a terminal.
    #[arg(long)]
    pub progress: bool,
    /// Worker threads (default: the machine's cores). The output keeps the input's order.
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..=256))]
    pub threads: Option<u16>,
}

#[derive(Debug, Args)]
pub struct EvaluateArgs {
    /// The household as contract v1 JSON; `-` reads standard input.
    #[arg(default_value = "-")]
    pub file: PathBuf,
    /// The same as FILE, named as `batch`, `screen` and `compare` name theirs.
    #[arg(long, value_name = "FILE", conflicts_with = "file")]
    pub input: Option<PathBuf>,
    #[command(flatten)]
    pub lang: LangArg,
    #[command(flatten)]
    pub policies: PoliciesArg,
    /// Write the assessment on one line instead of indented.
    #[arg(long)]
    pub compact: bool,
    /// `ordinary`: add the same household under the ordinary rules (`ordinary`: the 2020
    /// epidemic measures switched off), with the differences and the clauses that make them.
    #[arg(long, value_enum)]
    pub compare: Option<CompareWith>,
}

impl EvaluateArgs {
    /// The household's file: `--input`, else FILE.
    pub fn path(&self) -> &PathBuf {
        self.input.as_ref().unwrap_or(&self.file)
    }
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The household as contract v1 JSON; `-` reads standard input.
    #[arg(default_value = "-")]
    pub file: PathBuf,
    /// The same as FILE, named as `batch`, `screen` and `compare` name theirs.
    #[arg(long, value_name = "FILE", conflicts_with = "file")]
    pub input: Option<PathBuf>,
    #[command(flatten)]
    pub lang: LangArg,
    #[command(flatten)]
    pub policies: PoliciesArg,
    /// Everything: each programme that does not apply in full too (its reasons, calculation
    /// and quoted clauses). By default those get one line each, with the first condition
    /// that failed.
    #[arg(long)]
    pub full: bool,
    /// `ordinary`: after the answer, the same household under the ordinary rules (the 2020
    /// epidemic measures switched off), side by side, with the clause behind each difference.
    #[arg(long, value_enum)]
    pub compare: Option<CompareWith>,
}

impl ExplainArgs {
    /// The household's file: `--input`, else FILE.
    pub fn path(&self) -> &PathBuf {
        self.input.as_ref().unwrap_or(&self.file)
    }
}

/// What `--compare` sets beside the answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CompareWith {
    /// The ordinary rules: the place's epidemic measures switched off.
    Ordinary,
}

#[derive(Debug, Args)]
pub struct ParamsArgs {
    /// `tianjin`, `tianjin-dongli`, `chongqing` or `jilin` (or a place of --policies DIR).
    #[arg(long, short = 'j')]
    pub jurisdiction: String,
    /// The day, `YYYY-MM-DD`.
    #[arg(long)]
    pub as_of: String,
    #[command(flatten)]
    pub lang: LangArg,
    #[command(flatten)]
    pub policies: PoliciesArg,
    /// Write the list on one line instead of indented.
    #[arg(long)]
    pub compact: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub policies: PoliciesArg,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Print only this schema instead of `{"input", "output", "error"}`.
    #[arg(long, value_enum)]
    pub which: Option<Which>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Which {
    /// The household (`HouseholdInput`).
    Input,
    /// The assessment (`Assessment`).
    Output,
    /// A refusal (`InputError`), as found under `"error"`.
    Error,
}

#[derive(Debug, Args)]
pub struct BatchArgs {
    /// The households: JSONL (one contract JSON per line) or CSV (see the columns below); `-` = stdin.
    #[arg(long, short = 'i')]
    pub input: PathBuf,
    /// Where to write the JSONL records; standard output when absent or `-`.
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
    /// The input's format; `auto` reads `.csv` as CSV and anything else as JSONL.
    #[arg(long, value_enum, default_value_t = Format::Auto)]
    pub format: Format,
    #[command(flatten)]
    pub lang: LangArg,
    #[command(flatten)]
    pub policies: PoliciesArg,
    /// Report progress on stderr even when it is not a terminal (every 10 000 records and at the end).
    #[arg(long)]
    pub progress: bool,
    /// What each record holds: the full assessment, a brief one, or a compact record
    /// (per programme its status, amounts and first failed condition; the household's
    /// totals), decided without any explanation and many times faster.
    #[arg(long, value_enum, default_value_t = Records::Full)]
    pub records: Records,
    /// The same as `--records brief`.
    #[arg(long, conflicts_with = "records")]
    pub brief: bool,
    /// The output's format: JSON lines, or CSV with one group of columns per programme (compact
    /// records only). Default: CSV when --output ends in .csv, else JSONL.
    #[arg(long, value_enum)]
    pub output_format: Option<OutputFormat>,
    /// Worker threads (default: the machine's cores). The output keeps the input's order.
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..=256))]
    pub threads: Option<u16>,
}

#[derive(Debug, Args)]
pub struct SampleArgs {
    /// The place: `tianjin`, `tianjin-dongli`, `chongqing` or `jilin` (or a place of --policies DIR).
    #[arg(long, short = 'j')]
    pub jurisdiction: String,
    /// How many households.
    #[arg(long, short = 'n', value_parser = clap::value_parser!(u64).range(0..=100_000_000))]
    pub households: u64,
    /// The generator's seed. The same seed gives the same roster, byte for byte, and a roster
    /// of N households is the first N of a longer one.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The day of assessment written into every household, `YYYY-MM-DD`; the default is a
    /// day inside the epidemic period.
    #[arg(long, default_value = "2020-03-15")]
    pub as_of: String,
    #[command(flatten)]
    pub policies: PoliciesArg,
    /// JSON lines (contract v1, one household a line) or CSV in the columns `doudi batch`
    /// reads. Default: CSV when --output ends in .csv, else JSONL.
    #[arg(long, value_enum)]
    pub output_format: Option<OutputFormat>,
    /// Where to write the roster; standard output when absent or `-`.
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The roster: JSONL or CSV, as `doudi batch` reads it; `-` = stdin.
    #[arg(long, short = 'i')]
    pub input: PathBuf,
    /// The input's format; `auto` reads `.csv` as CSV and anything else as JSONL.
    #[arg(long, value_enum, default_value_t = Format::Auto)]
    pub format: Format,
    #[command(flatten)]
    pub policies: PoliciesArg,
    /// A changed parameter, `ID=VALUE` (`dibao.standard.urban=1030`), or a change of a number
    /// parameter's value in force for each household, `ID+=AMOUNT` or `ID-=AMOUNT`
    /// (`dibao.standard.urban+=50`). May be given for several parameters; none compares the
    /// policy with itself.
    #[arg(long = "set", value_name = "ID=VALUE", value_parser = parse_set)]
    pub set: Vec<Set>,
    /// Where to write the per-household differences; standard output when absent or `-`.
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
    /// The differences as JSON lines or CSV. Default: CSV when --output ends in .csv, else JSONL.
    #[arg(long, value_enum)]
    pub output_format: Option<OutputFormat>,
    /// Also write the totals as JSON to this file (they always go to stderr as text).
    #[arg(long)]
    pub summary: Option<PathBuf>,
    /// Write only the households whose totals or statuses changed.
    #[arg(long)]
    pub changed_only: bool,
    /// Report progress on stderr even when it is not a terminal.
    #[arg(long)]
    pub progress: bool,
    /// Worker threads (default: the machine's cores). The output keeps the input's order.
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..=256))]
    pub threads: Option<u16>,
}

pub use doudi_roster::compare::{Set, SetOp};

/// `ID=VALUE`, `ID+=AMOUNT`, `ID-=AMOUNT`. Only the form is checked here; the id and the
/// value are checked against the policies by `doudi compare` (the contract's error).
fn parse_set(raw: &str) -> Result<Set, String> {
    let Some((left, value)) = raw.split_once('=') else {
        return Err(format!("expected ID=VALUE (or ID+=AMOUNT, ID-=AMOUNT), got \"{raw}\""));
    };
    let (id, op) = match (left.strip_suffix('+'), left.strip_suffix('-')) {
        (Some(id), _) => (id, SetOp::Add),
        (_, Some(id)) => (id, SetOp::Sub),
        _ => (left, SetOp::Is),
    };
    let id = id.trim();
    if id.is_empty() {
        return Err(format!("no parameter id before '=' in \"{raw}\""));
    }
    Ok(Set { id: id.to_string(), op, value: value.trim().to_string() })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Records {
    /// The contract's full assessment (reasons, trace, quoted clauses, assumptions).
    Full,
    /// The assessment without traces and quoted clause texts.
    Brief,
    /// Statuses, amounts, first failed conditions and totals, with no text.
    Compact,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Jsonl,
    Csv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Auto,
    Jsonl,
    Csv,
}

/// `--lang`, shared by the subcommands that write sentences.
#[derive(Clone, Copy, Debug, Args)]
pub struct LangArg {
    /// The language of the sentences: Chinese (default) or English.
    #[arg(long = "lang", value_enum, default_value_t = Lang::Zh)]
    pub lang: Lang,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    #[value(alias = "zh-CN", alias = "zh-cn", alias = "cn")]
    Zh,
    En,
}

impl LangArg {
    pub fn core(self) -> doudi_core::Lang {
        match self.lang {
            Lang::Zh => doudi_core::Lang::Zh,
            Lang::En => doudi_core::Lang::En,
        }
    }

    pub fn options(self) -> doudi_core::Options {
        doudi_core::Options { lang: self.core() }
    }
}

/// `--policies DIR`, shared by the subcommands that read the policies.
#[derive(Clone, Debug, Default, Args)]
pub struct PoliciesArg {
    /// Read the policies from this folder instead of the embedded ones: `documents/*.toml` and
    /// `jurisdictions/*.toml`, laid out as the repository's `policies/` (see
    /// `policies/README.md`), checked as `doudi check` checks them. `combine.toml` stays the
    /// built-in one.
    #[arg(long = "policies", value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// `0.1.0 (policies 46aed5c8)`.
fn version() -> &'static str {
    static VERSION: OnceLock<String> = OnceLock::new();
    VERSION.get_or_init(|| {
        format!("{} (policies {})", env!("CARGO_PKG_VERSION"), doudi_core::policy::EMBEDDED_VERSION.trim())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn file_defaults_to_stdin_and_lang_to_chinese() {
        let cli = Cli::try_parse_from(["doudi", "evaluate"]).unwrap();
        let Command::Evaluate(a) = cli.command else { panic!("not evaluate") };
        assert_eq!(a.file, PathBuf::from("-"));
        assert_eq!(a.lang.core(), doudi_core::Lang::Zh);
        assert!(!a.compact);
    }

    #[test]
    fn the_household_file_may_be_named_with_input_as_batch_names_it() {
        let cli = Cli::try_parse_from(["doudi", "explain", "--input", "h.json"]).unwrap();
        let Command::Explain(a) = cli.command else { panic!("not explain") };
        assert_eq!(a.path(), &PathBuf::from("h.json"));
        let cli = Cli::try_parse_from(["doudi", "evaluate", "h.json"]).unwrap();
        let Command::Evaluate(a) = cli.command else { panic!("not evaluate") };
        assert_eq!(a.path(), &PathBuf::from("h.json"));
        let cli = Cli::try_parse_from(["doudi", "evaluate", "--input", "h.json"]).unwrap();
        let Command::Evaluate(a) = cli.command else { panic!("not evaluate") };
        assert_eq!(a.path(), &PathBuf::from("h.json"));
        // Not both.
        assert!(Cli::try_parse_from(["doudi", "evaluate", "a.json", "--input", "b.json"]).is_err());
    }

    #[test]
    fn lang_accepts_zh_cn_and_en() {
        for (arg, lang) in [("zh-CN", doudi_core::Lang::Zh), ("en", doudi_core::Lang::En)] {
            let cli = Cli::try_parse_from(["doudi", "explain", "x.json", "--lang", arg]).unwrap();
            let Command::Explain(a) = cli.command else { panic!("not explain") };
            assert_eq!(a.lang.core(), lang);
        }
        assert!(Cli::try_parse_from(["doudi", "explain", "--lang", "fr"]).is_err());
    }

    #[test]
    fn params_needs_a_jurisdiction_and_a_date() {
        assert!(Cli::try_parse_from(["doudi", "params", "--as-of", "2020-04-15"]).is_err());
        let cli = Cli::try_parse_from(["doudi", "params", "-j", "jilin", "--as-of", "2020-04-15"]).unwrap();
        let Command::Params(a) = cli.command else { panic!("not params") };
        assert_eq!((a.jurisdiction.as_str(), a.as_of.as_str()), ("jilin", "2020-04-15"));
    }

    #[test]
    fn batch_needs_an_input() {
        assert!(Cli::try_parse_from(["doudi", "batch"]).is_err());
        let cli = Cli::try_parse_from(["doudi", "batch", "--input", "a.csv", "--progress"]).unwrap();
        let Command::Batch(a) = cli.command else { panic!("not batch") };
        assert_eq!(a.format, Format::Auto);
        assert!(a.progress && a.output.is_none());
    }

    #[test]
    fn set_reads_a_value_or_a_change() {
        let cli = Cli::try_parse_from([
            "doudi",
            "compare",
            "-i",
            "r.csv",
            "--set",
            "dibao.standard.urban=1030",
            "--set",
            "a.b+=50",
            "--set",
            "c-= 1.5",
        ])
        .unwrap();
        let Command::Compare(a) = cli.command else { panic!("not compare") };
        let sets: Vec<(&str, SetOp, &str)> = a.set.iter().map(|s| (s.id.as_str(), s.op, s.value.as_str())).collect();
        assert_eq!(
            sets,
            [("dibao.standard.urban", SetOp::Is, "1030"), ("a.b", SetOp::Add, "50"), ("c", SetOp::Sub, "1.5")]
        );
        for bad in ["dibao.standard.urban", "=5", "+=5"] {
            assert!(Cli::try_parse_from(["doudi", "compare", "-i", "r.csv", "--set", bad]).is_err(), "{bad}");
        }
    }

    #[test]
    fn sample_needs_a_place_and_a_count() {
        assert!(Cli::try_parse_from(["doudi", "sample", "-j", "tianjin"]).is_err());
        let cli = Cli::try_parse_from(["doudi", "sample", "-j", "tianjin", "-n", "5"]).unwrap();
        let Command::Sample(a) = cli.command else { panic!("not sample") };
        assert_eq!((a.households, a.seed, a.as_of.as_str()), (5, 1, "2020-03-15"));
    }

    #[test]
    fn policies_is_a_folder_for_every_subcommand_that_reads_them() {
        let dir = |args: &[&str]| match Cli::try_parse_from(args).unwrap().command {
            Command::Check(a) => a.policies.dir,
            Command::Evaluate(a) => a.policies.dir,
            Command::Explain(a) => a.policies.dir,
            Command::Params(a) => a.policies.dir,
            Command::Batch(a) => a.policies.dir,
            Command::Sample(a) => a.policies.dir,
            Command::Compare(a) => a.policies.dir,
            Command::Screen(a) => a.policies.dir,
            Command::Schema(_) => None,
        };
        assert_eq!(dir(&["doudi", "check"]), None);
        let d = Some(PathBuf::from("p"));
        assert_eq!(dir(&["doudi", "check", "--policies", "p"]), d);
        assert_eq!(dir(&["doudi", "evaluate", "--policies", "p", "h.json"]), d);
        assert_eq!(dir(&["doudi", "explain", "h.json", "--policies", "p"]), d);
        assert_eq!(dir(&["doudi", "params", "-j", "x", "--as-of", "2020-04-15", "--policies", "p"]), d);
        assert_eq!(dir(&["doudi", "batch", "-i", "r.csv", "--policies", "p"]), d);
        assert_eq!(dir(&["doudi", "sample", "-j", "x", "-n", "1", "--policies", "p"]), d);
        assert_eq!(dir(&["doudi", "compare", "-i", "r.csv", "--policies", "p"]), d);
        assert_eq!(dir(&["doudi", "screen", "-i", "r.csv", "--policies", "p"]), d);
        assert!(Cli::try_parse_from(["doudi", "schema", "--policies", "p"]).is_err());
    }

    #[test]
    fn version_names_the_policies() {
        assert!(version().contains(doudi_core::policy::EMBEDDED_VERSION.trim()));
    }
}
