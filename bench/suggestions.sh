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
python3 - "$BASE" "$ADMIN_PASSWORD" "$ROOT/../shared/seed" <<'PY' | tee "$OUT/suggestions.md"
import base64, collections, glob, json, os, re, sys, urllib.request
base, password, seed_dir = sys.argv[1:]
auth = "Basic " + base64.b64encode(f"admin:{password}".encode()).decode()
def call(method, path, body=None):
    req = urllib.request.Request(base + path, method=method, headers={"Authorization": auth,
          "Content-Type": "application/json"}, data=None if body is None else json.dumps(body).encode())
    with urllib.request.urlopen(req) as r:
        return json.loads(r.read())
corpora = collections.OrderedDict()
import time
seen = []
for _ in range(600):  # the demo content is being loaded while the portal is already up: wait until it stops growing
    seen.append(call("GET", "/api/v1/articles?page=1&size=1")["totalItems"])
    if len(seen) >= 5 and seen[-1] > 0 and len(set(seen[-5:])) == 1:
        break
    time.sleep(1)
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
