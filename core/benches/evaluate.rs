//! Placeholder; the benchmark lands with the CLI's batch mode.
fn main() {}
