#!/usr/bin/env bash
# End-to-end tests of the desktop app in a real window: Xvfb + tauri-driver +
# WebKitWebDriver, driven over WebDriver by ui/e2e/*.e2e.mjs (Node's test runner).
# Screenshots go to tests/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
export DISPLAY=:${E2E_DISPLAY:-95}
Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true' EXIT
sleep 1
node --test ui/e2e/*.e2e.mjs
