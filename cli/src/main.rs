//! The `doudi` command: parses the arguments, runs one subcommand, and maps its result to an exit code.
//!
//! Exit codes: 0 done (a batch with error records is done too), 1 `doudi check` found a problem,
//! 2 bad input or a file that cannot be read or written (the contract's error JSON is on stderr).

mod args;
mod batch;
mod check;
mod compare;
mod evaluate;
mod explain;
mod failure;
mod params;
mod policies;
mod read;
mod sample;
mod schema;
mod screen;

use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command};
use failure::Failure;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Evaluate(a) => evaluate::run(a),
        Command::Explain(a) => explain::run(a),
        Command::Params(a) => params::run(a),
        Command::Check(a) => check::run(a),
        Command::Schema(a) => schema::run(a),
        Command::Batch(a) => batch::run(a),
        Command::Sample(a) => sample::run(a),
        Command::Compare(a) => compare::run(a),
        Command::Screen(a) => screen::run(a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Found) => ExitCode::from(1),
        // `doudi … | head`: the reader has what it wanted.
        Err(Failure::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(failure) => {
            failure.report();
            ExitCode::from(2)
        }
    }
}
