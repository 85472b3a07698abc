#!/usr/bin/env bash
# CI for the web page at / (server/page/): builds merzim-server, installs
# Debian's chromium and the npm test project (playwright-core, axe-core; `npm
# ci` from the committed lock file) when missing, then runs the browser tests
# (server/page-tests/page.test.mjs), which start the service on a free
# loopback port. Screenshots go to target/page-screenshots/ (kept out of git).
# Fails loudly when a tool is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export CARGO_TERM_COLOR=never
command -v cargo >/dev/null || { echo "cargo is required" >&2; exit 1; }

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ]; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "== apt-get install chromium"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  fi
fi
[ -x "$CHROMIUM" ] || { echo "Chromium is required at $CHROMIUM (Debian: apt-get install chromium)" >&2; exit 1; }
command -v node >/dev/null || { echo "node is required (Node.js 18+)" >&2; exit 1; }
command -v npm >/dev/null || { echo "npm is required" >&2; exit 1; }
node -e 'process.exit(+process.versions.node.split(".")[0] >= 18 ? 0 : 1)' \
  || { echo "Node.js 18 or later is required (fetch)" >&2; exit 1; }

echo "== cargo build -p merzim-server"
cargo build -p merzim-server
export MERZIM_SERVER=${CARGO_TARGET_DIR:-$ROOT/target}/debug/merzim-server
export CHROMIUM

cd server/page-tests
if ! node -e 'require.resolve("playwright-core"); require.resolve("axe-core/axe.min.js")' 2>/dev/null; then
  echo "== npm ci (playwright-core, axe-core; no browser download)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi
node -e 'require.resolve("playwright-core"); require.resolve("axe-core/axe.min.js")' \
  || { echo "playwright-core and axe-core could not be installed" >&2; exit 1; }

echo "== browser tests of the page ($(basename "$CHROMIUM") $("$CHROMIUM" --version 2>/dev/null | awk '{print $2}'))"
node page.test.mjs
