//! `doudi params --jurisdiction ID --as-of DATE`: every parameter in force, with its value and source, as JSON.

use crate::args::ParamsArgs;
use crate::failure::Failure;

pub fn run(args: &ParamsArgs) -> Result<(), Failure> {
    let policies = crate::policies::get(&args.policies)?;
    let params = doudi_core::parameters_in(policies, &args.jurisdiction, &args.as_of, args.lang.core())?;
    crate::evaluate::write_json(&params, args.compact)
}
