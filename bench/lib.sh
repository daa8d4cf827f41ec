# Shared by the bench scripts (sourced, not run). Starts and stops only the processes it started itself.
# Every bench script works on the same data folder and ports, so they take a lock and run one at a time.

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH_SCRIPT="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
WORK="$BENCH_DIR/work"
TOOLS="$BENCH_DIR/tools"
JAR="$ROOT/target/dayuan.jar"
DATA="$WORK/data"
LOADED_MARKER="$DATA/bench-loaded.json"
MANIFEST="$WORK/articles.jsonl"
PORT=18080
NGINX_PORT=18090
BASE="http://127.0.0.1:$PORT"
ADMIN_PASSWORD="${DAYUAN_BENCH_PASSWORD:-bench-Admin-2024}"
JAVA="${JAVA:-java}"
JAVA25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
RESULTS="$WORK/results"
HANLP_JAR="$(ls "$HOME"/.m2/repository/com/hankcs/hanlp/portable-1.8.6/hanlp-portable-1.8.6.jar 2>/dev/null | head -1)"

mkdir -p "$WORK" "$WORK/logs" "$RESULTS"
cd "$ROOT" || exit 1

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
now_ms() { date +%s%3N; }

# Runs the calling script under `timeout` so that no bench run can hang the shared machine. On expiry the
# whole process group (the script, its java, wrk and python children) gets SIGTERM; the EXIT trap stops nginx.
bench_time_limit() {
    local seconds="$1"; shift
    if [ -z "${BENCH_TIME_LIMITED:-}" ]; then
        export BENCH_TIME_LIMITED=1
        exec timeout -k 30 "$seconds" "$BENCH_SCRIPT" "$@"
    fi
}

# One bench script at a time: they share the data folder and the ports. Nested calls inherit the lock.
bench_lock() {
    if [ -z "${BENCH_LOCK_HELD:-}" ]; then
        exec 9>"$WORK/.lock"
        flock -n 9 || die "another bench script is running (lock $WORK/.lock)"
        export BENCH_LOCK_HELD=1
    fi
}

require_tools() {
    local missing=()
    for tool in "$@"; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
    [ ${#missing[@]} -eq 0 ] || die "missing tools: ${missing[*]} (apt-get install -y nginx wrk hugo)"
}

require_jar() {
    [ -f "$JAR" ] || die "$JAR not found: build it first with 'mvn -B -q package -DskipTests'"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

java_label() {
    "$1" -version 2>&1 | head -1 | sed -E 's/.*version "([^"]+)".*/\1/'
}

java_major() {
    java_label "$1" | sed -E 's/^1\.//; s/[.+-].*//'
}

# ---- Dayuan ---------------------------------------------------------------------------------------------

DAYUAN_PID=""
TIMEV_PID=""
DAYUAN_LOG=""

# start_dayuan JAVA DATA_DIR LOG_NAME [extra app args...]
# Starts Dayuan under /usr/bin/time -v (max RSS lands in $DAYUAN_LOG.time) and waits until /actuator/health is UP.
# Sets DAYUAN_PID (the java process), STARTUP_MS (process start to health UP) and DAYUAN_LOG.
start_dayuan() {
    local java="$1" data="$2" name="$3"; shift 3
    require_jar
    port_free "$PORT" || die "port $PORT is in use; stop whatever listens there first"
    DAYUAN_LOG="$WORK/logs/$name.log"
    local t0; t0=$(now_ms)
    /usr/bin/time -v -o "$DAYUAN_LOG.time" \
        "$java" ${BENCH_GC:--XX:+UseParallelGC} ${BENCH_JAVA_OPTS:-} ${START_JAVA_OPTS:-} -jar "${START_JAR:-$JAR}" \
        --dayuan.data-dir="$data" --server.port="$PORT" --dayuan.admin-password="$ADMIN_PASSWORD" ${BENCH_APP_ARGS:-} "$@" \
        >"$DAYUAN_LOG" 2>&1 &
    TIMEV_PID=$!
    local deadline=$((t0 + ${BENCH_START_SECONDS:-180} * 1000))
    while [ -z "$DAYUAN_PID" ] && [ "$(now_ms)" -lt "$deadline" ]; do
        DAYUAN_PID=$(pgrep -P "$TIMEV_PID" java || true)
        [ -n "$DAYUAN_PID" ] || sleep 0.01
    done
    [ -n "$DAYUAN_PID" ] || die "Dayuan did not start (see $DAYUAN_LOG)"
    while :; do
        if curl -s --max-time 1 "$BASE/actuator/health" 2>/dev/null | grep -q '"UP"'; then break; fi
        kill -0 "$DAYUAN_PID" 2>/dev/null || { tail -30 "$DAYUAN_LOG" >&2; die "Dayuan exited during start-up (see $DAYUAN_LOG)"; }
        [ "$(now_ms)" -lt "$deadline" ] || die "Dayuan not UP after ${BENCH_START_SECONDS:-180} s (see $DAYUAN_LOG)"
        sleep 0.02
    done
    STARTUP_MS=$(( $(now_ms) - t0 ))
    log "Dayuan up on :$PORT in ${STARTUP_MS} ms (pid $DAYUAN_PID, $(java_label "$java"), data $data)"
}

# Spring Boot's own figure from the log line "Started DayuanApplication in X seconds".
spring_started_seconds() {
    { grep -oE 'Started DayuanApplication in [0-9.]+ seconds' "$DAYUAN_LOG" || true; } | grep -oE '[0-9.]+' | head -1 || true
}

vmrss_mb() {
    awk '/^VmRSS:/ {printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null
}

# Max RSS (MB) recorded by /usr/bin/time -v for the last Dayuan run (read after stop_dayuan).
dayuan_max_rss_mb() {
    awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$DAYUAN_LOG.time" 2>/dev/null
}

stop_dayuan() {
    [ -n "$DAYUAN_PID" ] || return 0
    kill -TERM "$DAYUAN_PID" 2>/dev/null || true
    local i
    for i in $(seq 1 300); do kill -0 "$DAYUAN_PID" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$DAYUAN_PID" 2>/dev/null; then
        log "Dayuan did not stop in 30 s; killing pid $DAYUAN_PID"
        kill -KILL "$DAYUAN_PID" 2>/dev/null || true
    fi
    wait "$TIMEV_PID" 2>/dev/null || true
    DAYUAN_PID=""; TIMEV_PID=""
}

# ---- nginx ----------------------------------------------------------------------------------------------

NGINX_DIR="$WORK/nginx"
NGINX_ROOT="$NGINX_DIR/root"
NGINX_STARTED=""

start_nginx() {
    require_tools nginx
    port_free "$NGINX_PORT" || die "port $NGINX_PORT is in use"
    mkdir -p "$NGINX_DIR/tmp" "$NGINX_ROOT"
    # The same settings a production nginx serving exported files would use: precompressed .gz next to each
    # file, sendfile, no access log, one worker per core.
    cat >"$NGINX_DIR/nginx.conf" <<EOF
worker_processes 2;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log warn;
user root;
events { worker_connections 4096; }
http {
    types { text/html html; application/xml xml; application/rss+xml rss; text/css css; application/javascript js; }
    default_type application/octet-stream;
    charset utf-8;
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_requests 1000000;
    access_log off;
    gzip off;
    gzip_static on;
    gzip_vary on;
    client_body_temp_path $NGINX_DIR/tmp/body;
    proxy_temp_path $NGINX_DIR/tmp/proxy;
    fastcgi_temp_path $NGINX_DIR/tmp/fastcgi;
    uwsgi_temp_path $NGINX_DIR/tmp/uwsgi;
    scgi_temp_path $NGINX_DIR/tmp/scgi;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $NGINX_ROOT;
        index index.html;
    }
}
EOF
    nginx -t -q -c "$NGINX_DIR/nginx.conf" -p "$NGINX_DIR" || die "nginx config invalid"
    nginx -c "$NGINX_DIR/nginx.conf" -p "$NGINX_DIR" || die "nginx did not start"
    NGINX_STARTED=1
    local i
    for i in $(seq 1 50); do port_free "$NGINX_PORT" || break; sleep 0.1; done
    log "nginx up on :$NGINX_PORT (pid $(cat "$NGINX_DIR/nginx.pid"))"
}

stop_nginx() {
    [ -n "$NGINX_STARTED" ] || return 0
    local pid; pid=$(cat "$NGINX_DIR/nginx.pid" 2>/dev/null || true)
    if [ -n "$pid" ]; then
        kill -QUIT "$pid" 2>/dev/null || true
        local i
        for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$pid" 2>/dev/null && kill -TERM "$pid" 2>/dev/null
    fi
    NGINX_STARTED=""
}

cleanup() {
    stop_dayuan
    stop_nginx
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- the loaded site ------------------------------------------------------------------------------------

# Loads the 10,000-article site through the API unless bench/work/data already holds it.
ensure_loaded_site() {
    if [ -f "$LOADED_MARKER" ] && [ -f "$MANIFEST" ]; then
        return 0
    fi
    log "no loaded site yet: running bench/load-site.sh first"
    "$BENCH_DIR/load-site.sh" || die "loading the site failed"
}

wrk_json() {
    # wrk_json ARGS... : runs wrk with the reporting script and prints its one JSON line.
    wrk -s "$TOOLS/report.lua" "$@" 2>&1 | tee -a "$WORK/logs/wrk.log" | sed -n 's/^WRKJSON //p'
}
