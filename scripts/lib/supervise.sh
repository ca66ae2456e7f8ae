# supervise FIRST_DELAY MAX_DELAY STOP_TREE CMD...: keeps CMD running until this (sub)shell is told to stop.
# CMD runs in its own session (setsid), so a Ctrl+C in the terminal reaches only start.sh, which decides. When CMD
# exits it is started again after FIRST_DELAY s, doubling up to MAX_DELAY s while it keeps dying within a minute.
# SIGTERM to this subshell sends CMD one SIGTERM (STOP_TREE=1: its child processes too, as `next start` has) and
# waits until it has exited (a worker hands its running job back first); SIGINT/SIGHUP are ignored here. It also
# stops when $PARENT (start.sh) is gone.
supervise() {
  local first=$1 max=$2 tree=$3
  shift 3
  stopping=0
  child=''
  local delay=$first started sleeper
  trap '' INT HUP
  trap 'stopping=1; if [ -n "$child" ]; then if [ "$tree" = 1 ]; then pkill -TERM -P "$child" 2>/dev/null || true; fi; kill -TERM "$child" 2>/dev/null || true; fi' TERM
  while [ "$stopping" = 0 ] && kill -0 "$PARENT" 2>/dev/null; do
    started=$SECONDS
    setsid "$@" &
    child=$!
    while kill -0 "$child" 2>/dev/null; do wait "$child" || true; done
    child=''
    if [ "$stopping" != 0 ] || ! kill -0 "$PARENT" 2>/dev/null; then break; fi
    if [ $((SECONDS - started)) -ge 60 ]; then delay=$first; fi
    echo "[start] $* exited; restarting in $delay s" >&2
    sleep "$delay" &
    sleeper=$!
    wait "$sleeper" || true
    kill "$sleeper" 2>/dev/null || true
    delay=$((delay * 2 > max ? max : delay * 2))
  done
}
