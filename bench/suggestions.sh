#!/usr/bin/env bash
# Keyword suggestions (提取建议, POST /api/v1/suggestions) on text nobody tuned them for: every demo article, the
# seed page's article (../shared/seed when present). Prints
# each text's title with its suggestions, and one figure of how generic they are: the share of suggestions that
# are suggested for more than a quarter of the texts of a corpus (a word that fits a quarter of all articles
# describes none of them). Runs on an empty data folder with the demo content.
#
# Usage: bench/suggestions.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_time_limit 900 "$@"
bench_lock
require_tools curl python3

OUT="$RESULTS/suggestions-$(date +%Y%m%d-%H%M%S)"
DATA_DIR="$WORK/suggestions-data"
mkdir -p "$OUT"
rm -rf "$DATA_DIR"
start_dayuan java "$DATA_DIR" suggestions --dayuan.demo=true
python3 - "$BASE" "$ADMIN_PASSWORD" "$ROOT/../shared/seed" "$TOOLS" <<'PY' | tee "$OUT/suggestions.md"
import collections, glob, os, re, sys
base, password, seed_dir, tools = sys.argv[1:]
sys.path.insert(0, tools)
from demo_api import DemoApi
api = DemoApi(base, password)
call = api.call
corpora = collections.OrderedDict()
api.wait_for_demo()
demo = []
page = 1
while True:
    items = call("GET", f"/api/v1/articles?page={page}&size=50")
    items = items["items"]
    if not items:
        break
    for item in items:
        demo.append((item["title"], call("GET", f"/api/v1/articles/{item['id']}")["body"]))
    page += 1
corpora["demo articles"] = demo
seed = []
for path in sorted(glob.glob(os.path.join(seed_dir, "*.txt"))):
    text = open(path, encoding="utf-8").read()
    seed.append((os.path.basename(path), text))
if seed:
    corpora["seed page"] = seed
for name, texts in corpora.items():
    suggested = [(title, call("POST", "/api/v1/suggestions", {"body": body})["tags"]) for title, body in texts]
    counts = collections.Counter(word for _, words in suggested for word in set(words))
    generic = {w for w, n in counts.items() if len(texts) >= 8 and n > len(texts) / 4}
    total = sum(len(words) for _, words in suggested)
    print(f"## {name}: {len(texts)} texts, {total} suggestions")
    print(f"generic (suggested for more than a quarter of the texts): {len(generic)} words, "
          f"{sum(n for w, n in counts.items() if w in generic)} of {total} suggestions"
          + (f" ({', '.join(sorted(generic))})" if generic else ""))
    print()
    print("| text | suggestions |")
    print("|---|---|")
    for title, words in suggested:
        print(f"| {title[:30]} | {'、'.join(words)} |")
    print()
PY
stop_dayuan
log "results in $OUT"
