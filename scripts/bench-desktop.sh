#!/usr/bin/env bash
# Desktop benchmarks (issue 6): launch to interactive search, keystroke to results
# painted on a library holding the UN General Debate corpus and the seeds, memory of
# the whole app, size of the release binary. Prints a Markdown table.
# Usage: scripts/bench-desktop.sh [CORPUS]   (default ../shared/corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus}
(cd ui && npm run build >/dev/null)
cargo build --release --workspace --bins
library=$(mktemp -d -t plenary-bench-XXXXXX)
trap 'rm -rf "$library"; kill "${XVFB_PID:-}" 2>/dev/null || true' EXIT
target/release/plenary --library "$library" import "$corpus/seeds" "$corpus/ungdc" >/dev/null
source scripts/xvfb.sh
start_xvfb
node ui/e2e/bench-desktop.mjs "$library"
