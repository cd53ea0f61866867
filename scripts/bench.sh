#!/usr/bin/env bash
# Builds the release and prints Waypoint's speed and size figures (see docs/figures.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
trunk build --release --offline
# The floor for first render: the static page's heading written by a minimal WebAssembly
# module (tests/bench/floor), to show how much of the app's time any WebAssembly app pays.
cargo build --release --target wasm32-unknown-unknown --manifest-path tests/bench/floor/Cargo.toml \
  --target-dir target/floor
wasm-bindgen --target web --out-dir dist/bench-floor target/floor/wasm32-unknown-unknown/release/floor.wasm
cp tests/bench/floor/index.html dist/bench-floor/
if [ "${BENCH_ONLY:-}" != workshops ]; then (cd tests/e2e && node ../bench/bench.mjs); fi
# Workshops of 100, 1,000 and 10,000 people (BENCH_ONLY=workshops runs only this part).
if [ "${BENCH_ONLY:-}" != stores ]; then (cd tests/e2e && node ../bench/workshops.mjs); fi
# Lighthouse on every landing route: performance, LCP and time to interactive per route.
if [ "${BENCH_QUICK:-}" != 1 ] && [ "${BENCH_ONLY:-}" != stores ] && [ "${BENCH_ONLY:-}" != workshops ]; then
  bash scripts/lighthouse.sh --no-build
fi
