#!/usr/bin/env bash
# Loads the bench site: 30 channels and 10,000 articles of classical Chinese poetry (npm chinese-poetry 2.0.1,
# converted to simplified characters with HanLP) through Dayuan's JSON API, into bench/work/data.
# Keeps the data folder for the other bench scripts; reuses it when it is already loaded.
#
# Usage: bench/load-site.sh [--articles N] [--threads N] [--java PATH] [--auth token|basic] [--force]
#   --auth: token (default) issues one personal API token with HTTP Basic and loads with it; basic sends the
#           admin password with every request (each one then costs a BCrypt check on the server)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_time_limit 3600 "$@"
bench_lock

ARTICLES=10000
THREADS=4
FORCE=""
AUTH=token
while [ $# -gt 0 ]; do
    case "$1" in
        --articles) ARTICLES="$2"; shift 2 ;;
        --threads) THREADS="$2"; shift 2 ;;
        --java) JAVA="$2"; shift 2 ;;
        --auth) AUTH="$2"; shift 2 ;;
        --force) FORCE=1; shift ;;
        *) die "unknown option $1" ;;
    esac
done
require_tools curl python3 npm
[ -n "$HANLP_JAR" ] || die "HanLP jar not found in ~/.m2 (com.hankcs:hanlp:portable-1.8.6); run mvn -B -q compile once"

if [ -z "$FORCE" ] && [ -f "$LOADED_MARKER" ] && [ -f "$MANIFEST" ]; then
    log "reusing the loaded site in $DATA: $(cat "$LOADED_MARKER")"
    exit 0
fi

rm -rf "$DATA" "$MANIFEST"
mkdir -p "$DATA"
start_dayuan "$JAVA" "$DATA" load-site
log "loading $ARTICLES articles with $THREADS client threads"
SUMMARY=$(python3 "$TOOLS/load_site.py" --work "$WORK" --port "$PORT" --password "$ADMIN_PASSWORD" \
    --articles "$ARTICLES" --threads "$THREADS" --auth "$AUTH" --java "$JAVA" --hanlp-jar "$HANLP_JAR")
stop_dayuan
python3 - "$SUMMARY" <<'EOF'
import json, sys
s = json.loads(sys.argv[1])
print(f"loaded {s['channels']} channels and {s['articles']} articles in {s['seconds']} s "
      f"({s['articlesPerSecond']} articles/s, {s['threads']} client threads, API auth {s['auth']}, "
      f"{s['retries']} retries)")
EOF
printf '%s\n' "$SUMMARY" >"$LOADED_MARKER"
du -sh "$DATA" | awk '{print "data folder: " $1}'
