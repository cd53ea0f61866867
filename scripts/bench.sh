#!/usr/bin/env bash
# Builds the release and prints Waypoint's speed and size figures (see README, "Benchmark").
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
trunk build --release --offline
(cd tests/e2e && node ../bench/bench.mjs)
