#!/usr/bin/env bash
# What it costs that an article answered 201 is on disk, on the embedded H2 database: Dayuan's default
# (WRITE_DELAY=0: each commit written to the file before it is answered) against H2's own default (commits kept in
# memory for up to 500 ms). For each, an empty site takes articles through the API from 4 threads for 20 s, is
# killed with SIGKILL while they keep coming, and starts again; the table gives the write rate, the articles
# acknowledged, and those lost (or whose id now holds another article) after the restart. Rounds alternate.
#
# Usage: bench/durability.sh [--rounds 2] [--seconds 20] [--threads 4]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_time_limit 1800 "$@"
bench_lock

ROUNDS=2
SECONDS_OF_WRITES=20
THREADS=4
while [ $# -gt 0 ]; do
    case "$1" in
        --rounds) ROUNDS="$2"; shift 2 ;;
        --seconds) SECONDS_OF_WRITES="$2"; shift 2 ;;
        --threads) THREADS="$2"; shift 2 ;;
        *) die "unknown option $1" ;;
    esac
done
require_tools curl python3
require_jar
STAMP=$(date +%Y%m%d-%H%M%S)
OUT="$RESULTS/durability-$STAMP"
mkdir -p "$OUT"
trap stop_dayuan EXIT

for round in $(seq 1 "$ROUNDS"); do
    for mode in durable delayed; do
        data="$WORK/durability-$mode"
        rm -rf "$data"
        args=()
        # H2 as it is without Dayuan's setting: the same file, the same listener, H2's default write delay.
        [ "$mode" = delayed ] && args=(--spring.datasource.url="jdbc:h2:file:$data/db/dayuan;AUTO_SERVER=TRUE")
        start_dayuan "$JAVA" "$data" "durability-$mode" "${args[@]}"
        curl -s -o /dev/null -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' \
            "$BASE/api/v1/channels" -d '{"name":"持久","slug":"chijiu"}'
        log "round $round, $mode: writing for ${SECONDS_OF_WRITES}s from $THREADS threads, then kill -9"
        python3 "$TOOLS/write_until_killed.py" "$PORT" "$ADMIN_PASSWORD" "$DAYUAN_PID" "$SECONDS_OF_WRITES" "$THREADS" \
            >"$OUT/$mode-$round.json"
        wait "$TIMEV_PID" 2>/dev/null || true
        DAYUAN_PID=""; TIMEV_PID=""
        start_dayuan "$JAVA" "$data" "durability-$mode-restart" "${args[@]}"
        python3 "$TOOLS/write_until_killed.py" --check "$PORT" "$ADMIN_PASSWORD" "$OUT/$mode-$round.json" \
            >"$OUT/$mode-$round-check.json"
        stop_dayuan
        log "$(cat "$OUT/$mode-$round-check.json")"
    done
done

python3 - "$OUT" "$ROUNDS" <<'PY' | tee "$OUT/table.md"
import json, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
print("| H2 commits | articles/s through the API (mean) | acknowledged | lost after kill -9 | id reused |")
print("|---|---|---|---|---|")
rates = {}
for mode, label in (("durable", "Dayuan: WRITE_DELAY=0"), ("delayed", "H2 default: WRITE_DELAY=500")):
    runs = [json.load(open("%s/%s-%d.json" % (out, mode, r))) for r in range(1, rounds + 1)]
    checks = [json.load(open("%s/%s-%d-check.json" % (out, mode, r))) for r in range(1, rounds + 1)]
    rates[mode] = statistics.mean(run["rate"] for run in runs)
    print("| %s | %.0f | %d | %d | %d |" % (label, rates[mode], sum(c["acknowledged"] for c in checks),
                                            sum(c["lost"] for c in checks), sum(c["reused"] for c in checks)))
print("| ratio durable / delayed | %.2f | | | |" % (rates["durable"] / rates["delayed"]))
PY
log "results in $OUT"
