//! The policy model and its checked loader as `build.rs` compiles them: [`model`],
//! [`validate`] (with the file shapes it reads) and [`resolved`]'s writer, the same files the
//! crate compiles (`mod.rs` declares them for the crate; this file, for the build script,
//! leaves out what needs the build's own output: the embedded bundle, `combine`).

#[path = "file.rs"]
mod file;
#[path = "model.rs"]
mod model;
#[path = "resolved.rs"]
pub mod resolved;
#[path = "validate.rs"]
pub mod validate;

pub use model::*;
pub use validate::PolicyError;
