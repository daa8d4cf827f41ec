#!/usr/bin/env bash
# Static export of the loaded 10,000-article site, side by side with Hugo building the same articles.
#   Dayuan: full export into an empty folder, an export with nothing changed, and an incremental export after
#           one article edit (Dayuan is stopped while exporting: the embedded H2 database is one process's file).
#   Hugo:   Debian's hugo builds a site generated from the same articles with templates of the same shape
#           (bench/tools/hugo_site.py), then rebuilds after the same one-title edit (Hugo has no incremental
#           build on the command line).
# Each run is timed with /usr/bin/time -v (wall time, peak RSS).
#
# Usage: bench/export.sh [--java PATH]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_time_limit 2400 "$@"
bench_lock

while [ $# -gt 0 ]; do
    case "$1" in
        --java) JAVA="$2"; shift 2 ;;
        *) die "unknown option $1" ;;
    esac
done
require_tools hugo python3 curl
ensure_loaded_site

JAVA_VERSION=$(java_label "$JAVA")
OUT="$RESULTS/export-$(date +%Y%m%d-%H%M%S)"
EXPORT="$WORK/export"
HUGO_SITE="$WORK/hugo/site"
HUGO_OUT="$WORK/hugo/public"
mkdir -p "$OUT"
log "load before the run: $(uptime)"
port_free "$PORT" || die "port $PORT is in use: is a Dayuan running on the bench data folder?"

wall_seconds() { # from a /usr/bin/time -v report
    awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$1"
}
peak_mb() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$1"; }
html_count() { find "$1" -type f -name '*.html' | wc -l; }
all_count() { find "$1" -type f | wc -l; }
snapshot() { find "$1" -type f -printf '%P\t%T@\t%s\n' | sort; }
written_since() { # files new or rewritten between two snapshots
    diff "$1" "$2" | grep -c '^>' || true
}

dayuan_export() { # dayuan_export NAME
    /usr/bin/time -v -o "$OUT/$1.time" "$JAVA" -XX:+UseParallelGC ${BENCH_JAVA_OPTS:-} -jar "$JAR" \
        export --to "$EXPORT" --dayuan.data-dir="$DATA" >"$OUT/$1.log" 2>&1 \
        || { tail -30 "$OUT/$1.log" >&2; die "export failed (see $OUT/$1.log)"; }
    log "$1: $(wall_seconds "$OUT/$1.time") s, peak RSS $(peak_mb "$OUT/$1.time") MB"
}

edit_newest() { # edit_newest [TOKEN]  (no token: restore the title)
    start_dayuan "$JAVA" "$DATA" export-edit
    python3 "$TOOLS/render_probe.py" edit --manifest "$MANIFEST" --port "$PORT" --password "$ADMIN_PASSWORD" \
        ${1:+--token "$1"}
    stop_dayuan
}

# ---- Dayuan --------------------------------------------------------------------------------------------
require_jar
rm -rf "$EXPORT"
log "Dayuan: full export"
dayuan_export full
FULL_HTML=$(html_count "$EXPORT"); FULL_FILES=$(all_count "$EXPORT"); FULL_BYTES=$(du -sb "$EXPORT" | cut -f1)

snapshot "$EXPORT" >"$OUT/snap0"
log "Dayuan: export again with nothing changed"
dayuan_export unchanged
snapshot "$EXPORT" >"$OUT/snap1"
UNCHANGED_WRITTEN=$(written_since "$OUT/snap0" "$OUT/snap1")

TOKEN="E$(date +%s | tail -c 6)"
edit_newest "$TOKEN" >"$OUT/edited-path"
ARTICLE_PATH=$(cat "$OUT/edited-path")
log "edited the title of $ARTICLE_PATH (token $TOKEN); Dayuan: incremental export"
dayuan_export incremental
snapshot "$EXPORT" >"$OUT/snap2"
INCR_WRITTEN=$(written_since "$OUT/snap1" "$OUT/snap2")
diff "$OUT/snap1" "$OUT/snap2" | sed -n 's/^> //p' | cut -f1 >"$OUT/incremental-written.txt" || true
ARTICLE_FILE="$EXPORT$ARTICLE_PATH"
if grep -q "$TOKEN" "$ARTICLE_FILE" 2>/dev/null && grep -q "$TOKEN" "$EXPORT/index.html" 2>/dev/null; then
    INCR_CHECK="the edited article page and the home page show the new title"
else
    INCR_CHECK="NOT REFLECTED: the new title is missing from $ARTICLE_PATH or /index.html"
fi
edit_newest >/dev/null
log "restored the title"

# ---- Hugo ----------------------------------------------------------------------------------------------
python3 "$TOOLS/hugo_site.py" "$MANIFEST" "$HUGO_SITE" >&2
rm -rf "$HUGO_OUT" "$WORK/hugo/cache"
hugo_build() { # hugo_build NAME
    /usr/bin/time -v -o "$OUT/$1.time" hugo --quiet --source "$HUGO_SITE" --destination "$HUGO_OUT" \
        --cacheDir "$WORK/hugo/cache" >"$OUT/$1.log" 2>&1 || { cat "$OUT/$1.log" >&2; die "hugo failed"; }
    log "$1: $(wall_seconds "$OUT/$1.time") s, peak RSS $(peak_mb "$OUT/$1.time") MB"
}
log "Hugo $(hugo version | awk '{print $2}'): full build"
hugo_build hugo-full
HUGO_HTML=$(html_count "$HUGO_OUT"); HUGO_FILES=$(all_count "$HUGO_OUT"); HUGO_BYTES=$(du -sb "$HUGO_OUT" | cut -f1)
python3 "$TOOLS/hugo_site.py" "$MANIFEST" "$HUGO_SITE" --edit-newest "$TOKEN" >/dev/null
snapshot "$HUGO_OUT" >"$OUT/hsnap1"
log "Hugo: rebuild after the same edit"
hugo_build hugo-rebuild
snapshot "$HUGO_OUT" >"$OUT/hsnap2"
HUGO_WRITTEN=$(written_since "$OUT/hsnap1" "$OUT/hsnap2")

# ---- report --------------------------------------------------------------------------------------------
row() { # row LABEL TIMEFILE HTML FILES WRITTEN
    local s; s=$(wall_seconds "$OUT/$2.time")
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$3" "$4" "$s" \
        "$(awk -v h="$3" -v s="$s" 'BEGIN { if (h > 0 && s > 0) printf "%.0f", h / s; else print "—" }')" \
        "$5" "$(peak_mb "$OUT/$2.time")"
}
{
    echo "### export: $(date '+%Y-%m-%d %H:%M'), Dayuan on Java $JAVA_VERSION, Hugo $(hugo version | awk '{print $2}')"
    echo
    echo "Command: \`bench/export.sh --java $JAVA\`"
    echo
    echo "| run | HTML pages | files | wall s | HTML pages/s | files written | peak RSS MB |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    row "Dayuan full export (empty folder)" full "$FULL_HTML" "$FULL_FILES" "$FULL_FILES"
    row "Dayuan export, nothing changed" unchanged "$FULL_HTML" "$FULL_FILES" "$UNCHANGED_WRITTEN"
    row "Dayuan incremental export after one title edit" incremental "$(html_count "$EXPORT")" "$(all_count "$EXPORT")" "$INCR_WRITTEN"
    row "Hugo full build" hugo-full "$HUGO_HTML" "$HUGO_FILES" "$HUGO_FILES"
    row "Hugo rebuild after the same edit" hugo-rebuild "$HUGO_HTML" "$HUGO_FILES" "$HUGO_WRITTEN"
    echo
    echo "Output size: Dayuan $((FULL_BYTES / 1048576)) MB, Hugo $((HUGO_BYTES / 1048576)) MB."
    echo "Incremental export check: $INCR_CHECK."
    echo "Wall time includes starting the JVM and the Spring context for Dayuan (Spring's own start-up figure:"
    echo "$(grep -ohE 'Started DayuanApplication in [0-9.]+ seconds' "$OUT"/{full,unchanged,incremental}.log | grep -oE '[0-9.]+' | paste -sd/ -) s for full/unchanged/incremental)."
    for run in full unchanged incremental; do
        line=$(grep -iE 'export' "$OUT/$run.log" | grep -vi 'started\|starting' | tail -1 | sed -E 's/^.*(INFO|WARN)[^:]*: //')
        [ -z "$line" ] || echo "Dayuan's own report ($run): $line"
    done
} | tee "$OUT/table.md"
