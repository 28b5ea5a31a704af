#!/usr/bin/env bash
# Installs what is missing, builds the UI and the desktop app, and opens it.
# Arguments are passed to the app, e.g. `scripts/run-app.sh --library ~/oewg`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
export PATH="$HOME/.cargo/bin:$PATH"

echo "==> building the UI"
(cd ui && npm run build --silent)
echo "==> building the desktop app (the first build takes several minutes)"
cargo build --release -p plenary-desktop
app=target/release/plenary-desktop

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "==> no display found: opening the app in a virtual X display (Xvfb)"
  exec xvfb-run -a -s "-screen 0 1280x800x24" "$app" "$@"
fi
exec "$app" "$@"
