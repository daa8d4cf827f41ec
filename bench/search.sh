#!/usr/bin/env bash
# Search at 100,000 articles (issue 11): how fast the embedded index is built from the database, how large it is,
# and how long reader searches take, one at a time and four at once, for a mix of queries.
#
# The articles are the bench site's poetry corpus cut into short articles (bench/tools/search_corpus.py), written
# straight into the database of a stopped Dayuan (bench/tools/BulkArticles.java: through the API 100,000 would take
# over an hour); the next start finds the index short of the database and builds it in the background, which is the
# figure reported. The data folder bench/work/search-data is kept and reused; its index is deleted before each run.
#
# Usage: bench/search.sh [--articles N] [--duration SECONDS] [--java PATH]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_time_limit 3600 "$@"
bench_lock

ARTICLES=100000
DURATION=20
while [ $# -gt 0 ]; do
    case "$1" in
        --articles) ARTICLES="$2"; shift 2 ;;
        --duration) DURATION="$2"; shift 2 ;;
        --java) JAVA="$2"; shift 2 ;;
        *) die "unknown option $1" ;;
    esac
done
require_tools curl python3 npm wrk
[ -n "$HANLP_JAR" ] || die "HanLP jar not found in ~/.m2 (com.hankcs:hanlp:portable-1.8.6); run mvn -B -q compile once"
H2_JAR=$(unzip -Z1 "$JAR" | grep -oE 'h2-[0-9.]+\.jar' | head -1)
H2_JAR=$(ls "$HOME"/.m2/repository/com/h2database/h2/*/"$H2_JAR" | head -1)
[ -f "$H2_JAR" ] || die "the H2 jar of $JAR is not in ~/.m2"

SDATA="$WORK/search-data"
CORPUS="$WORK/search-corpus-$ARTICLES.tsv"
OUT="$RESULTS/search-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
trap 'stop_dayuan' EXIT

if [ ! -f "$CORPUS" ]; then
    log "writing $ARTICLES articles to $CORPUS"
    python3 "$TOOLS/search_corpus.py" --work "$WORK" --articles "$ARTICLES" --java "$JAVA" --hanlp-jar "$HANLP_JAR" \
        --out "$CORPUS"
fi

# The data folder holds the articles of one corpus: another --articles loads it anew.
if [ "$(cat "$SDATA/search-bench-corpus" 2>/dev/null)" != "$CORPUS" ] || [ ! -f "$SDATA/search-bench-loaded" ]; then
    rm -rf "$SDATA"
    start_dayuan "$JAVA" "$SDATA" search-setup
    python3 - "$PORT" "$ADMIN_PASSWORD" <<'PY'
import sys
sys.path.insert(0, "bench/tools")
from benchhttp import Client
from load_site import create_channels
client = Client(int(sys.argv[1]), password=sys.argv[2])
print(f"{len(create_channels(client))} channels", file=sys.stderr)
PY
    stop_dayuan
    t0=$(now_ms)
    LOADED=$("$JAVA" -cp "$H2_JAR" "$TOOLS/BulkArticles.java" "jdbc:h2:file:$SDATA/db/dayuan" "$CORPUS")
    log "wrote $LOADED articles into the database in $(( ($(now_ms) - t0) / 1000 )) s"
    echo "$LOADED" > "$SDATA/search-bench-loaded"
    echo "$CORPUS" > "$SDATA/search-bench-corpus"
fi
LOADED=$(cat "$SDATA/search-bench-loaded")

rm -rf "$SDATA/search-index"
start_dayuan "$JAVA" "$SDATA" search-build
log "waiting for the index build of $LOADED articles"
while ! grep -q "Search index built in" "$DAYUAN_LOG"; do
    grep -q "Building the search index failed" "$DAYUAN_LOG" && die "the build failed (see $DAYUAN_LOG)"
    kill -0 "$DAYUAN_PID" 2>/dev/null || die "Dayuan exited (see $DAYUAN_LOG)"
    sleep 1
done
# The build's own start and end, from the log's timestamps.
BUILD_MS=$(python3 - "$DAYUAN_LOG" <<'PY'
import re, sys, datetime
start = end = None
for line in open(sys.argv[1], encoding="utf-8"):
    stamp = line[:23]
    if "Building the search index in" in line and start is None:
        start = datetime.datetime.fromisoformat(stamp)
    elif "Search index built in" in line:
        end = datetime.datetime.fromisoformat(stamp)
print(int((end - start).total_seconds() * 1000))
PY
)
INDEX_MB=$(du -sm "$SDATA/search-index" | cut -f1)
RSS_AFTER_BUILD=$(vmrss_mb "$DAYUAN_PID")
RATE=$(python3 -c "print(round($LOADED / ($BUILD_MS / 1000), 1))")
log "built in $BUILD_MS ms ($RATE articles/s), index $INDEX_MB MB, RSS $RSS_AFTER_BUILD MB"

python3 "$TOOLS/search_queries.py" --corpus "$CORPUS" --paths "$OUT/paths.txt"
log "warming up, then waiting 65 s for the server's own percentiles (dayuan.search.queries) to forget it"
python3 "$TOOLS/search_queries.py" --corpus "$CORPUS" --port "$PORT" --rounds 2 > /dev/null
sleep 65
log "one query at a time"
SEQ=$(python3 "$TOOLS/search_queries.py" --corpus "$CORPUS" --port "$PORT" --rounds 10 --no-warm-up)
echo "$SEQ" > "$OUT/sequential.json"
# The server's time in SearchService.search (index query, highlights, summaries), without the page around it.
server_ms() {
    curl -s -u "admin:$ADMIN_PASSWORD" "$BASE/actuator/metrics/dayuan.search.queries.percentile?tag=phi:$1" \
        | python3 -c 'import json, sys; print(round(json.load(sys.stdin)["measurements"][0]["value"] * 1000, 2))' \
        2>/dev/null || echo "n/a"
}
SERVER_P50=$(server_ms 0.5)
SERVER_P99=$(server_ms 0.99)
log "four at once for $DURATION s (wrk)"
WRK=$(wrk -t2 -c4 -d"${DURATION}s" --timeout 10s -s "$TOOLS/report.lua" "$BASE" -- "$OUT/paths.txt" \
    | grep WRKJSON | sed 's/^WRKJSON //')
echo "$WRK" > "$OUT/wrk.json"
RSS_AFTER_QUERIES=$(vmrss_mb "$DAYUAN_PID")
stop_dayuan

python3 - "$SEQ" "$WRK" <<PY | tee "$OUT/table.md"
import json, sys
seq, wrk = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"Search at $LOADED articles ($(java_label "$JAVA"), $(nproc) cores)\n")
print("| figure | value |\n|---|---|")
print(f"| index build from the database | $BUILD_MS ms, $RATE articles/s |")
print(f"| index size on disk | $INDEX_MB MB |")
print(f"| RSS after the build / after the queries | $RSS_AFTER_BUILD / $RSS_AFTER_QUERIES MB |")
print(f"| one at a time, all {seq['queries']} queries × {seq['rounds']} | p50 {seq['all']['p50']} ms, p99 {seq['all']['p99']} ms, max {seq['all']['max']} ms |")
print(f"| the same, server's time in the search service (index query, highlights, summaries) | p50 $SERVER_P50 ms, p99 $SERVER_P99 ms |")
print(f"| four at once (wrk -c4, ${DURATION} s) | {wrk['rps']} req/s, p50 {wrk['p50_ms']} ms, p99 {wrk['p99_ms']} ms |")
print(f"| HTTP statuses | {seq['statuses']} |")
print("\n| kind | queries | with results | p50 ms | p99 ms |\n|---|---|---|---|---|")
for kind, k in seq["kinds"].items():
    print(f"| {kind} | {k['n']} | {k['with_results']} | {k['p50']} | {k['p99']} |")
PY
