#!/usr/bin/env bash
# Installs what is missing and runs every test: formatting and lints, the Rust tests
# (unit, integration and the acceptance tests on ../shared/corpus), the UI's type check
# and unit tests, and the desktop app in a real window under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
export PATH="$HOME/.cargo/bin:$PATH"

echo "==> building the UI"
(cd ui && npm run build --silent)

echo "==> cargo fmt --check"
cargo fmt --all -- --check
echo "==> cargo clippy"
cargo clippy --workspace --all-targets -- -D warnings

echo "==> UI: svelte-check and unit tests"
(cd ui && npm run check --silent && npm test --silent)

echo "==> Rust tests"
cargo test --workspace

echo "==> desktop app in a real window"
cargo build -p plenary-desktop
cargo build --bin plenary
tests/desktop-smoke.sh target/debug/plenary-desktop
echo "==> end-to-end tests (tauri-driver + WebKitWebDriver)"
tests/desktop-e2e.sh
