#!/usr/bin/env bash
# Runs every test of doudi on this machine, installing what is missing first
# (wasm32 target, Trunk, wasm-bindgen-cli, npm packages, Debian's Chromium).
# Usage: scripts/test-all.sh        (from anywhere; CI calls it from .ci/run)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
start=$(date +%s)
step() { printf '\n== %s (%ss)\n' "$1" "$(( $(date +%s) - start ))"; }

step "toolchain"
rustup target list --installed | grep -q wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

step "core, cli, roster and the 摸排 worker: unit, data and property tests"
cargo test -p doudi-core -p doudi-cli -p doudi-roster -p doudi-staff

step "core builds for wasm32 (no I/O, no clock)"
cargo build -p doudi-core --target wasm32-unknown-unknown --release

step "policy files: clause texts verbatim in the sources"
python3 policies/tools/check_clauses.py

step "doudi check: every clause cited or procedural"
cargo run -q -p doudi-cli -- check

step "a new place is one policy file: a build with the test-only place Testshire lists it everywhere"
scripts/fixture-build.sh

step "site tools (Trunk, wasm-bindgen-cli, npm packages, Chromium)"
scripts/web-tools.sh

step "the JS package: build, size, Node tests on the packed tarball"
scripts/js-test.sh

step "the site: unit tests, release build, size, browser tests (the package example included)"
DOUDI_REQUIRE_PACKAGE=1 scripts/web-test.sh

step "fuzz: the JSON entry point for 45 s (cargo-fuzz, where a nightly toolchain is installed)"
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz
  fuzz/run.sh 45
else
  echo "fuzz: skipped (no nightly toolchain; \`rustup toolchain install nightly\` enables it);" \
    "core/tests/mutations.rs, run above, is its stable counterpart"
fi

step "done"
