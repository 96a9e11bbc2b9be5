#!/usr/bin/env bash
# Runs the fuzz target over doudi's JSON entry point for a bounded time:
#
#   fuzz/run.sh [SECONDS]       (default 45; needs a nightly toolchain and cargo-fuzz)
#
# Seeds the corpus from policies/tests and examples/ (fuzz/seed.py), then runs
# `cargo +nightly fuzz run parse_json` with the contract's dictionary. Exits non-zero on a crash
# (the input is kept in fuzz/artifacts/parse_json/). The corpus grows across runs.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-45}
python3 seed.py
mkdir -p target
cargo +nightly fuzz run parse_json corpus/parse_json -- \
  -dict=parse_json.dict -max_total_time="$seconds" -max_len=16384 -rss_limit_mb=2048 \
  -timeout=10 -print_final_stats=1 2>&1 | tee target/run.log | grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)|^Done|stat::|ERROR|panicked|SUMMARY|Test unit' || true
# tee and grep hide cargo's status: read it from the log.
if grep -qE 'ERROR: libFuzzer|panicked at|SUMMARY: (libFuzzer|AddressSanitizer)' target/run.log; then
  echo "fuzz: a crash; its input is in fuzz/artifacts/parse_json/" >&2
  exit 1
fi
grep -q 'Done [0-9]* runs' target/run.log || { echo "fuzz: the run did not finish (see fuzz/target/run.log)" >&2; exit 1; }
