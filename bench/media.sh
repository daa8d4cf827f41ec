#!/usr/bin/env bash
# Picture uploads: upload-to-ready time of a 12-megapixel phone photo (decoded, turned upright, re-encoded, its
# 320/800/1600-pixel copies written, the row stored: POST /api/v1/media answers only then), one at a time, and the
# process's resident memory while 4 such uploads run at once. Every photo is different (the same bytes would be
# answered from the library at once). Runs on an empty data folder, with the JVM's default heap unless
# BENCH_JAVA_OPTS says otherwise.
#
# Usage: bench/media.sh [--java PATH]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_time_limit 900 "$@"
bench_lock

JAVA_BIN=java
while [ $# -gt 0 ]; do
    case "$1" in
        --java) JAVA_BIN="$2"; shift 2 ;;
        *) die "unknown option $1" ;;
    esac
done
require_tools curl python3

OUT="$RESULTS/media-$(date +%Y%m%d-%H%M%S)"
PHOTOS="$WORK/photos"
MEDIA_DATA="$WORK/media-data"
mkdir -p "$OUT" "$PHOTOS"
log "load before the run: $(uptime)"
for seed in 1 2 3 4 5 6 7 8 9 10; do
    [ -f "$PHOTOS/photo-$seed.jpg" ] || java "$TOOLS/PhonePhoto.java" "$PHOTOS/photo-$seed.jpg" "$seed"
done
PHOTO_MB=$(du -m "$PHOTOS/photo-1.jpg" | cut -f1)

rm -rf "$MEDIA_DATA"
start_dayuan "$JAVA_BIN" "$MEDIA_DATA" media
upload() {
    curl -s -o "$OUT/upload-$1.json" -w '%{http_code} %{time_total}\n' -u "admin:$ADMIN_PASSWORD" \
        -F "file=@$PHOTOS/photo-$1.jpg;type=image/jpeg" -F "alt=测试照片 $1" "$BASE/api/v1/media"
}
# a warm-up upload: the first one also loads the image classes
upload 9 >/dev/null
: >"$OUT/single.txt"
for seed in 1 2 3 4 5; do
    upload "$seed" | tee -a "$OUT/single.txt" >&2
done
grep -qv '^201 ' "$OUT/single.txt" && die "an upload was not accepted: $(cat "$OUT/single.txt")"

RSS_BEFORE=$(vmrss_mb "$DAYUAN_PID")
PEAK_FILE="$OUT/rss.txt"
( while kill -0 "$DAYUAN_PID" 2>/dev/null; do vmrss_mb "$DAYUAN_PID"; echo; sleep 0.05; done ) >"$PEAK_FILE" &
SAMPLER=$!
t0=$(now_ms)
rm -f "$OUT/parallel.txt"
UPLOADS=()
for seed in 6 7 8 10; do upload "$seed" >>"$OUT/parallel.txt" & UPLOADS+=($!); done
wait "${UPLOADS[@]}"  # the uploads only: the sampler runs until it is killed
PARALLEL_MS=$(( $(now_ms) - t0 ))
kill "$SAMPLER" 2>/dev/null || true
RSS_PEAK=$(sort -n "$PEAK_FILE" | tail -1)
stop_dayuan
MAX_RSS=$(dayuan_max_rss_mb)

python3 - "$OUT" "$PHOTO_MB" "$RSS_BEFORE" "$RSS_PEAK" "$MAX_RSS" "$PARALLEL_MS" "$(java_label "$JAVA_BIN")" <<'PY' | tee "$OUT/table.md"
import statistics, sys
out, photo_mb, before, peak, max_rss, parallel_ms, java = sys.argv[1:]
single = [float(line.split()[1]) * 1000 for line in open(f"{out}/single.txt") if line.strip()]
parallel = [line.split() for line in open(f"{out}/parallel.txt") if line.strip()]
codes = " ".join(p[0] for p in parallel)
print(f"| measure ({java}) | value |")
print("|---|---|")
print(f"| photo | 4000 × 3000 JPEG, {photo_mb} MB |")
print(f"| upload-to-ready, one at a time (median of {len(single)}) | {statistics.median(single):.0f} ms (min {min(single):.0f}, max {max(single):.0f}) |")
print(f"| 4 uploads at once: all ready after | {int(parallel_ms)} ms (answers: {codes}) |")
print(f"| resident memory before the 4 uploads | {before} MB |")
print(f"| resident memory, peak while they ran | {peak} MB |")
print(f"| peak resident memory of the whole run | {max_rss} MB |")
PY
log "results in $OUT"
