#!/usr/bin/env bash
# The app + worker for the end-to-end specs, on a fresh data directory.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf "$ALINEA_DATA_DIR"
mkdir -p "$ALINEA_DATA_DIR"
node bin/alinea.mjs migrate
node bin/alinea.mjs worker &
WORKER=$!
trap 'kill $WORKER 2>/dev/null || true' EXIT INT TERM
npx next start -H 127.0.0.1 -p "$1"
