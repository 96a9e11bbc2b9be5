//! Writes `schema.json` into `OUT_DIR`: the JSON Schema (draft-07) of every type the JS API
//! takes or returns, generated from the Rust types with schemars. `schema()` returns it, and
//! `scripts/js-build.sh` turns it into the package's TypeScript declarations.
//!
//! Built with the feature `ordinary` (the `doudi/ordinary` entry), the schemas add `ordinary`:
//! what `compareOrdinary` returns (`doudi_core::ordinary::Comparison`).
//!
//! Generating it here, on the build machine, keeps schemars out of the wasm (about 20 KB
//! brotli when `schema_for!` runs in the browser).

#[path = "src/types.rs"]
#[allow(dead_code)]
mod types;

use doudi_core::{Assessment, HouseholdInput, InputError, JurisdictionInfo, ParamInForce, SweepPoint, SweepRange};
use schemars::schema::RootSchema;
use schemars::schema_for;
use serde::Serialize;
use std::{env, fs, path::Path};

/// One schema per argument or result; `input`, `output` and `error` are those `doudi schema` prints.
#[derive(Serialize)]
struct Schemas {
    input: RootSchema,
    output: RootSchema,
    error: RootSchema,
    options: RootSchema,
    parameters: RootSchema,
    jurisdictions: RootSchema,
    sweep_range: RootSchema,
    sweep: RootSchema,
    version: RootSchema,
    /// Only in the `ordinary` build.
    #[serde(skip_serializing_if = "Option::is_none")]
    ordinary: Option<RootSchema>,
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/types.rs");
    let schemas = Schemas {
        input: schema_for!(HouseholdInput),
        output: schema_for!(Assessment),
        error: schema_for!(InputError),
        options: schema_for!(types::Options),
        parameters: schema_for!(Vec<ParamInForce>),
        jurisdictions: schema_for!(Vec<JurisdictionInfo>),
        sweep_range: schema_for!(SweepRange),
        sweep: schema_for!(Vec<SweepPoint>),
        version: schema_for!(types::Version),
        ordinary: env::var_os("CARGO_FEATURE_ORDINARY").map(|_| schema_for!(doudi_core::ordinary::Comparison)),
    };
    let json = serde_json::to_string(&schemas).expect("a schema always serializes");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("schema.json");
    fs::write(out, json).expect("OUT_DIR is writable");
}
