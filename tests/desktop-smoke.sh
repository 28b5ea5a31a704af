#!/usr/bin/env bash
# Opens the desktop app on a fresh library under Xvfb, waits for its window, checks
# that the UI loaded the library, and saves a screenshot to tests/artifacts/.
set -euo pipefail
app=${1:?usage: tests/desktop-smoke.sh PATH-TO-plenary-desktop}
cd "$(dirname "$0")/.."
mkdir -p tests/artifacts
library=$(mktemp -d)
log=$(mktemp)
pid=""
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$library" "$log"' EXIT

source scripts/xvfb.sh
start_xvfb
trap 'kill "$pid" "$XVFB_PID" 2>/dev/null || true; rm -rf "$library" "$log"' EXIT
# A session bus, as every desktop has: a second launch finds the first through it.
bus=$(dbus-daemon --session --fork --print-address=1 --print-pid=1)
export DBUS_SESSION_BUS_ADDRESS=$(echo "$bus" | head -1)
buspid=$(echo "$bus" | sed -n 2p)
trap 'kill "$pid" "$XVFB_PID" "$buspid" 2>/dev/null || true; rm -rf "$library" "$log"' EXIT

PLENARY_LIBRARY=$library "$app" >"$log" 2>&1 &
pid=$!

passed=0 failed=0
window=""
for _ in $(seq 1 60); do
  window=$(xwininfo -root -tree 2>/dev/null | grep -m1 '"Plenary"' || true)
  [ -n "$window" ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.5
done
if [ -n "$window" ]; then
  echo "ok: the window \"Plenary\" opened"
  passed=$((passed + 1))
else
  echo "FAILED: no window titled Plenary appeared; the app said:"; cat "$log"
  failed=$((failed + 1))
fi

# The UI asks the shell for the library status; opening it creates the database.
for _ in $(seq 1 40); do
  [ -f "$library/library.sqlite3" ] && break
  sleep 0.5
done
if [ -f "$library/library.sqlite3" ]; then
  echo "ok: the UI opened the library through the shell"
  passed=$((passed + 1))
else
  echo "FAILED: the UI never called library_status (no library.sqlite3 in $library)"
  failed=$((failed + 1))
fi
# A second launch hands over to the first (which comes forward) and exits.
PLENARY_LIBRARY=$library timeout 20 "$app" >>"$log" 2>&1 && second=$? || second=$?
windows=$(xwininfo -root -tree 2>/dev/null | grep -c '"Plenary"' || true)
if [ "$second" -eq 0 ] && kill -0 "$pid" 2>/dev/null && [ "$windows" -eq 1 ]; then
  echo "ok: a second launch exited and left the first window (one window open)"
  passed=$((passed + 1))
else
  echo "FAILED: second launch exit $second, first alive: $(kill -0 "$pid" 2>/dev/null && echo yes || echo no), windows: $windows"
  failed=$((failed + 1))
fi

sleep 1
import -window root tests/artifacts/desktop-smoke.png 2>/dev/null && echo "screenshot: tests/artifacts/desktop-smoke.png"

echo "desktop: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
