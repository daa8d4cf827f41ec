#!/usr/bin/env bash
# Start-up time (process start -> /actuator/health answers UP) and resident memory of Dayuan, for an empty site
# (a new data folder: the first start also creates the schema) and for the loaded 10,000-article site, on Java 17
# and Java 25, with -XX:+UseParallelGC. Memory: VmRSS right after start, VmRSS after a 10 s wrk run over many
# distinct pages (home, every channel, 2,000 articles, so the page cache fills), and the peak RSS that
# /usr/bin/time -v reports for the whole process.
#
# With --aot, every start is measured a second time from the extracted jar with the class data a training run
# wrote (Spring Boot's CDS recipe): -XX:SharedArchiveFile on Java 17, the AOT cache (-XX:AOTCache) on Java 24+.
# That is how README.md's production section starts Dayuan.
#
# Usage: bench/startup.sh [--java PATH]... [--aot]   (default: java, i.e. 17, and Temurin 25)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_time_limit 1200 "$@"
bench_lock

JAVAS=()
MODES=(jar)
while [ $# -gt 0 ]; do
    case "$1" in
        --java) JAVAS+=("$2"); shift 2 ;;
        --aot) MODES=(jar aot); shift ;;
        *) die "unknown option $1" ;;
    esac
done
[ ${#JAVAS[@]} -gt 0 ] || JAVAS=(java "$JAVA25")
require_tools curl wrk python3
ensure_loaded_site

OUT="$RESULTS/startup-$(date +%Y%m%d-%H%M%S)"
ARTICLE_COUNT=$(python3 -c 'import json, sys; print("{:,}".format(json.load(open(sys.argv[1]))["articles"]))' "$LOADED_MARKER")
EMPTY_DATA="$WORK/empty-data"
mkdir -p "$OUT"
log "load before the run: $(uptime)"

# Pages for the wrk run: the empty site has its home page, feed and sitemap; the loaded one many more.
printf '/\n/feed.xml\n/sitemap.xml\n' >"$OUT/paths-empty.txt"
python3 - "$MANIFEST" >"$OUT/paths-full.txt" <<'EOF'
import json, sys
from urllib.parse import urlparse
entries = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
print("/")
print("/feed.xml")
for channel in sorted({"/".join(e["payload"]["channel"].split("/")[:i + 1])
                       for e in entries for i in range(len(e["payload"]["channel"].split("/")))}):
    print(f"/{channel}/")
for e in entries[:2000]:
    print(urlparse(e["url"]).path)
EOF

# prepare_aot JAVA: extracts the jar and trains its class data once (a start on an empty folder that exits after
# the context refreshed); sets START_JAR and START_JAVA_OPTS for start_dayuan.
prepare_aot() {
    local java="$1" major app archive training
    major=$(java_major "$java")
    app="$WORK/aot-java$major"
    rm -rf "$app" "$WORK/aot-training"
    "$java" -Djarmode=tools -jar "$JAR" extract --destination "$app" >/dev/null
    if [ "$major" -ge 24 ]; then
        archive="-XX:AOTCache=$app/dayuan.aot"
        training="-XX:AOTCacheOutput=$app/dayuan.aot"
    else
        archive="-XX:SharedArchiveFile=$app/dayuan.jsa"
        training="-XX:ArchiveClassesAtExit=$app/dayuan.jsa"
    fi
    "$java" ${BENCH_GC:--XX:+UseParallelGC} ${BENCH_JAVA_OPTS:-} $training -Dspring.context.exit=onRefresh -jar "$app/dayuan.jar" \
        --dayuan.data-dir="$WORK/aot-training" --server.port=0 >"$WORK/logs/aot-training-java$major.log" 2>&1 \
        || { tail -20 "$WORK/logs/aot-training-java$major.log" >&2; die "training run failed"; }
    rm -rf "$WORK/aot-training"
    START_JAR="$app/dayuan.jar"
    START_JAVA_OPTS="$archive"
}

: >"$OUT/rows.tsv"
for java in "${JAVAS[@]}"; do
  for mode in "${MODES[@]}"; do
    version=$(java_label "$java")
    if [ "$mode" = aot ]; then prepare_aot "$java"; version+=" + class data"; else START_JAR=""; START_JAVA_OPTS=""; fi
    for site in empty full; do
        if [ "$site" = empty ]; then rm -rf "$EMPTY_DATA"; data="$EMPTY_DATA"; else data="$DATA"; fi
        start_dayuan "$java" "$data" "startup-$site-java$(java_major "$java")-$mode"
        spring=$(spring_started_seconds)
        rss_start=$(vmrss_mb "$DAYUAN_PID")
        result=$(wrk_json -t2 -c64 -d10s "$BASE/" -- "$OUT/paths-$site.txt")
        rss_wrk=$(vmrss_mb "$DAYUAN_PID")
        stop_dayuan
        peak=$(dayuan_max_rss_mb)
        rps=$(python3 -c 'import json, sys; r = json.loads(sys.argv[1]); e = r["non2xx"] + r["socket_errors"]
print("{:,.0f}".format(r["rps"]) + (" ({} errors)".format(e) if e else ""))' "$result")
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$version" "$site" "$STARTUP_MS" "$spring" "$rss_start" \
            "$rps" "$rss_wrk" "$peak" >>"$OUT/rows.tsv"
        log "Java $version $site: UP after $STARTUP_MS ms, RSS $rss_start MB, after wrk $rss_wrk MB, peak $peak MB"
    done
  done
done
rm -rf "$EMPTY_DATA"

{
    echo "### startup: $(date '+%Y-%m-%d %H:%M'), ${BENCH_GC:--XX:+UseParallelGC} ${BENCH_JAVA_OPTS:-(default heap)}${BENCH_APP_ARGS:+, $BENCH_APP_ARGS}"
    echo
    command="bench/startup.sh"
    for java in "${JAVAS[@]}"; do command+=" --java $java"; done
    [ ${#MODES[@]} -eq 1 ] || command+=" --aot"
    env=""
    [ -z "${BENCH_GC:-}" ] || env+="BENCH_GC='$BENCH_GC' "
    [ -z "${BENCH_JAVA_OPTS:-}" ] || env+="BENCH_JAVA_OPTS='$BENCH_JAVA_OPTS' "
    [ -z "${BENCH_APP_ARGS:-}" ] || env+="BENCH_APP_ARGS='$BENCH_APP_ARGS' "
    echo "Command: \`$env$command\`"
    echo
    echo "| Java | site | start-up to health UP s | Spring's \"Started in\" s | VmRSS after start MB | wrk 10 s req/s (mixed pages) | VmRSS after wrk MB | peak RSS MB |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|"
    awk -F'\t' -v articles="$ARTICLE_COUNT" '{
        site = ($2 == "empty") ? "empty (new data folder)" : articles " articles";
        printf "| %s | %s | %.2f | %s | %s | %s | %s | %s |\n", $1, site, $3 / 1000, $4, $5, $6, $7, $8 }' "$OUT/rows.tsv"
} | tee "$OUT/table.md"
