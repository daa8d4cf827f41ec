#!/usr/bin/env bash
# Cold render time per page type (first request of never-requested pages: cache MISS) and publish-to-visible
# latency (API edit of an article's title -> first response of its article page, channel page, home page and
# feed that shows the new title), on the loaded 10,000-article site.
#
# Usage: bench/render.sh [--java PATH] [--articles 500] [--channels 200] [--tags 100] [--repeat 20] [--auth token|basic]
#   --auth: how the PUT authenticates: a personal API token (default) or HTTP Basic (a BCrypt check per request)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_time_limit 1800 "$@"
bench_lock

N_ARTICLES=500
N_CHANNELS=200
N_TAGS=100
REPEAT=20
AUTH=token
while [ $# -gt 0 ]; do
    case "$1" in
        --java) JAVA="$2"; shift 2 ;;
        --articles) N_ARTICLES="$2"; shift 2 ;;
        --channels) N_CHANNELS="$2"; shift 2 ;;
        --tags) N_TAGS="$2"; shift 2 ;;
        --repeat) REPEAT="$2"; shift 2 ;;
        --auth) AUTH="$2"; shift 2 ;;
        *) die "unknown option $1" ;;
    esac
done
require_tools curl python3
ensure_loaded_site

JAVA_VERSION=$(java_label "$JAVA")
OUT="$RESULTS/render-java$(java_major "$JAVA")-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
log "load before the run: $(uptime)"

# A fresh process: its page cache is empty, so every first request renders.
start_dayuan "$JAVA" "$DATA" "render-java$(java_major "$JAVA")"
log "cold renders: $N_ARTICLES articles, $N_CHANNELS channel pages, $N_TAGS tag pages (after a JIT warm-up)"
python3 "$TOOLS/render_probe.py" cold --manifest "$MANIFEST" --port "$PORT" \
    --articles "$N_ARTICLES" --channels "$N_CHANNELS" --tags "$N_TAGS" >"$OUT/cold.json"
log "publish-to-visible: $REPEAT title edits"
python3 "$TOOLS/render_probe.py" visible --manifest "$MANIFEST" --port "$PORT" --password "$ADMIN_PASSWORD" \
    --repeat "$REPEAT" --auth "$AUTH" >"$OUT/visible.json"
stop_dayuan

python3 - "$OUT/cold.json" "$OUT/visible.json" "$JAVA_VERSION" "$JAVA" "$N_ARTICLES" "$N_CHANNELS" "$N_TAGS" "$REPEAT" "$AUTH" <<'EOF' | tee "$OUT/table.md"
import json, sys, datetime
cold, vis = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
java_version, java, n_articles, n_channels, n_tags, repeat, auth = sys.argv[3:10]
print(f"### render: Java {java_version}, {datetime.datetime.now():%Y-%m-%d %H:%M}")
print()
print(f"Command: `bench/render.sh --java {java} --articles {n_articles} --channels {n_channels} --tags {n_tags} "
      f"--repeat {repeat} --auth {auth}`")
print()
print(f"Cold render (first request of each URL, one at a time, gzip, after {cold['warmup_pages']} warm-up renders; "
      f"at most {cold['budget_seconds']:.0f} s per page type):")
print()
print("| page type | pages | mean ms | p50 ms | p99 ms | max ms | all MISS | 2nd request HIT | HIT p50 ms | gzip bytes (median) |")
print("|---|---:|---:|---:|---:|---:|---|---|---:|---:|")
for t, s in cold["types"].items():
    miss = "yes" if s["not_miss_count"] == 0 else f"NO ({s['not_miss_count']}: {', '.join(s['not_miss'])})"
    others = {k: v for k, v in s["status"].items() if k != "200"}
    note = f" (HTTP {others})" if others else ""
    cut = f" of {s['planned']} planned (time budget)" if s["requested"] < s["planned"] else ""
    print(f"| {t} | {s['measured']}{cut}{note} | {s['mean_ms']:.1f} | {s['p50_ms']:.1f} | {s['p99_ms']:.1f} | "
          f"{s['max_ms']:.1f} | {miss} | {s['second_request_hit']}/{s['second_request_count']} | "
          f"{s['second_request_p50_ms']:.2f} | {s['gzip_bytes_median']:,} |")
print()
labels = {"auto": "PUT without a summary (the server computes one with HanLP)",
          "given": "PUT with the summary included (as the newsroom form sends it)"}
for mode, series in vis["series"].items():
    print(f"Publish-to-visible, {labels.get(mode, mode)}: PUT /api/v1/articles/{vis['article_id']} changes the title, "
          f"{vis['repeat']} edits, API auth {auth}; ms from the PUT's start; the PUT itself took "
          f"p50 {series['put_p50_ms']:.0f} ms, max {series['put_max_ms']:.0f} ms:")
    print()
    print("| page | path | p50 ms | max ms | shown by the first request after the PUT | cache status of that answer |")
    print("|---|---|---:|---:|---|---|")
    for name, s in series["visible"].items():
        print(f"| {name} | `{vis['pages'][name]}` | {s['p50_ms']:.0f} | {s['max_ms']:.0f} | "
              f"{s['first_poll_showed_it']}/{s['count']} | {s['cache']} |")
    if series["failures"]:
        print()
        print("Not visible in time: " + "; ".join(series["failures"]))
    print()
EOF
