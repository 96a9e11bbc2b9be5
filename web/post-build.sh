#!/bin/sh
# Trunk post_build hook (Trunk.toml), run in the staging directory before it becomes dist/:
# - index.html: the boot style's hash written into its CSP (style-src 'sha256-…'), and the
#   wasm's raw size into <meta name="doudi-app"> (init.js's progress bar); web/finish.mjs.
# - embed.html: a copy of the finished index.html; init.js and main.rs run it as the
#   embeddable calculator (web/EMBED.md).
# - doudi-element.js: the hashed names of the wasm-bindgen loader, the .wasm and style.css
#   written in, so the unhashed element script (a portal's stable URL) finds this build.
# - clauses.js: the clauses' words, loaded by the page after its first result.
# - labels-en.js: the page's English words, loaded when English is asked for (web/src/i18n.rs).
# - doudi-staff.js, doudi-staff_bg.wasm: the 摸排 page's worker (the block marked 摸排 page).
# - the whole-line comments of sw.js and the embed loaders left out (the first load counts
#   their bytes; index.html's comments go in finish.mjs's first step);
# - every text file and the .wasm precompressed beside itself (name.br, name.gz) for a
#   static server that serves them as they are (scripts/serve.sh; README, deploy notes).
set -eu
cd "$TRUNK_STAGING_DIR"
one() {
  set -- $1
  [ "$#" -eq 1 ] && [ -e "$1" ] || { echo "post-build.sh: expected one file, got: $*" >&2; exit 1; }
  echo "$1"
}
js=$(one "doudi-web-*[0-9a-f].js")
wasm=$(one "doudi-web-*_bg.wasm")
css=$(one "style-*.css")
node "$TRUNK_SOURCE_DIR/finish.mjs" index.html "$wasm"
cp index.html embed.html
sed -e "s|__DOUDI_JS__|$js|" -e "s|__DOUDI_WASM__|$wasm|" -e "s|__DOUDI_CSS__|$css|" doudi-element.js > doudi-element.js.tmp
mv doudi-element.js.tmp doudi-element.js
# The clauses' words, which the wasm leaves out (doudi-core's `lazy-clauses`): web/src/clauses.rs.
python3 "$TRUNK_SOURCE_DIR/../policies/tools/clauses_js.py" > clauses.js
# The English words, which the wasm leaves out (written by a unit test, web/src/i18n.rs).
cp "$TRUNK_SOURCE_DIR/labels-en.js" .
# 摸排 page (screen.html, web/README.md): doudi-staff built for wasm32 as a cdylib, its
# module for the worker (doudi-staff.js, doudi-staff_bg.wasm) by the wasm-bindgen CLI that
# Cargo.lock pins and shrunk by wasm-opt, as scripts/js-build.sh builds doudi-js. Nothing of
# it is named by index.html, so none of it enters the main page's first load.
(
  cd "$TRUNK_SOURCE_DIR/.."
  cargo rustc -p doudi-staff --lib --crate-type cdylib --target wasm32-unknown-unknown --profile wasm --quiet
  target_dir=$(cargo metadata --format-version 1 --no-deps --offline | node -e 'let s="";process.stdin.on("data",(d)=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')
  wasm-bindgen --target web --no-typescript --out-dir "$TRUNK_STAGING_DIR" --out-name doudi-staff "$target_dir/wasm32-unknown-unknown/wasm/doudi_staff.wasm"
  opt=node_modules/.bin/wasm-opt
  [ -x "$opt" ] || opt=wasm-opt
  "$opt" -Oz --converge --low-memory-unused --strip-producers --strip-target-features \
    "$TRUNK_STAGING_DIR/doudi-staff_bg.wasm" -o "$TRUNK_STAGING_DIR/doudi-staff_bg.wasm.opt"
  mv "$TRUNK_STAGING_DIR/doudi-staff_bg.wasm.opt" "$TRUNK_STAGING_DIR/doudi-staff_bg.wasm"
)
# End of the 摸排 page's block.

# ordinary comparison ------------------------------------------------------------------------
# "2020 年疫情措施对这户的作用" (web/src/components/ordinary_section.rs): the panel's script and
# a copy of the npm package's `doudi/ordinary` entry (its own wasm, with the epidemic measures),
# built by scripts/js-build-ordinary.sh into target/web-ordinary/ and copied into
# doudi-ordinary/. Loaded only when the section is first opened; in no first load; stored by
# sw.js for offline use.
ordinary_out="$TRUNK_SOURCE_DIR/../target/web-ordinary"
bash "$TRUNK_SOURCE_DIR/../scripts/js-build-ordinary.sh" "$ordinary_out"
mkdir -p doudi-ordinary
for f in ordinary.js doudi-ordinary.js doudi-ordinary_bg.wasm; do
  cp "$ordinary_out/$f" doudi-ordinary/
done
cp "$TRUNK_SOURCE_DIR/ordinary-panel.js" .
# End of the ordinary comparison's block.

# Last: the comments of the scripts a first load fetches by name left out, then every text file
# and wasm precompressed beside itself.
node "$TRUNK_SOURCE_DIR/finish.mjs" --strip sw.js doudi-frame.js doudi-element.js frame-protocol.js
node "$TRUNK_SOURCE_DIR/finish.mjs" --compress .
node "$TRUNK_SOURCE_DIR/finish.mjs" --compress doudi-ordinary
