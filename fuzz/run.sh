#!/usr/bin/env bash
# Runs one fuzz target with the limits docs/fuzzing.md gives:
#   fuzz/run.sh <target> [runs] [seconds]      e.g. fuzz/run.sh formats 1000000 1800
# New inputs go to fuzz/corpus/<target> (not committed); fuzz/seeds/<target> is read too.
set -euo pipefail
cd "$(dirname "$0")"
target=$1
runs=${2:-1000000}
seconds=${3:-0}
case $target in
    query) max_len=256 ;;
    extract_pdf) max_len=2048 ;;
    *) max_len=4096 ;;
esac
# cargo-fuzz builds with AddressSanitizer, whose quarantine of freed memory would count
# against -rss_limit_mb; keep it small so that the limit measures what Plenary uses.
export ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=16:malloc_context_size=0:detect_leaks=0}
mkdir -p "corpus/$target"
exec cargo +nightly fuzz run -a "$target" "corpus/$target" "seeds/$target" -- \
    -runs="$runs" -max_total_time="$seconds" -max_len="$max_len" -rss_limit_mb=300 \
    -timeout=10 -print_final_stats=1
