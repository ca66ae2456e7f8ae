#!/usr/bin/env bash
# Every test: type check, unit + integration tests (vitest, real SQLite/ffmpeg/espeak-ng), the database tests
# again on a throw-away PostgreSQL cluster, then the Playwright end-to-end specs against a production build in
# Debian's Chromium.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
cd "$(dirname "$0")/.."
source scripts/lib/ensure-system.sh

require_node
ensure_tools ffmpeg:ffmpeg ffprobe:ffmpeg espeak-ng:espeak-ng sox:sox chromium:chromium
ensure_debian_packages libegl1 libegl-mesa0 libgles2 libgl1-mesa-dri
ensure_node_modules
# PostgreSQL's server binaries (initdb, pg_ctl: /usr/lib/postgresql/<version>/bin, not on PATH) for the
# PostgreSQL run; lib/testing/start-postgres.ts starts its own cluster in a temp directory on a free port.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && [ -z "${ALINEA_PG_BIN:-}" ]; then
  apt_install "PostgreSQL's server (initdb, pg_ctl) is missing." postgresql
  # the package may have created and started a 'main' cluster (port 5432): the tests need none, leave none running
  if command -v pg_lsclusters >/dev/null 2>&1; then
    pg_lsclusters --no-header 2>/dev/null | while read -r version cluster _port status _rest; do
      if [ "$status" = online ]; then pg_ctlcluster "$version" "$cluster" stop || true; fi
    done
  fi
fi

echo "== type check"
npx tsc --noEmit

echo "== unit and integration tests"
npx vitest run

echo "== database tests on PostgreSQL"
npx vitest run --config vitest.postgres.config.ts

echo "== end-to-end tests"
npx next build
npx playwright test
