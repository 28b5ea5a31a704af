#!/usr/bin/env bash
# End-to-end tests of the desktop app in a real window: Xvfb + tauri-driver +
# WebKitWebDriver, driven over WebDriver by ui/e2e/*.e2e.mjs (Node's test runner).
# Screenshots go to tests/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/xvfb.sh
# GTK's file dialog keeps its settings in memory, not through a dconf session service.
export GSETTINGS_BACKEND=memory
start_xvfb
trap 'kill "$XVFB_PID" 2>/dev/null || true' EXIT
node --test ui/e2e/*.e2e.mjs
