#!/usr/bin/env bash
# Builds the site (web/) for release and tests it, natively and in a real browser:
#   tools -> cargo fetch -> unit tests (cargo test -p doudi-web, native) ->
#   trunk build --release --cargo-profile wasm --offline -> size budget -> browser tests (node --test)
# Usage: scripts/web-test.sh [SIZE_LIMIT_BYTES]   (default 256000 brotli bytes)
# Exits non-zero on the first failure.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
SIZE_LIMIT="${1:-256000}"

log() { printf '[web-test] %s\n' "$*"; }
step() {
  local name="$1"; shift
  local start
  start=$(date +%s)
  log "$name ..."
  "$@"
  log "$name: $(($(date +%s) - start))s"
}

build() {
  # --offline: Trunk must use the wasm-bindgen and wasm-opt on PATH and fail
  # loudly if they are missing or at the wrong version, never download them.
  (cd web && trunk build --release --cargo-profile wasm --offline </dev/null)
}

step "tools" bash scripts/web-tools.sh
step "cargo fetch" cargo fetch </dev/null
step "unit tests" cargo test -p doudi-web </dev/null
step "trunk build" build
step "size report" node scripts/size-report.mjs "$SIZE_LIMIT"
step "browser tests" node --test tests/browser/
