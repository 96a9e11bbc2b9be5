#!/usr/bin/env bash
# Tests the npm package `doudi` as a user gets it:
#
#   scripts/js-test.sh            (DOUDI_JS_BUDGET=BYTES overrides the size budget of js-build.sh)
#
# 1. scripts/js-build.sh: builds, checks the size budget and packs target/npm/doudi-<version>.tgz;
# 2. installs that tarball into a temporary folder (offline: it has no dependencies);
# 3. builds the `doudi` command, so that the tests can check the JS API against it;
# 4. runs Node's test runner on tests/node/ with DOUDI_JS_PREFIX (the install folder) and
#    DOUDI_CLI set: contract examples, every bad-input class, the other functions, init() in
#    every form, the README's example, and tsc --noEmit over tests/node/typecheck/*.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

scripts/js-build.sh
version=$(node -e 'console.log(require("./packages/doudi/dist/package.json").version)')
tgz=$root/target/npm/doudi-$version.tgz

printf '\n== js-test: install %s into a temporary folder\n' "${tgz#"$root"/}"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/doudi-js-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
printf '{ "name": "doudi-js-test", "private": true, "type": "module" }\n' >"$tmp/package.json"
(cd "$tmp" && npm install --offline --no-audit --no-fund --no-save --silent "$tgz")
[ -f "$tmp/node_modules/doudi/doudi_bg.wasm" ] || { echo "js-test: the install has no doudi_bg.wasm" >&2; exit 1; }

printf '\n== js-test: cargo build -p doudi-cli (to compare the JS API with the command line)\n'
cargo build -p doudi-cli
cli=$(node -e 'console.log(JSON.parse(process.argv[1]).target_directory)' "$(cargo metadata --format-version 1 --no-deps)")/debug/doudi

printf '\n== js-test: node --test tests/node/\n'
DOUDI_JS_PREFIX=$tmp DOUDI_CLI=$cli node --test tests/node/
