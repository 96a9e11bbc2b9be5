//! The argument and result types this crate adds to the core's (contract v1) types.
//! Shared with `build.rs`, which derives the JSON Schema of every type at build time.

use doudi_core::Lang;
use serde::{Deserialize, Serialize};

/// The second argument of `evaluate` and `parameters`: the language of the sentences
/// (`zh-CN`, the default, or `en`). A bare language string is accepted too.
#[derive(Clone, Copy, Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Options {
    /// `zh-CN` (default) or `en`.
    #[serde(default)]
    pub lang: Option<Lang>,
}

/// What `version()` returns.
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
pub struct Version {
    /// The npm package's (and the `doudi-js` crate's) version.
    pub package: String,
    /// The contract's version (`1`).
    pub contract: String,
    /// The embedded policies' version stamp (a hash of the policy files).
    pub policy: String,
    /// `policy_version` exactly as every assessment carries it (`v1-…`).
    pub policy_version: String,
}
