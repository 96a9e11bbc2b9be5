//! The policies as data: documents split into clauses, and for each jurisdiction its
//! documents, programmes (with the provisions that switch each rule on and the clauses
//! that make them) and dated parameters, each value with its source ([`model`]).
//!
//! The files under `policies/` are checked and resolved once, at build time: `build.rs`
//! compiles [`model`], [`validate`] and [`resolved`] into itself (through `build_model.rs`),
//! runs the checked loader on the files (merging overlays, `extends`; a problem fails
//! `cargo build` with its file, key and message) and embeds the result as the resolved bundle,
//! which [`embedded`] reads with [`resolved::read`], natively and in WebAssembly alike.
//! Policies from a folder at run time (`--policies DIR`, [`folder`]) go through the same
//! checked loader.

#[cfg(feature = "policy-folder")]
mod bundle_gen;
pub mod combine;
#[cfg(test)]
mod combine_gen;
mod file;
#[cfg(feature = "policy-folder")]
pub mod folder;
mod model;
pub mod resolved;
pub mod validate;

use std::sync::OnceLock;

pub use model::*;
pub use validate::PolicyError;

/// The policy files as `build.rs` reads them (each TOML file as JSON, by path), before any
/// check: what [`Policies::from_bundle`] loads. Natively only (tests, tools); no build reads
/// it to assess.
#[cfg(not(target_arch = "wasm32"))]
pub const SOURCE: &str = include_str!(concat!(env!("OUT_DIR"), "/policies.json"));
/// The checked, resolved policies embedded in this build ([`resolved`]).
pub const EMBEDDED: &str = include_str!(concat!(env!("OUT_DIR"), "/resolved.json"));
/// A short hash of the embedded policies.
pub const EMBEDDED_VERSION: &str = include_str!(concat!(env!("OUT_DIR"), "/policy_version.txt"));

/// The embedded policies, read on first use. They were checked when this build was made
/// (`build.rs`); this errs only if the resolved bundle is not as `build.rs` writes it.
pub fn embedded() -> Result<&'static Policies, &'static [PolicyError]> {
    static CELL: OnceLock<Result<Policies, Vec<PolicyError>>> = OnceLock::new();
    CELL.get_or_init(|| resolved::read(EMBEDDED, EMBEDDED_VERSION.trim())).as_ref().map_err(|e| e.as_slice())
}
