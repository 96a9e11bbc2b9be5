#!/usr/bin/env bash
# doudi's batch against OpenFisca's, side by side, in one run, on the same generated households
# (../shared/bench/openfisca: gen.py writes contract-v1 JSONL; run_of.py times OpenFisca's batch).
#
# Usage: scripts/bench-batch.sh [N]        (N households, default 100000)
#
# Works in target/bench-openfisca/ (a copy of the read-only harness, with its own venv from
# requirements.txt), builds `doudi` for release, then prints households/s for OpenFisca's batch
# including its JSONL parse, for `doudi batch --records compact` with the default threads and with
# --threads 1, the ratios, the peak memory of each doudi run, and whether every 低保 amount equals
# OpenFisca's. A benchmark, not a test: nothing is asserted against a clock.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-100000}"
harness="${DOUDI_OPENFISCA:-../shared/bench/openfisca}"
work="target/bench-openfisca"
[ -d "$harness" ] || { echo "bench-batch: no OpenFisca harness at $harness" >&2; exit 2; }
mkdir -p "$work"
cp -r "$harness"/*.py "$harness"/requirements.txt "$work"/
if [ ! -x "$work/.venv/bin/python" ] || ! "$work/.venv/bin/python" -c "import openfisca_core" 2>/dev/null; then
  echo "bench-batch: installing OpenFisca into $work/.venv (pip, a few minutes the first time)"
  python3 -m venv "$work/.venv"
  "$work/.venv/bin/pip" install -q -r "$work/requirements.txt"
fi
cargo build -q --release -p doudi-cli
exec "$work/.venv/bin/python" scripts/bench_batch.py "$work" "$n" "$PWD/target/release/doudi"
