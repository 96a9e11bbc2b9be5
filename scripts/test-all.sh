#!/usr/bin/env bash
# Runs every test of doudi on this machine, installing what is missing first.
# Usage: scripts/test-all.sh        (from anywhere; CI calls it from .ci/run)
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
step() { printf '\n== %s (%ss)\n' "$1" "$(( $(date +%s) - start ))"; }

step "toolchain"
rustup target list --installed | grep -q wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

step "core and cli: unit, data and property tests"
cargo test -p doudi-core -p doudi-cli

step "core builds for wasm32 (no I/O, no clock)"
cargo build -p doudi-core --target wasm32-unknown-unknown --release

step "policy files: clause texts verbatim in the sources"
python3 policies/tools/check_clauses.py

step "done"
