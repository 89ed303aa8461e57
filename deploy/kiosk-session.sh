#!/bin/sh
# The kiosk session that cage runs (deploy/systemd/yiwang-kiosk.service): starts
# `yiwang kiosk` and decides what its exit status means.
#
#   75          restart asked for from maintenance  -> start the kiosk again at once
#   0           exit to the desktop (maintenance)    -> end the session
#   130, 143    stopped by SIGINT/SIGTERM            -> end the session
#   any other   a failure or crash                   -> start it again after a pause;
#               after YIWANG_KIOSK_MAX_FAILURES failures in a row (a run of more than a
#               minute starts the count again) exit with that status, and systemd's
#               Restart=on-failure takes over (cage passes the status on in recent
#               versions; this loop does not depend on it).
#
# Environment: YIWANG (the yiwang command), YIWANG_DATA_DIR, YIWANG_KIOSK_RESTART_DELAY
# (seconds, default 2), YIWANG_KIOSK_MAX_FAILURES (default 5). Extra arguments are
# passed to `yiwang kiosk`.

YIWANG=${YIWANG:-/opt/yiwang/venv/bin/yiwang}
DATA_DIR=${YIWANG_DATA_DIR:-/var/lib/yiwang}
DELAY=${YIWANG_KIOSK_RESTART_DELAY:-2}
MAX_FAILURES=${YIWANG_KIOSK_MAX_FAILURES:-5}
RESTART_REQUESTED=75

say() { echo "yiwang-kiosk-session: $*" >&2; }

stopping=""
child=""
# a stop for the session is passed on to the kiosk, which cleans up and exits
trap 'stopping=1; [ -n "$child" ] && kill -TERM "$child" 2>/dev/null' TERM INT

failures=0
while :; do
  started=$(date +%s)
  "$YIWANG" kiosk --data-dir "$DATA_DIR" "$@" &
  child=$!
  wait "$child"
  code=$?
  # a trapped signal interrupts `wait`: wait again for the kiosk's own status
  while kill -0 "$child" 2>/dev/null; do wait "$child"; code=$?; done
  child=""
  if [ -n "$stopping" ]; then
    say "stopped"
    exit 0
  fi
  case "$code" in
    "$RESTART_REQUESTED")
      say "restart requested from maintenance"
      failures=0
      continue ;;
    0|130|143)
      say "kiosk ended (status $code)"
      exit 0 ;;
  esac
  if [ $(( $(date +%s) - started )) -gt 60 ]; then failures=0; fi
  failures=$((failures + 1))
  if [ "$failures" -ge "$MAX_FAILURES" ]; then
    say "kiosk failed $failures times in a row (status $code); giving up to systemd"
    exit "$code"
  fi
  say "kiosk failed (status $code); starting it again in $DELAY s"
  sleep "$DELAY"
done
