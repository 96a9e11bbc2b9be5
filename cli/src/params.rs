//! `doudi params --jurisdiction ID --as-of DATE`: every parameter in force, with its value and source, as JSON.

use crate::args::ParamsArgs;
use crate::failure::Failure;

pub fn run(args: &ParamsArgs) -> Result<(), Failure> {
    let params = doudi_core::parameters(&args.jurisdiction, &args.as_of, args.lang.core())?;
    crate::evaluate::write_json(&params, args.compact)
}
