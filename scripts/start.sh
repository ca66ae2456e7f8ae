#!/usr/bin/env bash
# The studio from one command: installs what is missing, migrates, seeds the demo, builds, and serves
# http://localhost:${PORT:-3000} with the worker running. Ctrl+C stops both. The web server and the workers are
# restarted when they die; each worker start removes stale temp files (*.part) that a crash left behind.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
cd "$(dirname "$0")/.."
source scripts/lib/ensure-system.sh
source scripts/lib/supervise.sh

require_node
ensure_tools ffmpeg:ffmpeg ffprobe:ffmpeg espeak-ng:espeak-ng
ensure_node_modules

# what the app, the workers and ffmpeg create is private (600/700): the database holds password hashes and sessions
umask 077
export ALINEA_DATA_DIR=${ALINEA_DATA_DIR:-$PWD/data}
PORT=${PORT:-3000}

node bin/alinea.mjs migrate
# the first admin's password is printed once, when it is made (and kept in $ALINEA_DATA_DIR/first-admin.txt)
FIRST_ADMIN=$(node bin/alinea.mjs first-admin --url "${ALINEA_AUTH_URL:-http://localhost:$PORT}")
if [ -n "$FIRST_ADMIN" ]; then echo "$FIRST_ADMIN"; fi
node bin/alinea.mjs seed-demo

# Build when there is no build or a source file is newer than it.
if [ ! -f .next/BUILD_ID ] || [ -n "$(find app components lib next.config.ts package-lock.json -newer .next/BUILD_ID -type f -print -quit 2>/dev/null)" ]; then
  echo "Building the app …"
  npx next build
fi

# The worker is restarted if it ever dies (its unfinished job is picked up again when its lease expires),
# for as long as this script runs.
# Two workers: one for model training and checks (long, CPU-heavy), one for everything else, so a training run
# never holds up ingestion, alignment or exports.
# Each worker runs in its own session (setsid), so the terminal's Ctrl+C reaches only this script, which passes
# one SIGTERM on: the worker then stops claiming, lets its job finish for ALINEA_WORKER_STOP_GRACE_SECONDS or
# hands it back (queued, the attempt not counted), ends its ffmpeg/espeak-ng, and exits; the next start goes on.
PARENT=$$
TRAINING_JOBS=train-model,check-chapter
supervise 2 2 0 node bin/alinea.mjs worker --except "$TRAINING_JOBS" &
WORKER=$!
supervise 2 2 0 node bin/alinea.mjs worker --only "$TRAINING_JOBS" &
TRAINER=$!
# The web server is supervised too: when it dies it is started again, after 1 s, doubling up to 30 s while it
# keeps dying within a minute. It runs in its own session like the workers: Ctrl+C reaches only this script.
supervise 1 30 1 node node_modules/next/dist/bin/next start -p "$PORT" &
SERVER=$!
cleanup() {
  # one stop: a second Ctrl+C must not cut the workers' hand-back short
  trap '' INT TERM HUP
  trap - EXIT
  echo "[start] stopping: the workers hand back their running jobs, then exit" >&2
  for pid in $WORKER $TRAINER; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  kill -TERM "$SERVER" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup INT TERM HUP EXIT
echo "Alinea is running: http://localhost:$PORT (data in $ALINEA_DATA_DIR). Ctrl+C stops it."
if [ -n "$FIRST_ADMIN" ]; then echo "$FIRST_ADMIN"; fi
wait "$SERVER"
