#!/usr/bin/env bash
# Builds the npm package's `doudi/ordinary` entry into packages/doudi/dist/ (called by
# scripts/js-build.sh after the main entry, before the TypeScript declarations):
#
#   scripts/js-build-ordinary.sh [DIST]      (DOUDI_JS_ORDINARY_BUDGET=BYTES overrides the budget)
#
# 1. cargo builds doudi-js for wasm32 with its feature `ordinary` (which turns on doudi-core's
#    `epidemic`, keeping the epidemic measures in the bundle): a wasm of its own that exports
#    compare_ordinary, schema and version only (js/src/ordinary.rs);
# 2. wasm-bindgen --target web → doudi-ordinary.js + doudi-ordinary_bg.wasm; wasm-opt -Oz;
# 3. ordinary.js: packages/doudi/src/ordinary.js with the shared glue written in
#    (packages/doudi/tools/inline-glue.mjs);
# 4. prints the size of what a page loads for it (wasm + js) and fails when the brotli total is
#    over DOUDI_JS_ORDINARY_BUDGET bytes (default 184320 = 180 KB). The main entry's files and
#    budget are untouched.
#
# Needs what scripts/js-build.sh needs (it checks the tools).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
budget=${DOUDI_JS_ORDINARY_BUDGET:-184320}
pkg=packages/doudi
dist=${1:-$pkg/dist}
bin=$root/node_modules/.bin

step() { printf '\n== js-build-ordinary: %s\n' "$1"; }
die() { printf 'js-build-ordinary: %s\n' "$1" >&2; exit 1; }

step "cargo rustc -p doudi-js --features ordinary --lib --crate-type cdylib --target wasm32-unknown-unknown --profile wasm"
# Both entries are the same crate, so target/…/wasm/doudi_js.wasm is whichever was built last
# (cargo links it on every run, fresh or not): read its name from this run's own messages and
# use it at once.
messages=$(cargo rustc -p doudi-js --features ordinary --lib --crate-type cdylib --target wasm32-unknown-unknown \
  --profile wasm --message-format json-render-diagnostics)
wasm_in=$(node -e '
  for (const line of process.argv[1].split("\n")) {
    if (!line.startsWith("{")) continue;
    const m = JSON.parse(line);
    if (m.reason === "compiler-artifact" && m.target.name === "doudi_js") {
      const w = m.filenames.find((f) => f.endsWith(".wasm"));
      if (w) console.log(w);
    }
  }' "$messages" | tail -n 1)
[ -n "$wasm_in" ] && [ -f "$wasm_in" ] || die "cargo named no doudi_js wasm"

step "wasm-bindgen --target web (doudi-ordinary), wasm-opt -Oz"
mkdir -p "$dist"
rm -f "$dist"/doudi-ordinary* "$dist/ordinary.js" "$dist/ordinary.d.ts"
wasm-bindgen --target web --out-dir "$dist" --out-name doudi-ordinary "$wasm_in"
rm -f "$dist/doudi-ordinary_bg.wasm.d.ts"
"$bin/wasm-opt" -Oz --converge --low-memory-unused --strip-producers --strip-target-features \
  "$dist/doudi-ordinary_bg.wasm" -o "$dist/doudi-ordinary_bg.wasm.opt"
mv "$dist/doudi-ordinary_bg.wasm.opt" "$dist/doudi-ordinary_bg.wasm"

step "ordinary.js (the shared glue written in)"
node "$pkg/tools/inline-glue.mjs" "$pkg/src/ordinary.js" "$dist/ordinary.js"

step "size (what a page loads for doudi/ordinary: wasm + js)"
node "$pkg/tools/size.mjs" "$dist" "$budget" doudi-ordinary_bg.wasm doudi-ordinary.js ordinary.js || die "doudi/ordinary (wasm + js) is over its budget of $budget bytes brotli"
