//! doudi for JavaScript: thin wasm-bindgen wrappers over `doudi_core`, contract v1 JSON in and
//! out (see `/shared/spec/household-v1.md`). This crate holds no policy logic: every export
//! parses its arguments, calls one core function and writes the result.
//!
//! The npm package's glue (`packages/doudi/src/index.js`) is the API users see; these exports
//! are its private half. Both ways the values cross as JSON text, which keeps the wasm small
//! (no per-type JS object (de)serializer):
//!
//! - In: the glue turns each argument into JSON text, refusing what JSON cannot carry (`NaN`, a
//!   `Symbol`, nesting deeper than 128 …) with its path and serde's words for it. Here the text
//!   becomes a `serde_json::Value` (see [`value`] for the one number form the glue adds), then
//!   `doudi_core::parse_value` (or serde, with `doudi_core::locate` for the path of an error).
//! - Out: `{"Ok": result}` or `{"Err": {path, message, message_zh}}` (serde's form of a
//!   `Result`); the glue returns the result or throws an `Error` with `path` and `messageZh`.
//!   Maps are objects, `None` is `null` and money stays a decimal string.
//!
//! A household whose JSON text is over 256 KiB is refused before it is parsed (the core's
//! `input::check_size`); more than 30 members or 64 parameters, before they are read.
//!
//! Nothing here unwraps or panics on input. `scripts/js-build.sh` builds the package; the
//! TypeScript declarations are generated from [`schema`]'s JSON Schemas, themselves generated
//! from the Rust types by `build.rs`.

//!
//! Built with the feature `ordinary` (`scripts/js-build-ordinary.sh`), the crate is the
//! `doudi/ordinary` entry's wasm instead: [`ordinary`]'s `compare_ordinary`, with `schema` and
//! `version`, and none of the main entry's other exports (each entry loads only its own).

#[cfg(feature = "ordinary")]
mod ordinary;
mod types;

pub use types::{Options, Version};

use doudi_core::locate::{self, ok, Shape};
use doudi_core::{InputError, Lang};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use wasm_bindgen::prelude::*;

/// `evaluate(household, options)`: the assessment. Without `options` (the glue could not turn
/// them into JSON), only checks the household's shape, so that its error comes first, as it
/// always has, and answers `null`.
#[cfg(not(feature = "ordinary"))]
#[wasm_bindgen]
pub fn evaluate(household: &str, options: Option<String>) -> String {
    reply(household_from(household).and_then(|input| {
        let Some(options) = options else { return Ok(None) };
        let options = doudi_core::Options { lang: options_from(&options)?.lang.unwrap_or_default() };
        doudi_core::evaluate_input(input, options).map(Some)
    }))
}

/// `parameters(jurisdiction, asOf, options)`: every parameter in force (the glue has checked
/// that both are strings).
#[cfg(not(feature = "ordinary"))]
#[wasm_bindgen]
pub fn parameters(jurisdiction: &str, as_of: &str, options: &str) -> String {
    reply(options_from(options).and_then(|o| doudi_core::parameters(jurisdiction, as_of, o.lang.unwrap_or_default())))
}

/// `jurisdictions()`: every place doudi knows.
#[cfg(not(feature = "ordinary"))]
#[wasm_bindgen]
pub fn jurisdictions() -> String {
    reply(doudi_core::jurisdictions())
}

/// `sweep(household, range)`: `steps + 1` points. Without `range`, only checks the household's
/// shape (see [`evaluate`]).
#[cfg(not(feature = "ordinary"))]
#[wasm_bindgen]
pub fn sweep(household: &str, range: Option<String>) -> String {
    reply(household_from(household).and_then(|input| {
        let Some(range) = range else { return Ok(None) };
        let range: doudi_core::SweepRange = typed(&value(&range)?, &locate::SWEEP_RANGE)?;
        doudi_core::sweep(input, range).map(Some)
    }))
}

/// The JSON Schemas (draft-07) of every type the API takes or returns, generated from the Rust
/// types when the crate was built (see `build.rs`).
#[wasm_bindgen]
pub fn schema() -> String {
    SCHEMA.to_string()
}

/// The output of `build.rs`.
const SCHEMA: &str = include_str!(concat!(env!("OUT_DIR"), "/schema.json"));

/// The package's version, the contract's version and the embedded policies' version.
#[wasm_bindgen]
pub fn version() -> String {
    let policy = doudi_core::policy::EMBEDDED_VERSION.trim();
    reply(Ok(Version {
        package: env!("CARGO_PKG_VERSION").to_string(),
        contract: doudi_core::CONTRACT_VERSION.to_string(),
        policy: policy.to_string(),
        policy_version: format!("v{}-{policy}", doudi_core::CONTRACT_VERSION),
    }))
}

/// A result as the glue reads it: `{"Ok": …}` or `{"Err": …}`.
fn reply<T: Serialize>(result: Result<T, InputError>) -> String {
    // Serializing these types cannot fail (every map key is a string); answer an error anyway.
    serde_json::to_string(&result).unwrap_or_else(|_| {
        r#"{"Err":{"path":"","message":"the result could not be written as JSON","message_zh":"结果无法写成 JSON"}}"#.into()
    })
}

/// The household from the glue's JSON text, refused before it is read when the text is over
/// the core's limit (`doudi_core::input::MAX_INPUT_BYTES`), as the command line refuses it.
fn household_from(json: &str) -> Result<doudi_core::HouseholdInput, InputError> {
    doudi_core::input::check_size(json.len())?;
    doudi_core::parse_value(value(json)?)
}

fn options_from(json: &str) -> Result<Options, InputError> {
    let json = value(json)?;
    if json.is_null() {
        return Ok(Options::default());
    }
    if json.is_string() {
        let lang = typed::<Lang>(&json, &LANG).map_err(|e| InputError { path: "lang".into(), ..e })?;
        return Ok(Options { lang: Some(lang) });
    }
    typed(&json, &OPTIONS)
}

/// The shapes of [`Options`] and [`Lang`], for the paths of their errors.
static OPTIONS: Shape =
    Shape::Struct { ok: ok::<Options>, deny_unknown: true, fields: &[("lang", Shape::Option(&LANG))] };
static LANG: Shape = Shape::Choice(ok::<Lang>);

/// The glue's JSON text as a value. The glue writes a number that is not a safe integer (so
/// that JSON text could round it) as a string: NUL, then the 16 hex digits of its IEEE 754
/// bits; a string of the input that starts with NUL gets a second one. Both are put back here.
/// The glue also limits nesting to 128, so serde_json's own (lower) limit is lifted.
fn value(json: &str) -> Result<Value, InputError> {
    let mut de = serde_json::Deserializer::from_str(json);
    de.disable_recursion_limit();
    let mut v = Value::deserialize(&mut de).map_err(|e| InputError::new("", e.to_string(), "不是有效的 JSON"))?;
    restore(&mut v);
    Ok(v)
}

fn restore(v: &mut Value) {
    match v {
        Value::String(s) if s.starts_with('\0') => {
            if s[1..].starts_with('\0') {
                s.remove(0);
            } else if let Some(n) =
                u64::from_str_radix(&s[1..], 16).ok().and_then(|b| serde_json::Number::from_f64(f64::from_bits(b)))
            {
                *v = Value::Number(n);
            }
        }
        Value::Array(a) => a.iter_mut().for_each(restore),
        Value::Object(o) => o.values_mut().for_each(restore),
        _ => {}
    }
}

/// A JSON value as one of this crate's own argument types (options, sweep range), with the
/// path of any error (see `doudi_core::locate`); a missing field's path names the field, as
/// the core's errors do.
fn typed<T: DeserializeOwned>(value: &Value, shape: &Shape) -> Result<T, InputError> {
    T::deserialize(value).map_err(|e| {
        let message = e.to_string();
        let mut path = locate::path(value, shape);
        if let Some(field) = message.strip_prefix("missing field `").and_then(|r| r.split('`').next()) {
            path = if path.is_empty() { field.to_string() } else { format!("{path}.{field}") };
        }
        InputError::new(path, &message, format!("取值不对：{message}"))
    })
}

#[cfg(test)]
mod tests {
    /// `jurisdictions()` lists every place of the policies this build embeds, in their order,
    /// whatever they are: a place added as a policy file is listed with no Rust changed
    /// (`scripts/fixture-build.sh` builds with one and names it in `DOUDI_EXPECT_PLACE`).
    #[test]
    fn jurisdictions_lists_every_place_of_the_policies() {
        // The glue's reply: `{"Ok": [...]}`.
        let listed: serde_json::Value = serde_json::from_str(&super::jurisdictions()).expect("JSON");
        let ids: Vec<&str> = listed["Ok"].as_array().expect("a list").iter().filter_map(|j| j["id"].as_str()).collect();
        let policies = doudi_core::policy::embedded().expect("consistent");
        let want: Vec<&str> = policies.jurisdictions.iter().map(|j| j.id.as_str()).collect();
        assert_eq!(ids, want);
        assert!(ids.len() >= 4, "{ids:?}");
        if let Ok(place) = std::env::var("DOUDI_EXPECT_PLACE") {
            assert!(ids.contains(&place.as_str()), "{place} is not listed: {ids:?}");
        }
    }
}
