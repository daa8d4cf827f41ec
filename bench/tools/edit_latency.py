#!/usr/bin/env python3
"""Edit on node A, visible on node B: for N edits of one article, the time from the moment A answered the PUT (the
change has committed) until B serves the new title on its cached article page, and the same from the moment the PUT
was sent. Before each edit B's page is read until it is a cache HIT, so every figure is for an evicted cached page.

Usage: edit_latency.py BASE_A BASE_B PASSWORD ARTICLE_ID EDITS
Prints one JSON object: {"after_commit_ms": [...], "after_request_ms": [...]}.
"""
import base64
import json
import sys
import time
import urllib.request

base_a, base_b, password, article_id, edits = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
auth = "Basic " + base64.b64encode(("admin:" + password).encode()).decode()


def api(method, path, body=None):
    request = urllib.request.Request(base_a + path, method=method, data=None if body is None else
                                     json.dumps(body, ensure_ascii=False).encode("utf-8"))
    request.add_header("Authorization", auth)
    request.add_header("Accept", "application/json")
    if body is not None:
        request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read().decode("utf-8"))


def page(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.headers.get("X-Dayuan-Cache"), response.read().decode("utf-8")


article = api("GET", "/api/v1/articles/" + article_id)
path = urllib.request.urlparse(article["url"]).path
after_commit, after_request = [], []
for i in range(edits):
    for _ in range(20):
        if page(base_b + path)[0] == "HIT":
            break
    else:
        sys.exit("node B does not cache " + path)
    title = "集群延迟测试第%d次修改" % i
    article["title"] = title
    sent = time.perf_counter()
    article = api("PUT", "/api/v1/articles/" + article_id, article)
    answered = time.perf_counter()
    while title not in page(base_b + path)[1]:
        if time.perf_counter() - sent > 10:
            sys.exit("node B still shows the old title 10 s after edit %d" % i)
        time.sleep(0.001)
    seen = time.perf_counter()
    after_commit.append(round((seen - answered) * 1000, 1))
    after_request.append(round((seen - sent) * 1000, 1))
    time.sleep(0.05)
print(json.dumps({"after_commit_ms": after_commit, "after_request_ms": after_request}))
