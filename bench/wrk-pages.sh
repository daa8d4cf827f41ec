#!/usr/bin/env bash
# Cached page throughput: Dayuan's page cache against nginx serving the very same bytes as static files.
# For the article, channel and home pages of the loaded site: fetches each page from Dayuan (plain and gzip),
# writes the bytes as index.html / index.html.gz for nginx (gzip_static, sendfile, no access log, 2 workers),
# warms both, checks Dayuan answers X-Dayuan-Cache: HIT with the same bytes nginx serves, then runs
# `wrk -t2 -c64 -d15s --latency` against nginx and Dayuan alternately, with and without Accept-Encoding: gzip.
#
# Usage: bench/wrk-pages.sh [--java PATH] [--rounds N] [--duration 15s] [--connections 64]
#   e.g. bench/wrk-pages.sh --java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_time_limit 2400 "$@"
bench_lock

ROUNDS=2
DURATION=15s
CONNECTIONS=64
while [ $# -gt 0 ]; do
    case "$1" in
        --java) JAVA="$2"; shift 2 ;;
        --rounds) ROUNDS="$2"; shift 2 ;;
        --duration) DURATION="$2"; shift 2 ;;
        --connections) CONNECTIONS="$2"; shift 2 ;;
        *) die "unknown option $1" ;;
    esac
done
require_tools curl wrk nginx python3 sha256sum
ensure_loaded_site

JAVA_VERSION=$(java_label "$JAVA")
STAMP=$(date +%Y%m%d-%H%M%S)
OUT="$RESULTS/wrk-pages-java$(java_major "$JAVA")-$STAMP"
mkdir -p "$OUT"
log "load before the run: $(uptime)"

mapfile -t PAGE_LINES < <(python3 "$TOOLS/pick_pages.py" "$MANIFEST")
start_dayuan "$JAVA" "$DATA" "wrk-pages-java$(java_major "$JAVA")"
start_nginx
rm -rf "${NGINX_ROOT:?}"/*

static_file() { # URL path -> file under the nginx root
    local path="$1"
    case "$path" in */) path="${path}index.html" ;; esac
    printf '%s%s' "$NGINX_ROOT" "$path"
}

# Fetch every page twice per encoding from Dayuan (the first renders it) and store the second answer for nginx.
for line in "${PAGE_LINES[@]}"; do
    read -r name path <<<"$line"
    file=$(static_file "$path")
    mkdir -p "$(dirname "$file")"
    for round in 1 2; do
        curl -s --max-time 30 -o "$file" -D "$OUT/$name.plain.headers" -w '%{http_code}' "$BASE$path" >"$OUT/$name.status"
        curl -s --max-time 30 -H 'Accept-Encoding: gzip' -o "$file.gz" -D "$OUT/$name.gzip.headers" "$BASE$path"
    done
    [ "$(cat "$OUT/$name.status")" = 200 ] || die "$path answered HTTP $(cat "$OUT/$name.status")"
    grep -qi '^content-encoding: *gzip' "$OUT/$name.gzip.headers" || die "$path: Dayuan sent no gzip copy"
    touch -r "$file" "$file.gz"
    log "$name $path: $(stat -c %s "$file") B plain, $(stat -c %s "$file.gz") B gzip"
done

wrk_run() { # wrk_run SERVER_BASE PATH ENCODING SECONDS
    local enc_args=()
    [ "$3" = gzip ] && enc_args=(-H 'Accept-Encoding: gzip')
    wrk_json -t2 -c"$CONNECTIONS" -d"$4" --latency "${enc_args[@]}" "$1$2"
}

NGINX_BASE="http://127.0.0.1:$NGINX_PORT"
log "warming up: Dayuan 15 s, then 3 s per page, encoding and server"
wrk_run "$BASE" "$(awk 'NR==1{print $2}' <<<"${PAGE_LINES[0]}")" gzip 15s >/dev/null
for line in "${PAGE_LINES[@]}"; do
    read -r name path <<<"$line"
    for enc in gzip plain; do
        wrk_run "$NGINX_BASE" "$path" "$enc" 3s >/dev/null
        wrk_run "$BASE" "$path" "$enc" 3s >/dev/null
    done
done

# Same bytes and a cache hit, checked after the warm-up so the answers measured are the cached ones.
check_same_bytes() {
    local problems=0 name path enc args
    for line in "${PAGE_LINES[@]}"; do
        read -r name path <<<"$line"
        for enc in plain gzip; do
            args=()
            [ "$enc" = gzip ] && args=(-H 'Accept-Encoding: gzip')
            local d n cache
            d=$(curl -s --max-time 10 "${args[@]}" -D "$OUT/check.headers" "$BASE$path" | sha256sum | cut -c1-16)
            cache=$(awk -F': *' 'tolower($1)=="x-dayuan-cache" {gsub("\r",""); print $2}' "$OUT/check.headers")
            n=$(curl -s --max-time 10 "${args[@]}" "$NGINX_BASE$path" | sha256sum | cut -c1-16)
            if [ "$d" = "$n" ] && [ "$cache" = HIT ]; then
                echo "$name $enc: same bytes ($d), X-Dayuan-Cache: $cache"
            else
                echo "$name $enc: MISMATCH dayuan=$d nginx=$n X-Dayuan-Cache: ${cache:-absent}"
                problems=$((problems + 1))
            fi
        done
    done
    return "$problems"
}
log "checking bytes and cache status"
CHECKS_OK=1
check_same_bytes | tee "$OUT/checks.txt" >&2 || CHECKS_OK=""

: >"$OUT/runs.tsv"
for round in $(seq 1 "$ROUNDS"); do
    for line in "${PAGE_LINES[@]}"; do
        read -r name path <<<"$line"
        for enc in gzip plain; do
            # Alternate which server goes first so drift in the machine's load does not favour either.
            if [ $(( (round + ${#enc}) % 2 )) -eq 0 ]; then order="nginx dayuan"; else order="dayuan nginx"; fi
            for server in $order; do
                if [ "$server" = nginx ]; then base="$NGINX_BASE"; else base="$BASE"; fi
                result=$(wrk_run "$base" "$path" "$enc" "$DURATION")
                [ -n "$result" ] || die "wrk produced no result for $server $path"
                printf '%s\t%s\t%s\t%s\t%s\n' "$round" "$name" "$enc" "$server" "$result" >>"$OUT/runs.tsv"
                log "round $round $name $enc $server: $result"
            done
        done
    done
done

log "checking bytes and cache status after the runs"
check_same_bytes | tee -a "$OUT/checks.txt" >&2 || CHECKS_OK=""
RSS_AFTER=$(vmrss_mb "$DAYUAN_PID")
stop_dayuan
stop_nginx

{
    echo "### wrk-pages: Java $JAVA_VERSION, $(date '+%Y-%m-%d %H:%M'), wrk -t2 -c$CONNECTIONS -d$DURATION, $ROUNDS round(s)"
    echo
    echo "Command: \`bench/wrk-pages.sh --java $JAVA --rounds $ROUNDS\`; Dayuan VmRSS after the runs: ${RSS_AFTER} MB"
    echo
    python3 "$TOOLS/wrk_table.py" "$OUT/runs.tsv" "$NGINX_ROOT" "${PAGE_LINES[@]}"
    echo
    if [ -n "$CHECKS_OK" ]; then
        echo "Checks: Dayuan answered X-Dayuan-Cache: HIT with the same bytes as nginx, before and after the runs."
    else
        echo "Checks FAILED:"; grep MISMATCH "$OUT/checks.txt" | sed 's/^/    /'
    fi
} | tee "$OUT/table.md"
