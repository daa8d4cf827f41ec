#!/usr/bin/env bash
# Static export of the loaded 10,000-article site, side by side with Hugo building the same articles.
#   Dayuan, command line (`java -Xmx512m -jar target/dayuan.jar export --to DIR`, no server running on the data
#           folder: the embedded H2 database belongs to one process): a full export into an empty folder, the same
#           export with nothing changed, and one after a title edit of an article from a year ago made on the
#           running site: each in a new JVM, which learns what changed from the folder's manifest and the change log.
#           Also full exports into another empty folder with gzip copies only and without compressed copies
#           (--dayuan.export-compressed-copies=gzip, =), the latter the output Hugo writes: pages, feeds, assets.
#   Dayuan, newsroom button (POST /admin/export in the running server, export folder = the same DIR, followed on
#           /admin/export/status until it is over): once on the freshly started server with nothing changed, then
#           after one title edit of the newest article (the incremental export an editor gets).
#   Dayuan, command line again after restoring both titles.
#   Hugo:   Debian's hugo builds a site generated from the same articles with templates of the same shape
#           (bench/tools/hugo_site.py), then rebuilds after the same one-title edit (Hugo has no incremental
#           build on the command line).
# Process runs are timed with /usr/bin/time -v (wall time, peak RSS); the button with the client's clock.
# Every Dayuan run gets --dayuan.base-url (the address the export is served under), as a production site has.
#
# Usage: bench/export.sh [--java PATH] [--limit SECONDS]
#   --limit: longest a single Dayuan export may run (default 900 s); a run cut off there is reported as such
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_time_limit 3500 "$@"
bench_lock

LIMIT=900
while [ $# -gt 0 ]; do
    case "$1" in
        --java) JAVA="$2"; shift 2 ;;
        --limit) LIMIT="$2"; shift 2 ;;
        *) die "unknown option $1" ;;
    esac
done
require_tools hugo python3 curl
ensure_loaded_site
require_jar

JAVA_VERSION=$(java_label "$JAVA")
HUGO_VERSION=$(hugo version | awk '{print $2}')
OUT="$RESULTS/export-$(date +%Y%m%d-%H%M%S)"
EXPORT="$WORK/export"
PLAIN="$WORK/export-plain"
# The address the exported site is served under. Without one, the command line export prints the address of its
# private server (127.0.0.1 and a random port) into every page, so every export rewrites every file.
SITE_URL="http://127.0.0.1:$NGINX_PORT"
HUGO_SITE="$WORK/hugo/site"
HUGO_OUT="$WORK/hugo/public"
mkdir -p "$OUT"
TOKEN="E$(date +%s | tail -c 6)"
log "load before the run: $(uptime)"
port_free "$PORT" || die "port $PORT is in use: is a Dayuan running on the bench data folder?"

wall_seconds() { # from a /usr/bin/time -v report
    awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$1"
}
peak_mb() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$1"; }
html_count() { find "$1/" -type f -name '*.html' | wc -l; }
all_count() { find "$1/" -type f | wc -l; }
snapshot() { find "$1/" -type f -printf '%P\t%T@\t%s\n' | sort; }
written_since() { diff "$1" "$2" | grep -c '^>' || true; }   # files new or rewritten between two snapshots

# This machine's ext4 has no journal, and such an ext4 passes over inodes freed in the last minutes when it gives a
# new file an inode: after tens of thousands of files were deleted, creating one took 190-300 us instead of 30-40.
# So the folders of earlier runs are moved aside, not deleted, and go when the script ends.
ASIDE="$WORK/set-aside"
set_aside() { # set_aside PATH...
    local path
    mkdir -p "$ASIDE"
    for path in "$@"; do
        if [ -e "$path" ] || [ -L "$path" ]; then mv "$path" "$(mktemp -d "$ASIDE/run.XXXXXX")/"; fi
    done
}
cleanup_export() { rm -rf "$ASIDE"; cleanup; }
trap cleanup_export EXIT

# One row per run: label, HTML pages, files, files written, wall s, export's own s, peak RSS MB
ROWS="$OUT/rows.tsv"
CHECKS=()
: >"$ROWS"
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$ROWS"; }

CUT_OFF=""
cli_export() { # cli_export NAME LABEL [DIR [OPTION...]]   (sets CUT_OFF when the export hit --limit)
    local name="$1" label="$2" dir="${3:-$EXPORT}" before="$OUT/$1.before" after="$OUT/$1.after" status=0
    shift 2; shift $(($# > 0 ? 1 : 0))
    snapshot "$dir" >"$before" 2>/dev/null || : >"$before"
    /usr/bin/time -v -o "$OUT/$name.time" timeout "$LIMIT" "$JAVA" -XX:+UseParallelGC -Xmx512m ${BENCH_JAVA_OPTS:-} \
        -jar "$JAR" export --to "$dir" --dayuan.data-dir="$DATA" --dayuan.base-url="$SITE_URL" "$@" \
        >"$OUT/$name.log" 2>&1 || status=$?
    if [ "$status" = 124 ]; then
        CUT_OFF=1
        label="$label — CUT OFF after $LIMIT s, unfinished"
    elif [ "$status" != 0 ]; then
        # The export walks the whole site and then reports the addresses that failed; its timing still counts.
        local failure; failure=$(grep -E '导出失败|注意' "$OUT/$name.log" | tail -1 | cut -c1-400 || true)
        [ -n "$failure" ] || { tail -30 "$OUT/$name.log" >&2; die "export failed (see $OUT/$name.log)"; }
        label="$label — exit status $status"
        CHECKS+=("$2: Dayuan reported $failure")
    fi
    snapshot "$dir" >"$after"
    local own; own=$(grep -oE '用时 [0-9.]+ 秒' "$OUT/$name.log" | grep -oE '[0-9.]+' | tail -1 || true)
    row "$label" "$(html_count "$dir")" "$(all_count "$dir")" "$(written_since "$before" "$after")" \
        "$(wall_seconds "$OUT/$name.time")" "${own:-?}" "$(peak_mb "$OUT/$name.time")"
    log "$label: $(wall_seconds "$OUT/$name.time") s wall, export ${own:-?} s, peak RSS $(peak_mb "$OUT/$name.time") MB"
}

button_export() { # button_export NAME LABEL   (Dayuan must be running with --dayuan.export-dir=$EXPORT)
    local name="$1" before="$OUT/$1.before" after="$OUT/$1.after"
    snapshot "$EXPORT" >"$before"
    python3 "$TOOLS/newsroom_export.py" "$PORT" "$ADMIN_PASSWORD" >"$OUT/$name.json" \
        || die "the newsroom export could not be run"
    snapshot "$EXPORT" >"$after"
    local r; r=$(cat "$OUT/$name.json")
    row "$2" "$(html_count "$EXPORT")" "$(all_count "$EXPORT")" "$(written_since "$before" "$after")" \
        "$(jq_field "$r" seconds)" "$(jq_field "$r" export_seconds)" "$(vmrss_mb "$DAYUAN_PID") (VmRSS)"
    log "$2: $r"
    local error; error=$(jq_field "$r" error)
    [ "$error" = "?" ] || CHECKS+=("$2: the newsroom page said 导出失败：$error")
}
jq_field() { python3 -c 'import json,sys; v=json.loads(sys.argv[1]).get(sys.argv[2]); print("?" if v is None else v)' "$1" "$2"; }

edit_article() { # edit_article newest|middle [TOKEN]  (no token: restore the title); prints the article's path
    python3 "$TOOLS/render_probe.py" edit --manifest "$MANIFEST" --port "$PORT" --password "$ADMIN_PASSWORD" \
        --which "$1" ${2:+--token "$2"}
}

shows() { grep -q "$1" "$EXPORT$2" 2>/dev/null; }

# ---- Dayuan --------------------------------------------------------------------------------------------
set_aside "$EXPORT" "$WORK/.export.releases" "$PLAIN" "$WORK/.export-plain.releases"   # a folder links to its release
cli_export full "Dayuan command line, full export (empty folder)"
FULL_BYTES=$(du -sb "$EXPORT/" | cut -f1)
# The same export with gzip copies only, and without copies: the output Hugo writes, pages, feeds and assets only.
cli_export full-gzip "Dayuan command line, full export with gzip copies only (empty folder)" "$PLAIN" \
    --dayuan.export-compressed-copies=gzip
set_aside "$PLAIN" "$WORK/.export-plain.releases"
cli_export full-plain "Dayuan command line, full export without compressed copies (empty folder)" "$PLAIN" \
    --dayuan.export-compressed-copies=
set_aside "$PLAIN" "$WORK/.export-plain.releases"
if [ -n "$CUT_OFF" ]; then
    CHECKS+=("the full export did not finish within $LIMIT s, so the other Dayuan runs were skipped")
else
    cli_export unchanged "Dayuan command line, nothing changed"

    # An edit made on the running site, then an export from the command line in a new JVM.
    start_dayuan "$JAVA" "$DATA" edit-server --dayuan.base-url="$SITE_URL"
    MIDDLE_PATH=$(edit_article middle "$TOKEN")
    log "edited the title of $MIDDLE_PATH (token $TOKEN)"
    stop_dayuan
    cli_export cli-edit "Dayuan command line, after one title edit (an article from a year ago)"
    if shows "$TOKEN" "$MIDDLE_PATH"; then
        CHECKS+=("command line after editing $MIDDLE_PATH: its page shows the new title")
    else
        CHECKS+=("command line after editing $MIDDLE_PATH: NOT REFLECTED in its page")
    fi

    start_dayuan "$JAVA" "$DATA" export-server --dayuan.export-dir="$EXPORT" --dayuan.base-url="$SITE_URL"
    button_export button-unchanged "Dayuan newsroom button, just started, nothing changed"
    NEWEST_PATH=$(edit_article newest "$TOKEN")
    log "edited the title of $NEWEST_PATH (token $TOKEN)"
    button_export button-edit-newest "Dayuan newsroom button, after one title edit (the newest article)"
    if shows "$TOKEN" "$NEWEST_PATH" && shows "$TOKEN" /index.html; then
        CHECKS+=("newsroom button after editing $NEWEST_PATH: its page and the home page show the new title")
    else
        CHECKS+=("newsroom button after editing $NEWEST_PATH: NOT REFLECTED in its page or /index.html")
    fi
    edit_article newest >/dev/null
    edit_article middle >/dev/null
    log "restored both titles"
    stop_dayuan
    cli_export cli-restored "Dayuan command line, after restoring both titles"
    if ! shows "$TOKEN" "$MIDDLE_PATH" && ! shows "$TOKEN" "$NEWEST_PATH" && ! shows "$TOKEN" /index.html; then
        CHECKS+=("command line after restoring: the pages show the original titles again")
    else
        CHECKS+=("command line after restoring: NOT REFLECTED (an edited title is still exported)")
    fi
fi
for name in full full-gzip full-plain unchanged cli-edit cli-restored; do
    grep -h '^导出完成' "$OUT/$name.log" 2>/dev/null | sed "s/^/$name: /"
done >"$OUT/dayuan-summaries.txt" || true

# ---- Hugo ----------------------------------------------------------------------------------------------
python3 "$TOOLS/hugo_site.py" "$MANIFEST" "$HUGO_SITE" >&2
set_aside "$HUGO_OUT" "$WORK/hugo/cache"
hugo_build() { # hugo_build NAME LABEL
    local name="$1" before="$OUT/$1.before" after="$OUT/$1.after"
    snapshot "$HUGO_OUT" >"$before" 2>/dev/null || : >"$before"
    /usr/bin/time -v -o "$OUT/$name.time" hugo --quiet --source "$HUGO_SITE" --destination "$HUGO_OUT" \
        --cacheDir "$WORK/hugo/cache" >"$OUT/$name.log" 2>&1 || { cat "$OUT/$name.log" >&2; die "hugo failed"; }
    snapshot "$HUGO_OUT" >"$after"
    row "$2" "$(html_count "$HUGO_OUT")" "$(all_count "$HUGO_OUT")" "$(written_since "$before" "$after")" \
        "$(wall_seconds "$OUT/$name.time")" "" "$(peak_mb "$OUT/$name.time")"
    log "$2: $(wall_seconds "$OUT/$name.time") s, peak RSS $(peak_mb "$OUT/$name.time") MB"
}
hugo_build hugo-full "Hugo $HUGO_VERSION full build"
HUGO_RATE=$(awk -F'\t' '$1 ~ /full build$/ { printf "%.1f", $2 / $5 }' "$ROWS")
HUGO_BYTES=$(du -sb "$HUGO_OUT" | cut -f1)
HUGO_ALIASES=$( (grep -rl 'http-equiv="refresh"' "$HUGO_OUT" --include='*.html' || true) | wc -l)
python3 "$TOOLS/hugo_site.py" "$MANIFEST" "$HUGO_SITE" --edit middle "$TOKEN" >/dev/null
hugo_build hugo-rebuild "Hugo rebuild after the same title edit"

# ---- report --------------------------------------------------------------------------------------------
{
    echo "### export: $(date '+%Y-%m-%d %H:%M'), Dayuan on Java $JAVA_VERSION, Hugo $HUGO_VERSION"
    echo
    echo "Command: \`bench/export.sh --java $JAVA\`"
    echo
    echo "| run | HTML pages | files | files written | wall s | export's own s | HTML pages/s (wall) | peak RSS MB |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|"
    awk -F'\t' '{
        pps = ($5 > 0) ? sprintf("%.0f", $2 / $5) : "—";
        printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, ($6 == "" ? "—" : $6), pps, $7 }' "$ROWS"
    echo
    echo "- Output size: Dayuan $((FULL_BYTES / 1048576)) MB, Hugo $((HUGO_BYTES / 1048576)) MB" \
         "(Hugo's HTML count includes $HUGO_ALIASES alias redirect pages)."
    echo "- Wall time of a command-line export includes starting the JVM and Spring" \
         "($(grep -ohE 'Started DayuanApplication in [0-9.]+ seconds' "$OUT"/{full,unchanged,cli-edit}.log 2>/dev/null | grep -oE '[0-9.]+' | paste -sd/ -) s)."
    echo "- The button's wall time is the client's: from POST /admin/export until /admin/export/status says it is over."
    # The issue's target: more files a second than Hugo's pages a second, counting the export's own time.
    for name in full full-gzip full-plain; do
        summary=$(grep -h '^导出完成' "$OUT/$name.log" 2>/dev/null | tail -1)
        files=$(sed -nE 's/.*共 ([0-9]+) 个文件.*/\1/p' <<<"$summary")
        own=$(sed -nE 's/.*用时 ([0-9.]+) 秒.*/\1/p' <<<"$summary")
        [ -n "$files" ] && [ -n "$own" ] && [ -n "${HUGO_RATE:-}" ] || continue
        awk -v n="$name" -v f="$files" -v s="$own" -v h="$HUGO_RATE" 'BEGIN {
            printf "- %s: %d files (pages, feeds, assets) in %.2f s of its own, %.0f a second against Hugo'"'"'s %.0f: ratio %.2f\n",
                n, f, s, f / s, h, f / s / h }'
    done
    for check in "${CHECKS[@]}"; do echo "- Check: $check."; done
    sed 's/^/- Dayuan said: /' "$OUT/dayuan-summaries.txt"
} | tee "$OUT/table.md"
