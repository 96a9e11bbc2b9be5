//! `doudi check [--policies DIR]`: loads the embedded policies (or a folder's) and reports, per jurisdiction, how many
//! parameters, programmes and clauses it has and which clauses nothing cites.
//! Exit 1 on an inconsistency or an uncited clause, so that CI catches either.

use std::io::Write;

use doudi_core::params::coverage;

use crate::args::CheckArgs;
use crate::failure::Failure;
use crate::policies::{self, Refusal};

pub fn run(args: &CheckArgs) -> Result<(), Failure> {
    let loaded = match args.policies.dir.as_deref() {
        None => doudi_core::policy::embedded().map_err(|e| (e.to_vec(), "the embedded policies".to_string())),
        Some(dir) => match policies::load(dir) {
            Ok(p) => Ok(p),
            // A folder that cannot be read is bad input (exit 2), as any unreadable file.
            Err(Refusal::Unreadable(e)) => return Err(e.into()),
            Err(Refusal::Invalid(errors)) => Err((errors, format!("the policies of {}", dir.display()))),
        },
    };
    let policies = match loaded {
        Ok(p) => p,
        Err((errors, whose)) => {
            for e in &errors {
                eprintln!("{}", policies::line(e));
            }
            eprintln!("check: {} error(s) in {whose}", errors.len());
            return Err(Failure::Found);
        }
    };
    let mut out = std::io::stdout().lock();
    let mut uncited = 0;
    for c in coverage(policies) {
        writeln!(
            out,
            "{}: {} parameters, {} programmes, {} clauses, {} cited, {} procedural, {} uncited",
            c.jurisdiction,
            c.parameters,
            c.programmes,
            c.clauses,
            c.cited,
            c.procedural,
            c.uncited.len()
        )?;
        if !c.uncited.is_empty() {
            writeln!(out, "  uncited: {}", c.uncited.join(", "))?;
        }
        uncited += c.uncited.len();
    }
    writeln!(out, "policies {}", policies.version)?;
    if uncited > 0 {
        eprintln!("check: {uncited} clause(s) neither cited by a rule nor marked procedural");
        return Err(Failure::Found);
    }
    Ok(())
}
