#!/usr/bin/env bash
# Installs what is missing, builds the release and serves Waypoint on http://127.0.0.1:8080
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh build
export PATH="$HOME/.cargo/bin:$(pwd)/.tools/node_modules/.bin:$PATH"
exec trunk serve --release --offline --address 127.0.0.1 --port "${PORT:-8080}"
