#!/usr/bin/env bash
# Two nodes on one PostgreSQL database and one Redis (cluster mode), against one node on the embedded database:
#  1. edit on node A → visible on node B's cached article page, over N edits (p50, p99, max), measured from A's
#     answer to the PUT (the change has committed) and from the moment the PUT was sent;
#  2. cached-page rate of one node in cluster mode against a single node, serving the same article page:
#     `wrk -t2 -c64 --latency`, alternating, several rounds; a cache hit must not touch Redis or the database.
# Every node loads the demo portal (its own copy: the single node on H2, the cluster on a fresh PostgreSQL
# database) and runs with the same JVM options.
#
# Usage: bench/cluster.sh [--java PATH] [--edits 50] [--rounds 4] [--duration 10s] [--connections 64]
# Needs: PostgreSQL on 127.0.0.1:5432 (user postgres), Redis on 127.0.0.1:6379, wrk, python3.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_time_limit 1200 "$@"
bench_lock

EDITS=50
ROUNDS=4
DURATION=10s
CONNECTIONS=64
while [ $# -gt 0 ]; do
    case "$1" in
        --java) JAVA="$2"; shift 2 ;;
        --edits) EDITS="$2"; shift 2 ;;
        --rounds) ROUNDS="$2"; shift 2 ;;
        --duration) DURATION="$2"; shift 2 ;;
        --connections) CONNECTIONS="$2"; shift 2 ;;
        *) die "unknown option $1" ;;
    esac
done
require_tools curl wrk python3 pg_isready redis-cli createdb dropdb
require_jar
pg_isready -h 127.0.0.1 -p 5432 -q || die "PostgreSQL is not running on 127.0.0.1:5432"
redis-cli -h 127.0.0.1 ping 2>/dev/null | grep -q PONG || die "Redis is not running on 127.0.0.1:6379"

PORT_A=18083; PORT_B=18084; PORT_SINGLE=18085
for p in $PORT_A $PORT_B $PORT_SINGLE; do port_free "$p" || die "port $p is in use"; done
STAMP=$(date +%Y%m%d-%H%M%S)
OUT="$RESULTS/cluster-$STAMP"
DB="dayuan_bench_cluster_$$"
CLUSTER_NAME="bench-$$"
mkdir -p "$OUT"
rm -rf "$WORK/cluster-a" "$WORK/cluster-b" "$WORK/cluster-single"
createdb -h 127.0.0.1 -U postgres -E UTF8 "$DB"

PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    dropdb -h 127.0.0.1 -U postgres --if-exists "$DB" 2>/dev/null || true
    redis-cli -h 127.0.0.1 --scan --pattern "$CLUSTER_NAME:*" | xargs -r redis-cli -h 127.0.0.1 del >/dev/null || true
}
trap cleanup EXIT

# node NAME PORT [app args...]: starts a node in the background and waits for UP.
node() {
    local name="$1" port="$2"; shift 2
    "$JAVA" ${BENCH_GC:--XX:+UseParallelGC} ${BENCH_JAVA_OPTS:-} -jar "$JAR" --server.port="$port" \
        --dayuan.data-dir="$WORK/cluster-$name" --dayuan.admin-password="$ADMIN_PASSWORD" --dayuan.demo=true "$@" \
        >"$WORK/logs/cluster-$name.log" 2>&1 &
    PIDS+=($!)
    local i
    for i in $(seq 1 900); do
        curl -s --max-time 1 "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"' && return 0
        kill -0 "${PIDS[-1]}" 2>/dev/null || die "node $name exited (see $WORK/logs/cluster-$name.log)"
        sleep 0.2
    done
    die "node $name not UP after 180 s"
}
CLUSTER_ARGS=(--spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" --spring.datasource.username=postgres
              --spring.data.redis.url=redis://127.0.0.1:6379 --dayuan.cluster-name="$CLUSTER_NAME")
node a $PORT_A "${CLUSTER_ARGS[@]}" &
node b $PORT_B "${CLUSTER_ARGS[@]}" &
wait %1 %2 || die "the cluster did not come up"
# (node() ran in subshells above: find the cluster's java processes again for the cleanup)
mapfile -t CLUSTER_PIDS < <(pgrep -f "dayuan.cluster-name=$CLUSTER_NAME" || true)
PIDS+=("${CLUSTER_PIDS[@]}")
node single $PORT_SINGLE
log "nodes up: A :$PORT_A and B :$PORT_B (cluster on PostgreSQL + Redis), single :$PORT_SINGLE (H2)"

ARTICLE=$(curl -s -u "admin:$ADMIN_PASSWORD" -H 'Accept: application/json' \
    "http://127.0.0.1:$PORT_A/api/v1/articles?status=PUBLISHED&size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
log "edit latency: $EDITS edits of article $ARTICLE on A, read on B"
python3 "$TOOLS/edit_latency.py" "$PORT_A" "$PORT_B" "$ADMIN_PASSWORD" "$ARTICLE" "$EDITS" \
    >"$OUT/latency.json"

PAGE=$(curl -s -u "admin:$ADMIN_PASSWORD" -H 'Accept: application/json' "http://127.0.0.1:$PORT_A/api/v1/articles/$ARTICLE" \
    | python3 -c 'import json,sys,urllib.parse; print(urllib.parse.urlparse(json.load(sys.stdin)["url"]).path)')
SINGLE_PAGE=$(curl -s -u "admin:$ADMIN_PASSWORD" -H 'Accept: application/json' \
    "http://127.0.0.1:$PORT_SINGLE/api/v1/articles?status=PUBLISHED&size=1" \
    | python3 -c 'import json,sys,urllib.parse; print(urllib.parse.urlparse(json.load(sys.stdin)["items"][0]["url"]).path)')
for url in "http://127.0.0.1:$PORT_B$PAGE" "http://127.0.0.1:$PORT_SINGLE$SINGLE_PAGE"; do
    for _ in 1 2 3; do curl -s -o /dev/null "$url"; done
    curl -s -D - -o /dev/null "$url" | grep -qi 'x-dayuan-cache: *hit' || die "$url is not served from the cache"
    wrk -t2 -c"$CONNECTIONS" -d15s "$url" >/dev/null  # warm-up: the JIT reaches its peak late on two shared cores
done
redis_commands() { redis-cli -h 127.0.0.1 info stats | awk -F: '/^total_commands_processed/ {print $2+0}'; }
REDIS_BEFORE=$(redis_commands)
for round in $(seq 1 "$ROUNDS"); do
    order=("cluster http://127.0.0.1:$PORT_B$PAGE" "single http://127.0.0.1:$PORT_SINGLE$SINGLE_PAGE")
    [ $((round % 2)) -eq 0 ] && order=("${order[1]}" "${order[0]}")
    for entry in "${order[@]}"; do
        set -- $entry
        log "round $round: $1"
        wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$2" >"$OUT/wrk-$1-$round.txt"
    done
done

# Every Redis command of the machine during the rounds (the nodes' own, and anything else that uses this Redis):
# an upper bound for what cache hits asked of Redis.
echo $(( $(redis_commands) - REDIS_BEFORE )) >"$OUT/redis-commands.txt"

python3 - "$OUT" "$ROUNDS" "$EDITS" "$TOOLS" <<'PY' | tee "$OUT/table.md"
import json, re, statistics, sys
out, rounds, edits = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
sys.path.insert(0, sys.argv[4])
from benchhttp import percentile as pct
lat = json.load(open(out + "/latency.json"))
print("| edit on A → visible on B (%d edits) | p50 | p99 | max |" % edits)
print("|---|---|---|---|")
for key, label in (("after_commit_ms", "from A's answer (committed)"), ("after_request_ms", "from the PUT sent")):
    v = lat[key]
    print("| %s | %.1f ms | %.1f ms | %.1f ms |" % (label, pct(v, 50), pct(v, 99), max(v)))
def rate(text):
    return float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
def p99(text):
    m = re.search(r"99%\s+([\d.]+)(us|ms|s)", text)
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
print()
print("| cached article page, wrk -t2 -c64 | req/s (mean of %d rounds) | p99 (worst round) |" % rounds)
print("|---|---|---|")
means = {}
for mode in ("single", "cluster"):
    texts = [open("%s/wrk-%s-%d.txt" % (out, mode, r)).read() for r in range(1, rounds + 1)]
    means[mode] = statistics.mean(rate(t) for t in texts)
    print("| %s | %.0f | %.2f ms |" % ("one node in cluster mode (B)" if mode == "cluster" else "single node (H2)",
                                       means[mode], max(p99(t) for t in texts)))
print("| ratio cluster / single | %.2f | |" % (means["cluster"] / means["single"]))
served = sum(int(re.search(r"(\d+) requests in", open("%s/wrk-cluster-%d.txt" % (out, r)).read()).group(1))
             for r in range(1, rounds + 1))
print()
print("Redis commands on the machine during all rounds: %s, for %d cache hits served by the cluster node."
      % (open(out + "/redis-commands.txt").read().strip(), served))
PY
log "results in $OUT"
