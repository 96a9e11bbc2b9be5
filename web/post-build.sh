#!/bin/sh
# Trunk post_build hook (Trunk.toml), run in the staging directory before it becomes dist/:
# - index.html: the boot style's hash written into its CSP (style-src 'sha256-…'), and the
#   wasm's raw size into <meta name="doudi-app"> (init.js's progress bar); web/finish.mjs.
# - embed.html: a copy of the finished index.html; init.js and main.rs run it as the
#   embeddable calculator (web/EMBED.md).
# - doudi-element.js: the hashed names of the wasm-bindgen loader, the .wasm and style.css
#   written in, so the unhashed element script (a portal's stable URL) finds this build.
# - clauses.js: the clauses' words, loaded by the page after its first result.
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
node "$TRUNK_SOURCE_DIR/finish.mjs" --compress .

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
node "$TRUNK_SOURCE_DIR/finish.mjs" --compress .
node "$TRUNK_SOURCE_DIR/finish.mjs" --compress doudi-ordinary
# end of ordinary comparison -----------------------------------------------------------------
