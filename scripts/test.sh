#!/usr/bin/env bash
# Runs every test of Waypoint, installing what is missing first:
# formatting and clippy (host and wasm32), native unit tests, wasm-bindgen tests in
# headless Chromium, and end-to-end tests of the release build in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export PATH="$HOME/.cargo/bin:$(pwd)/.tools/node_modules/.bin:$PATH"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "formatting"
cargo fmt --all -- --check

step "clippy (host, then wasm32)"
cargo clippy --all-targets --locked -- -D warnings
cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings
# The release build's split points (src/pages/split_points.rs, scripts/split.mjs).
cargo clippy --bin waypoint --locked --target wasm32-unknown-unknown --features split -- -D warnings

step "code the app never uses (compiler's dead-code report, tests/dead_code_allowed.txt)"
bash scripts/dead-code.sh

step "native unit tests (domain)"
cargo test --locked

step "wasm tests in headless Chromium (storage, components, QR round trip)"
CHROMEDRIVER=$(command -v chromedriver) WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test --locked --target wasm32-unknown-unknown --test browser_storage --test browser_components --test browser_qr

step "release build (the whole app split into parts: scripts/split.mjs)"
trunk build --release --offline

step "end-to-end tests in headless Chromium"
(cd tests/e2e && node --test --test-concurrency=1 --test-timeout=240000 --test-reporter=spec)
