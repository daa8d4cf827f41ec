#!/usr/bin/env bash
# Search at 100,000 articles (issue 11): how fast the embedded index is built from the database, how large it is,
# and how long reader searches take, one at a time and four at once, for a mix of queries.
#
# The articles are the bench site's poetry corpus cut into short articles (bench/tools/search_corpus.py), written
# straight into the database of a stopped Dayuan (bench/tools/BulkArticles.java: through the API 100,000 would take
# over an hour); the next start finds the index short of the database and builds it in the background, which is the
# figure reported. The data folder bench/work/search-data is kept and reused; its index is deleted before each run.
#
# With --opensearch smartcn|cjk the same is measured on OpenSearch (dayuan.search.backend=opensearch): a node of
# opensearch/run.sh on port 9210 (1 GB of heap, data in bench/work/opensearch-node) analysing Chinese with the given
# analyzer; the build goes through the outbox, and it is complete when OpenSearch counts every article.
#
# Usage: bench/search.sh [--articles N] [--duration SECONDS] [--java PATH] [--opensearch smartcn|cjk]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_time_limit 3600 "$@"
bench_lock

ARTICLES=100000
DURATION=20
OPENSEARCH=""
while [ $# -gt 0 ]; do
    case "$1" in
        --articles) ARTICLES="$2"; shift 2 ;;
        --duration) DURATION="$2"; shift 2 ;;
        --java) JAVA="$2"; shift 2 ;;
        --opensearch) OPENSEARCH="$2"; shift 2 ;;
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
OS_PORT=9210
OS_URL="http://127.0.0.1:$OS_PORT"
OS_PID=""
stop_all() {
    stop_dayuan
    if [ -n "$OS_PID" ]; then kill "$OS_PID" 2>/dev/null || true; wait "$OS_PID" 2>/dev/null || true; fi
}
trap 'stop_all' EXIT

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
ENGINE="embedded Lucene"
if [ -n "$OPENSEARCH" ]; then
    [ "$OPENSEARCH" = smartcn ] || [ "$OPENSEARCH" = cjk ] || die "--opensearch takes smartcn or cjk"
    ENGINE="OpenSearch 2.19, $OPENSEARCH"
    MAPPING_VERSION=$(grep -oP 'MAPPING_VERSION = "\K[0-9]+' src/main/java/cn/dayuan/search/SearchIndexBuilds.java)
    OS_INDEX="bench-$OPENSEARCH-v$MAPPING_VERSION-article-000001"
    port_free "$OS_PORT" || die "port $OS_PORT is in use; stop whatever listens there first"
    OPENSEARCH_HEAP=1g "$(dirname "$0")/../opensearch/run.sh" "$WORK/opensearch-node" "$OS_PORT" \
        > "$WORK/logs/opensearch.log" 2>&1 &
    OS_PID=$!
    until curl -sf "$OS_URL" > /dev/null; do
        kill -0 "$OS_PID" 2>/dev/null || die "OpenSearch did not start (see $WORK/logs/opensearch.log)"
        sleep 1
    done
    curl -s -X DELETE "$OS_URL/$OS_INDEX" > /dev/null
    BENCH_APP_ARGS="--dayuan.search.backend=opensearch --dayuan.search.opensearch-url=$OS_URL \
        --dayuan.search.opensearch-analyzer=$OPENSEARCH --dayuan.cluster-name=bench-$OPENSEARCH"
    export BENCH_APP_ARGS
fi
start_dayuan "$JAVA" "$SDATA" search-build
log "waiting for the index build of $LOADED articles"
while ! grep -q "Search index built in" "$DAYUAN_LOG"; do
    grep -q "Building the search index failed" "$DAYUAN_LOG" && die "the build failed (see $DAYUAN_LOG)"
    kill -0 "$DAYUAN_PID" 2>/dev/null || die "Dayuan exited (see $DAYUAN_LOG)"
    sleep 1
done
os_count() {
    curl -s "$OS_URL/$OS_INDEX/_count" | python3 -c 'import json, sys; print(json.load(sys.stdin).get("count", 0))'
}
BUILT_AT=""
if [ -n "$OPENSEARCH" ]; then
    # The build wrote events into the outbox; it is done when the nodes' agents have indexed every article.
    until [ "$(os_count)" -ge "$LOADED" ]; do
        kill -0 "$DAYUAN_PID" 2>/dev/null || die "Dayuan exited (see $DAYUAN_LOG)"
        sleep 0.5
    done
    BUILT_AT=$(date -u +%Y-%m-%dT%H:%M:%S.%3N)
fi
# The build's own start and end, from the log's timestamps (on OpenSearch, the end is when it counted them all).
BUILD_MS=$(python3 - "$DAYUAN_LOG" "$BUILT_AT" <<'PY'
import re, sys, datetime
start = end = None
for line in open(sys.argv[1], encoding="utf-8"):
    stamp = line[:23]
    if "Building the search index" in line and start is None:
        start = datetime.datetime.fromisoformat(stamp)
    elif "Search index built in" in line:
        end = datetime.datetime.fromisoformat(stamp)
if sys.argv[2]:
    end = datetime.datetime.fromisoformat(sys.argv[2])
print(int((end - start).total_seconds() * 1000))
PY
)
if [ -n "$OPENSEARCH" ]; then
    INDEX_MB=$(curl -s "$OS_URL/_cat/indices/$OS_INDEX?bytes=mb&h=store.size" | tr -d ' \n')
    RSS_AFTER_BUILD="$(vmrss_mb "$DAYUAN_PID") + OpenSearch $(vmrss_mb "$(pgrep -P "$OS_PID" java || echo "$OS_PID")")"
else
    INDEX_MB=$(du -sm "$SDATA/search-index" | cut -f1)
    RSS_AFTER_BUILD=$(vmrss_mb "$DAYUAN_PID")
fi
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
[ -z "$OPENSEARCH" ] || RSS_AFTER_QUERIES="$RSS_AFTER_QUERIES + OpenSearch $(vmrss_mb "$(pgrep -P "$OS_PID" java || echo "$OS_PID")")"
stop_all

python3 - "$SEQ" "$WRK" <<PY | tee "$OUT/table.md"
import json, sys
seq, wrk = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"Search at $LOADED articles, $ENGINE ($(java_label "$JAVA"), $(nproc) cores)\n")
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
