#!/usr/bin/env python3
"""Edit on node A, visible on node B: for N edits of one article, the time from the moment A answered the PUT (the
change has committed) until B serves the new title on its cached article page, and the same from the moment the PUT
was sent. Before each edit B's page is read until it is a cache HIT, so every figure is for an evicted cached page.

Usage: edit_latency.py PORT_A PORT_B PASSWORD ARTICLE_ID EDITS
Prints one JSON object: {"after_commit_ms": [...], "after_request_ms": [...]}.
"""
import json
import sys
import time
import urllib.parse

from benchhttp import Client, monotonic_ms

port_a, port_b, password, article_id, edits = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
a = Client(int(port_a), password)
b = Client(int(port_b))
api_path = "/api/v1/articles/" + article_id

status, _, body = a.request("GET", api_path, headers={"Authorization": a.auth, "Accept": "application/json"})
if status != 200:
    sys.exit("GET %s on A answered %d" % (api_path, status))
article = json.loads(body)
page = urllib.parse.urlparse(article["url"]).path
after_commit, after_request = [], []
for i in range(edits):
    for _ in range(20):
        if b.get(page)[1].get("x-dayuan-cache") == "HIT":
            break
    else:
        sys.exit("node B does not cache " + page)
    title = "集群延迟测试第%d次修改" % i
    article["title"] = title
    sent = monotonic_ms()
    status, _, body = a.request("PUT", api_path, article, headers={"Accept": "application/json"})
    answered = monotonic_ms()
    if status != 200:
        sys.exit("PUT %s on A answered %d: %r" % (api_path, status, body[:300]))
    article = json.loads(body)
    while title not in b.get(page)[2].decode("utf-8"):
        if monotonic_ms() - sent > 10_000:
            sys.exit("node B still shows the old title 10 s after edit %d" % i)
        time.sleep(0.001)
    seen = monotonic_ms()
    after_commit.append(round(seen - answered, 1))
    after_request.append(round(seen - sent, 1))
    time.sleep(0.05)
print(json.dumps({"after_commit_ms": after_commit, "after_request_ms": after_request}))
