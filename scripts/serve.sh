#!/usr/bin/env bash
# Builds the site for release and serves it at http://127.0.0.1:8080 (or $PORT), the
# precompressed files (brotli, gzip) as the browser accepts them.
#   scripts/serve.sh            install what is missing, build, serve
#   SKIP_BUILD=1 scripts/serve.sh   serve the last build
# Tools come from scripts/web-tools.sh (idempotent: it skips what is already there). The
# server is Debian's caddy (web/Caddyfile); without it, the browser tests' node server,
# which serves the same files with the same headers. Ctrl+C stops the server.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
PORT="${PORT:-8080}"

if [ "${SKIP_BUILD:-0}" != "1" ]; then
  bash scripts/web-tools.sh
  (cd web && trunk build --release --cargo-profile wasm --offline </dev/null)
  node scripts/size-report.mjs 256000 || true
fi
if command -v caddy >/dev/null 2>&1; then
  echo "serving $ROOT/web/dist at http://127.0.0.1:$PORT/ with caddy (Ctrl+C to stop)"
  exec env DOUDI_DIST="$ROOT/web/dist" PORT="$PORT" caddy run --adapter caddyfile --config web/Caddyfile
fi
exec node scripts/serve.mjs "$PORT" web/dist
