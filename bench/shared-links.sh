#!/usr/bin/env bash
# Shared links and bursts: what the page cache does with the traffic a link shared on WeChat or Weibo brings.
# Starts Dayuan on a fresh demo portal (bench/work/shared-links-data, port 18086), then
#   1. asks for every article page of the sitemap once under each of 10 shared-link variants
#      (?from=timeline&isappinstalled=0, ?from=singlemessage, ?utm_source=weibo&utm_medium=social, ?spm=…, …)
#      and counts the answers by X-Dayuan-Cache (HIT, MISS, none = bypassed);
#   2. sends 64 simultaneous requests for each of 10 article pages nobody asked for since an eviction, and counts
#      the renderings by the cache's own metric (dayuan.page.cache.requests, result=miss);
#   3. asks for 10 unknown article addresses 10 times each and counts the renderings of their 404 pages.
#
# Usage: bench/shared-links.sh [--java PATH]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_time_limit 900 "$@"
bench_lock

while [ $# -gt 0 ]; do
    case "$1" in
        --java) JAVA="$2"; shift 2 ;;
        *) die "unknown option $1" ;;
    esac
done
require_tools curl python3
PORT=18086
BASE="http://127.0.0.1:$PORT"
DEMO_DATA="$WORK/shared-links-data"
rm -rf "$DEMO_DATA"
OUT="$RESULTS/shared-links-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"

# The demo portal is loaded during start-up, which takes minutes on a busy machine.
BENCH_START_SECONDS="${BENCH_START_SECONDS:-480}" start_dayuan "$JAVA" "$DEMO_DATA" shared-links --dayuan.demo=true

misses() {
    curl -s -u "admin:$ADMIN_PASSWORD" "$BASE/actuator/metrics/dayuan.page.cache.requests?tag=result:miss" |
        python3 -c 'import json,sys; print(int(json.load(sys.stdin)["measurements"][0]["value"]))'
}

# The demo portal is loaded after the server answers: wait for its articles.
for i in $(seq 1 120); do
    mapfile -t ARTICLES < <(curl -s "$BASE/sitemap.xml" | grep -oE '<loc>[^<]+\.html</loc>' |
        sed -E 's#<loc>https?://[^/]+##; s#</loc>##' | head -40 || true)
    [ ${#ARTICLES[@]} -lt 10 ] || break
    sleep 1
done
[ ${#ARTICLES[@]} -ge 10 ] || die "the demo sitemap lists only ${#ARTICLES[@]} articles"
log "${#ARTICLES[@]} article pages"

VARIANTS=("?from=timeline&isappinstalled=0" "?from=singlemessage" "?from=groupmessage&isappinstalled=0"
    "?utm_source=weibo&utm_medium=social" "?spm=a2c4g.11186623.0.0" "?share_token=8d1f0c2e"
    "?scene=1&clicktime=1714000000&enterid=1714000000" "?from=timeline&wxshare_count=2"
    "?utm_source=wechat&utm_campaign=jiagu" "?from=weibo")
hit=0; miss=0; none=0
for path in "${ARTICLES[@]}"; do
    for variant in "${VARIANTS[@]}"; do
        status=$(curl -s -o /dev/null -D - "$BASE$path$variant" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-dayuan-cache" {print $2}')
        case "$status" in HIT) hit=$((hit + 1)) ;; MISS) miss=$((miss + 1)) ;; *) none=$((none + 1)) ;; esac
    done
done
total=$((hit + miss + none))

# A burst on pages nobody has asked for yet: the channel pages (part 1 visited article pages only).
mapfile -t FRESH < <(curl -s "$BASE/sitemap.xml" | grep -oE '<loc>[^<]+/</loc>' |
    sed -E 's#<loc>https?://[^/]+##; s#</loc>##' | head -10)
before=$(misses)
for path in "${FRESH[@]}"; do
    seq 64 | xargs -P 64 -I{} curl -s -o /dev/null "$BASE$path"
done
burst_renders=$(( $(misses) - before ))

before=$(misses)
for i in $(seq 1 10); do
    for j in $(seq 1 10); do
        curl -s -o /dev/null "$BASE${ARTICLES[0]%/*}/9999999$i.html"
    done
done
notfound_renders=$(( $(misses) - before ))

{
    echo "| measure | figure |"
    echo "|---|---|"
    echo "| shared-link requests (${#ARTICLES[@]} articles × ${#VARIANTS[@]} variants) | $total |"
    echo "| answered HIT / MISS / bypassed | $hit / $miss / $none |"
    echo "| hit rate of shared links | $(python3 -c "print(f'{100*$hit/$total:.1f} %')") |"
    echo "| renders for 64 simultaneous requests × ${#FRESH[@]} uncached channel pages | $burst_renders |"
    echo "| renders for 10 requests × 10 unknown article addresses (404) | $notfound_renders |"
} | tee "$OUT/table.md"
