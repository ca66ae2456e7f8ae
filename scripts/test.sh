#!/usr/bin/env bash
# Every test: type check, unit + integration tests (vitest, real SQLite/ffmpeg/espeak-ng), then the
# Playwright end-to-end specs against a production build in Debian's Chromium.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
cd "$(dirname "$0")/.."
source scripts/lib/ensure-system.sh

require_node
ensure_tools ffmpeg:ffmpeg ffprobe:ffmpeg espeak-ng:espeak-ng sox:sox chromium:chromium
ensure_debian_packages libegl1 libegl-mesa0 libgles2 libgl1-mesa-dri
ensure_node_modules

echo "== type check"
npx tsc --noEmit

echo "== unit and integration tests"
npx vitest run

echo "== end-to-end tests"
npx next build
npx playwright test
