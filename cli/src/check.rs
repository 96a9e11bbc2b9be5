//! `doudi check`: loads the embedded policies and reports, per jurisdiction, how many
//! parameters, programmes and clauses it has and which clauses nothing cites.
//! Exit 1 on an inconsistency or an uncited clause, so that CI catches either.

use std::io::Write;

use doudi_core::params::coverage;

use crate::failure::Failure;

pub fn run() -> Result<(), Failure> {
    let policies = match doudi_core::policy::embedded() {
        Ok(p) => p,
        Err(errors) => {
            for e in errors {
                eprintln!("{e}");
            }
            eprintln!("check: {} error(s) in the embedded policies", errors.len());
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
