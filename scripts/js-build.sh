#!/usr/bin/env bash
# Builds the npm package `doudi` (the JS API of the WebAssembly build) and packs it.
#
#   scripts/js-build.sh
#
# 1. cargo builds the crate doudi-js for wasm32 as a cdylib only (its build.rs generates the
#    JSON Schemas);
# 2. wasm-bindgen --target web writes the ES module; wasm-opt -Oz shrinks the wasm;
# 3. packages/doudi/dist/ is assembled: the glue (packages/doudi/src/index.js with the shared
#    glue.js written in by packages/doudi/tools/inline-glue.mjs), README, package.json (version
#    from the crate), the `doudi/ordinary` entry (scripts/js-build-ordinary.sh: its own wasm,
#    its own budget), and the TypeScript declarations of both generated from the Rust types
#    (packages/doudi/tools/build-types.mjs), then the shipped JS is written without its comments
#    (packages/doudi/tools/strip-comments.mjs: the declarations carry the docs);
# 4. prints the size of what a page loads (wasm + js: raw, gzip, brotli) and fails when the
#    brotli total is over DOUDI_JS_BUDGET bytes (default 153600 = 150 KB);
# 5. npm pack → target/npm/doudi-<version>.tgz.
#
# Needs: the wasm32-unknown-unknown target, wasm-bindgen-cli of exactly the version Cargo.lock
# pins, and the root package.json's devDependencies (npm ci): binaryen, json-schema-to-typescript,
# typescript.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
budget=${DOUDI_JS_BUDGET:-153600}
pkg=packages/doudi
dist=$pkg/dist
bin=$root/node_modules/.bin

step() { printf '\n== js-build: %s\n' "$1"; }
die() { printf 'js-build: %s\n' "$1" >&2; exit 1; }

for tool in "$bin/wasm-opt" "$bin/tsc"; do
  [ -x "$tool" ] || die "$tool is missing: run npm ci at the root"
done
[ -d node_modules/json-schema-to-typescript ] || die "json-schema-to-typescript is missing: run npm ci at the root"

# The wasm-bindgen CLI must be the version of the wasm-bindgen crate in Cargo.lock.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }') || true
[ -n "$want" ] || die "Cargo.lock has no wasm-bindgen"
[ "$have" = "$want" ] || die "wasm-bindgen CLI is '${have:-missing}', Cargo.lock pins $want: cargo install wasm-bindgen-cli --version $want --locked"

# `--crate-type cdylib`: the crate also declares an rlib (for native checks), and building
# both at once makes the wasm about 17 KB brotli larger (the cdylib's LTO keeps far less
# inlined and dead-code-eliminated).
step "cargo rustc -p doudi-js --lib --crate-type cdylib --target wasm32-unknown-unknown --profile wasm"
cargo rustc -p doudi-js --lib --crate-type cdylib --target wasm32-unknown-unknown --profile wasm
meta=$(cargo metadata --format-version 1 --no-deps)
target_dir=$(node -e 'console.log(JSON.parse(process.argv[1]).target_directory)' "$meta")
version=$(node -e 'console.log(JSON.parse(process.argv[1]).packages.find((p) => p.name === "doudi-js").version)' "$meta")
wasm_in=$target_dir/wasm32-unknown-unknown/wasm/doudi_js.wasm
[ -f "$wasm_in" ] || die "$wasm_in was not built"

step "wasm-bindgen --target web, wasm-opt -Oz"
rm -rf "$dist"
mkdir -p "$dist"
wasm-bindgen --target web --out-dir "$dist" --out-name doudi "$wasm_in"
rm -f "$dist/doudi_bg.wasm.d.ts" # the raw exports; the package does not expose them
"$bin/wasm-opt" -Oz --converge --low-memory-unused --strip-producers --strip-target-features "$dist/doudi_bg.wasm" -o "$dist/doudi_bg.wasm.opt"
mv "$dist/doudi_bg.wasm.opt" "$dist/doudi_bg.wasm"

step "assemble $dist (version $version)"
node "$pkg/tools/inline-glue.mjs" "$pkg/src/index.js" "$dist/index.js"
cp "$pkg/README.md" "$dist/"
node -e '
  const fs = require("fs");
  const [src, out, version] = process.argv.slice(1);
  const { "//": _, ...manifest } = JSON.parse(fs.readFileSync(src, "utf8"));
  const ordered = { name: manifest.name, version, ...manifest };
  fs.writeFileSync(out, JSON.stringify(ordered, null, 2) + "\n");
' "$pkg/package.json" "$dist/package.json" "$version"

scripts/js-build-ordinary.sh "$dist"

step "TypeScript declarations from the Rust types"
node "$pkg/tools/build-types.mjs" "$dist"

step "the shipped JS without its comments (the declarations keep the docs)"
node "$pkg/tools/strip-comments.mjs" "$dist/index.js" "$dist/doudi.js" "$dist/ordinary.js" "$dist/doudi-ordinary.js"

step "size (what a page loads for the main entry: wasm + js)"
over=0
node "$pkg/tools/size.mjs" "$dist" "$budget" doudi_bg.wasm doudi.js index.js || over=1
if [ "$over" = 1 ]; then
  die "wasm + js is over the budget of $budget bytes brotli (dist/ is left for inspection; nothing packed)"
fi

step "npm pack → target/npm"
mkdir -p target/npm
rm -f "target/npm/doudi-$version.tgz"
(cd "$dist" && npm pack --silent --pack-destination "$root/target/npm" >/dev/null)
[ -f "target/npm/doudi-$version.tgz" ] || die "npm pack did not write target/npm/doudi-$version.tgz"
echo "target/npm/doudi-$version.tgz"
