#!/usr/bin/env bash
# The kill -9 suite: ROUNDS rounds (default 100) of `kill -9` at a random moment while
# Plenary imports, rebuilds its index, or tags during an import; after each, the next
# open must find a healthy library: `plenary check` says ok (SQLite's integrity check,
# every statement's index document equal to the database's, no file left in the index
# folder), no document is half stored, and every tag whose command said it was saved is
# in the database and found by a search.
#
#   scripts/kill9.sh [ROUNDS]
#
# PLENARY (default target/release/plenary, built if missing) and CORPUS (default
# ../shared/corpus) can be set. Prints one line per round and a summary; exits 1 when
# any round failed.
set -uo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${1:-100}
CORPUS=${CORPUS:-../shared/corpus}
PLENARY=${PLENARY:-target/release/plenary}
if [[ ! -x $PLENARY ]]; then
    cargo build --release --bin plenary >&2 || exit 2
fi
[[ -d $CORPUS/ungdc ]] || { echo "no corpus at $CORPUS" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0

# A random number of milliseconds in [lo, hi).
random_ms() { echo $(( $1 + RANDOM % ($2 - $1) )); }
pause_ms() { sleep "$(printf '%d.%03d' $(( $1 / 1000 )) $(( $1 % 1000 )))"; }

# SQL against the library's database, through SQLite.
sql() { python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print("\n".join("|".join(map(str,r)) for r in c.execute(sys.argv[2])))' "$1/library.sqlite3" "$2"; }

# Starts an import of FOLDER into LIBRARY in the background; its pid in $!.
import_bg() { "$PLENARY" --library "$1" import "$2" >/dev/null 2>&1 & }

# Waits until the library holds at least N documents (10 s at most).
wait_documents() {
    for _ in $(seq 100); do
        [[ $(sql "$1" "SELECT count(*) FROM documents" 2>/dev/null || echo 0) -ge $2 ]] && return 0
        sleep 0.1
    done
}

# Checks the library after a kill; prints what is wrong, if anything.
verify() {
    local lib=$1 tagged=$2 out problems=""
    if ! out=$("$PLENARY" --library "$lib" check 2>&1) || [[ $out != ok* ]]; then
        problems+="check: $(echo "$out" | tr '\n' ' '); "
    fi
    local half
    half=$(sql "$lib" "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM statements s WHERE s.document_id = d.id)")
    [[ $half == 0 ]] || problems+="$half documents without statements; "
    local leftovers
    leftovers=$(find "$lib/index" -maxdepth 1 -name '.tmp*' | wc -l)
    [[ $leftovers == 0 ]] || problems+="$leftovers temporary files in the index; "
    if [[ -n $tagged ]]; then
        local stored
        stored=$(sql "$lib" "SELECT count(*) FROM tags t JOIN themes th ON th.id = t.theme_id WHERE t.statement_id = $tagged AND th.key = 'norms' AND t.stance = 'oppose' AND t.origin = 'manual'")
        [[ $stored == 1 ]] || problems+="tag on statement $tagged lost from the database; "
        if ! "$PLENARY" --library "$lib" search 'theme:norms stance:oppose' --limit 1000 --format json 2>/dev/null |
            python3 -c 'import json,sys; ids={h["id"] for h in json.load(sys.stdin)["hits"]}; sys.exit(0 if int(sys.argv[1]) in ids else 1)' "$tagged"; then
            problems+="tag on statement $tagged missing from the index; "
        fi
    fi
    echo -n "$problems"
}

started=$(date +%s)
for round in $(seq 1 "$ROUNDS"); do
    lib=$work/round-$round
    mkdir -p "$lib"
    kind=$(( round % 4 ))
    tagged=""
    case $kind in
    0 | 1) # kill an import
        what="import killed"
        import_bg "$lib" "$CORPUS/ungdc"
        pid=$!
        pause_ms "$(random_ms 300 4000)"
        kill -9 "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
        ;;
    2) # kill a reindex of a partly imported library
        what="reindex killed"
        import_bg "$lib" "$CORPUS/ungdc"
        pid=$!
        wait_documents "$lib" 150
        kill -9 "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
        "$PLENARY" --library "$lib" reindex >/dev/null 2>&1 &
        pid=$!
        pause_ms "$(random_ms 100 2500)"
        kill -9 "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
        ;;
    3) # tag during an import; kill the import (and the tagger, at random) mid-way
        what="tag during import, both killed"
        import_bg "$lib" "$CORPUS/ungdc"
        pid=$!
        wait_documents "$lib" 20
        statement=$(sql "$lib" "SELECT min(id) FROM statements")
        "$PLENARY" --library "$lib" tag add "$statement" norms --stance oppose >/dev/null 2>&1 &
        tagger=$!
        pause_ms "$(random_ms 0 600)"
        kill -9 "$tagger" 2>/dev/null
        if wait "$tagger" 2>/dev/null; then tagged=$statement; fi
        pause_ms "$(random_ms 100 2000)"
        kill -9 "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
        ;;
    esac
    documents=$(sql "$lib" "SELECT count(*) FROM documents")
    problems=$(verify "$lib" "$tagged")
    if [[ -z $problems ]]; then
        echo "round $round: ok ($what; $documents documents${tagged:+; tag kept})"
    else
        echo "round $round: FAILED ($what; $documents documents): $problems"
        failed=$(( failed + 1 ))
    fi
    rm -rf "$lib"
done
elapsed=$(( $(date +%s) - started ))
echo "$(( ROUNDS - failed ))/$ROUNDS rounds passed in ${elapsed} s"
[[ $failed == 0 ]]
