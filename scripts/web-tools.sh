#!/usr/bin/env bash
# Installs everything the site build (web/) and its browser tests need:
#   - the wasm32-unknown-unknown Rust target
#   - trunk 0.21.14 (cargo install; 0.22 needs a newer rustc)
#   - wasm-bindgen-cli at exactly the Cargo.lock version of the `wasm-bindgen` crate
#   - npm ci: playwright-core, axe-core, binaryen (wasm-opt) as pinned in package-lock.json
#   - Debian's chromium (+ chromium-driver) and a CJK font, only when missing
#   - Debian's caddy (scripts/serve.sh serves the precompressed build with it), when missing
#
# Idempotent: each step is skipped when its tool is already there at the right
# version. Safe as root with CI=true and no stdin. Prints how long each step took.
# Nothing is downloaded from outside the package registries: Trunk is later run
# with --offline and finds wasm-bindgen and wasm-opt on PATH.
#
# Callers must put these on PATH themselves (a script cannot change its parent's):
#   export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TRUNK_VERSION="0.21.14"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

log() { printf '[web-tools] %s\n' "$*"; }

# step NAME COMMAND...: runs COMMAND and prints its wall-clock time.
step() {
  local name="$1"; shift
  local start end
  start=$(date +%s)
  "$@"
  end=$(date +%s)
  log "$name: $((end - start))s"
}

# --- 1. Rust target ---------------------------------------------------------
rust_target() {
  if rustup target list --installed | grep -qx 'wasm32-unknown-unknown'; then
    log "wasm32-unknown-unknown: present"
  else
    rustup target add wasm32-unknown-unknown </dev/null
  fi
}

# --- 2. trunk ---------------------------------------------------------------
trunk_tool() {
  local have=""
  if command -v trunk >/dev/null 2>&1; then
    have="$(trunk --version 2>/dev/null | awk '{print $2}')"
  fi
  if [ "$have" = "$TRUNK_VERSION" ]; then
    log "trunk $TRUNK_VERSION: present"
  else
    log "trunk: have '${have:-none}', installing $TRUNK_VERSION (cargo install, several minutes)"
    cargo install trunk --version "$TRUNK_VERSION" --locked </dev/null
  fi
}

# --- 3. wasm-bindgen-cli ------------------------------------------------------
# The CLI must match the `wasm-bindgen` crate in Cargo.lock exactly.
lock_wasm_bindgen_version() {
  awk '
    $0 == "name = \"wasm-bindgen\"" { found = 1; next }
    found && /^version = / { gsub(/"/, "", $3); print $3; exit }
  ' Cargo.lock
}

wasm_bindgen_tool() {
  if [ ! -f Cargo.lock ]; then
    log "Cargo.lock missing: creating it with cargo fetch"
    cargo fetch </dev/null
  fi
  local want have=""
  want="$(lock_wasm_bindgen_version)"
  if [ -z "$want" ]; then
    log "error: no wasm-bindgen package in Cargo.lock (is web/ a workspace member?)"
    return 1
  fi
  if command -v wasm-bindgen >/dev/null 2>&1; then
    have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')"
  fi
  if [ "$have" = "$want" ]; then
    log "wasm-bindgen-cli $want: present"
  else
    log "wasm-bindgen-cli: have '${have:-none}', installing $want (cargo install, several minutes)"
    # Not --locked: the CLI's own lockfile pins a crate version that is not on
    # crates.io any more.
    cargo install wasm-bindgen-cli --version "$want" </dev/null
  fi
}

# --- 4. npm packages ----------------------------------------------------------
# npm ci wipes node_modules, so skip it when the lockfile has not changed since
# the last successful run.
npm_packages() {
  local stamp="node_modules/.doudi-lock.sha256" want
  want="$(sha256sum package-lock.json | awk '{print $1}')"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] \
      && [ -x node_modules/.bin/wasm-opt ] && [ -d node_modules/playwright-core ] \
      && [ -f node_modules/axe-core/axe.min.js ]; then
    log "node_modules: up to date with package-lock.json"
  else
    npm ci --no-audit --no-fund </dev/null
    printf '%s\n' "$want" >"$stamp"
  fi
  log "wasm-opt: $(wasm-opt --version)"
}

# --- 5. chromium + a CJK font -------------------------------------------------
have_cjk_font() {
  if command -v fc-list >/dev/null 2>&1; then
    [ -n "$(fc-list :lang=zh-cn family 2>/dev/null)" ]
  else
    dpkg-query -W -f='${Status}' fonts-wqy-microhei 2>/dev/null | grep -q 'ok installed'
  fi
}

browser() {
  local pkgs=()
  [ -x /usr/bin/chromium ] || pkgs+=(chromium chromium-driver)
  command -v caddy >/dev/null 2>&1 || pkgs+=(caddy)
  # Without a CJK font the page's Chinese renders as boxes in screenshots.
  have_cjk_font || pkgs+=(fonts-wqy-microhei)
  if [ "${#pkgs[@]}" -eq 0 ]; then
    log "chromium + CJK font + caddy: present"
    return 0
  fi
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then sudo=(sudo -n); fi
  log "apt-get install ${pkgs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -q </dev/null
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "${pkgs[@]}" </dev/null
}

total_start=$(date +%s)
step "rust target" rust_target
step "trunk" trunk_tool
step "wasm-bindgen-cli" wasm_bindgen_tool
step "npm ci" npm_packages
step "chromium, caddy" browser
log "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo missing)"
log "total: $(($(date +%s) - total_start))s"
