#!/usr/bin/env bash
# Lighthouse (mobile) on the release build, served compressed (brotli, else gzip) as a
# static host serves it, with Debian's Chromium: prints the performance and accessibility
# scores and the metrics behind them for every landing route (tests/lighthouse/links.mjs),
# over LIGHTHOUSE_RUNS runs a route (default 3); LIGHTHOUSE_ROUTES picks some by name.
# Usage: scripts/lighthouse.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
if [ "${1:-}" != "--no-build" ]; then
  trunk build --release --offline
fi
if [ ! -d tests/lighthouse/node_modules/lighthouse ] || [ tests/lighthouse/package-lock.json -nt tests/lighthouse/node_modules/.package-lock.json ]; then
  (cd tests/lighthouse && npm ci --no-audit --no-fund --silent)
fi
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
LIGHTHOUSE_RUNS="${LIGHTHOUSE_RUNS:-3}" node tests/lighthouse/run.mjs dist
