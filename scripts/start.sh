#!/usr/bin/env bash
# The studio from one command: installs what is missing, migrates, seeds the demo, builds, and serves
# http://localhost:${PORT:-3000} with the worker running. Ctrl+C stops both. The web server and the workers are
# restarted when they die; each worker start removes stale temp files (*.part) that a crash left behind.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
cd "$(dirname "$0")/.."
source scripts/lib/ensure-system.sh

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
supervise() {
  stopping=0
  child=''
  # the terminal's Ctrl+C (or a hang-up) reaches this subshell too: only the script's one SIGTERM stops it
  trap '' INT HUP
  trap 'stopping=1; if [ -n "$child" ]; then kill -TERM "$child" 2>/dev/null || true; fi' TERM
  while [ "$stopping" = 0 ] && kill -0 "$PARENT" 2>/dev/null; do
    setsid node bin/alinea.mjs worker "$@" &
    child=$!
    # `wait` returns early when the trap runs: wait on until the worker has handed its job back and exited
    while kill -0 "$child" 2>/dev/null; do wait "$child" || true; done
    child=''
    if [ "$stopping" != 0 ] || ! kill -0 "$PARENT" 2>/dev/null; then break; fi
    echo "[start] worker ($*) exited; restarting in 2 s" >&2
    sleep 2
  done
}
supervise --except "$TRAINING_JOBS" &
WORKER=$!
supervise --only "$TRAINING_JOBS" &
TRAINER=$!
# The web server is supervised too: when it dies it is started again, after 1 s, doubling up to 30 s while it
# keeps dying within a minute. It runs in its own session like the workers: Ctrl+C reaches only this script.
supervise_server() {
  stopping=0
  child=''
  delay=1
  trap '' INT HUP
  trap 'stopping=1; if [ -n "$child" ]; then pkill -TERM -P "$child" 2>/dev/null || true; kill -TERM "$child" 2>/dev/null || true; fi' TERM
  while [ "$stopping" = 0 ] && kill -0 "$PARENT" 2>/dev/null; do
    started=$SECONDS
    setsid node node_modules/next/dist/bin/next start -p "$PORT" &
    child=$!
    while kill -0 "$child" 2>/dev/null; do wait "$child" || true; done
    child=''
    if [ "$stopping" != 0 ] || ! kill -0 "$PARENT" 2>/dev/null; then break; fi
    if [ $((SECONDS - started)) -ge 60 ]; then delay=1; fi
    echo "[start] web server exited; restarting in $delay s" >&2
    sleep "$delay" &
    sleeper=$!
    wait "$sleeper" || true
    kill "$sleeper" 2>/dev/null || true
    delay=$((delay * 2 > 30 ? 30 : delay * 2))
  done
}
supervise_server &
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
