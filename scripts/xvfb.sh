# Sourced by the scripts that need a virtual X display (tests/desktop-*.sh,
# scripts/bench-desktop.sh). `start_xvfb` starts Xvfb at 1280×800 on a display number
# it picks itself (-displayfd: no clash with a display still closing or another run),
# waits until it accepts clients, and exports DISPLAY; XVFB_PID is its process.
start_xvfb() {
  local ready
  ready=$(mktemp)
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$ready" >/dev/null 2>&1 &
  XVFB_PID=$!
  for _ in $(seq 1 200); do
    # Xvfb writes the display number and a newline once it is ready.
    if [ "$(wc -l <"$ready")" -ge 1 ]; then
      DISPLAY=:$(head -1 "$ready")
      export DISPLAY
      rm -f "$ready"
      return 0
    fi
    if ! kill -0 "$XVFB_PID" 2>/dev/null; then
      echo "error: Xvfb exited before it was ready; is the xvfb package installed? (scripts/install-deps.sh)" >&2
      rm -f "$ready"
      return 1
    fi
    sleep 0.05
  done
  echo "error: Xvfb was not ready after 10 s" >&2
  rm -f "$ready"
  return 1
}
