//! The `doudi/ordinary` entry's export (the crate built with the feature `ordinary`): the
//! household under its place's rules and under the ordinary rules, the 2020 epidemic measures
//! switched off, with the sentences written — the same JSON as the `ordinary` object of
//! `doudi evaluate --compare ordinary` (`doudi_core::ordinary`; contract-v1.md).
//!
//! Like every export of this crate it holds no policy logic: it parses, calls the core's
//! `ordinary::compare` and `ordinary::word` (as the command line does) and writes the result.

use wasm_bindgen::prelude::*;

use crate::{household_from, options_from, reply};

/// `compareOrdinary(household, options)`. Without `options` (the glue could not turn them
/// into JSON), only checks the household's shape, so that its error comes first, and answers
/// `null` (see `evaluate`).
#[wasm_bindgen]
pub fn compare_ordinary(household: &str, options: Option<String>) -> String {
    reply(household_from(household).and_then(|input| {
        let Some(options) = options else { return Ok(None) };
        let lang = options_from(&options)?.lang.unwrap_or_default();
        let policies = doudi_core::embedded_policies()?;
        let household = doudi_core::Household::from_input(input, policies)?;
        let options = doudi_core::Options { lang };
        let mut c = doudi_core::ordinary::compare(&household, policies, options);
        doudi_core::ordinary::word(&mut c, &household, policies, lang);
        Ok(Some(c))
    }))
}
