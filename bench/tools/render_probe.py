"""Cold render time and publish-to-visible latency against a running Dayuan (bench/render.sh runs it).

cold:    requests distinct, never-requested article, channel and tag pages once each, one at a time over a
         kept-alive connection, after a JIT warm-up on other pages; reports mean/p50/p99 ms per page type and
         checks every measured answer was a cache MISS (and that a second request is a HIT).
visible: edits the newest article's title with PUT /api/v1/articles/{id}, then polls its article page, channel
         page, the home page and the feed (one connection each, in parallel) until each shows the new title;
         reports ms from the start of the PUT. Two series: the PUT without a summary (the server then makes one
         with HanLP's TextRank, as for any API client that leaves it out) and with the summary the newsroom form
         would send back. Restores the original title at the end.
edit:    prefixes the newest article's title with --token, or restores it without --token.
"""
import argparse
import collections
import json
import math
import os
import random
import re
import sys
import threading
import time
from urllib.parse import quote, urlparse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchhttp import Client, api_authorization, percentile, read_manifest  # noqa: E402

LIST_PAGE_SIZE = 20


def list_pages(entries):
    """Every channel list page and every tag list page the site should have."""
    per_channel = collections.Counter()
    per_tag = collections.Counter()
    for e in entries:
        parts = e["payload"]["channel"].split("/")
        for i in range(1, len(parts) + 1):
            per_channel["/".join(parts[:i])] += 1
        for tag in e["payload"]["tags"]:
            per_tag[tag] += 1
    channel_pages = []
    for path, count in per_channel.items():
        channel_pages.append(f"/{path}/")
        channel_pages += [f"/{path}/index_{n}.html" for n in range(2, math.ceil(count / LIST_PAGE_SIZE) + 1)]
    tag_pages = []
    for tag, count in per_tag.items():
        tag_pages.append(f"/tag/{quote(tag)}/")
        tag_pages += [f"/tag/{quote(tag)}/index_{n}.html" for n in range(2, math.ceil(count / LIST_PAGE_SIZE) + 1)]
    return channel_pages, tag_pages


def article_path(entry):
    return urlparse(entry["url"]).path


def timed_get(client, path):
    start = time.perf_counter()
    status, headers, body = client.get(path, gzip=True)
    return (time.perf_counter() - start) * 1000, status, headers.get("x-dayuan-cache", "absent"), len(body)


def cold(args):
    entries = read_manifest(args.manifest)
    rnd = random.Random(args.seed)
    articles = [article_path(e) for e in entries]
    rnd.shuffle(articles)
    channel_pages, tag_pages = list_pages(entries)
    rnd.shuffle(channel_pages)
    rnd.shuffle(tag_pages)
    client = Client(args.port)

    warm = articles[:args.warm] + channel_pages[:args.warm // 3]
    warm_done = 0
    deadline = time.monotonic() + args.budget / 2
    for path in warm:
        client.get(path, gzip=True)
        warm_done += 1
        if time.monotonic() > deadline:
            break
    plan = {
        "article": articles[args.warm:args.warm + args.articles],
        "channel": channel_pages[args.warm // 3:args.warm // 3 + args.channels],
        "tag": tag_pages[:args.tags],
    }
    report = {"warmup_pages": warm_done, "budget_seconds": args.budget, "types": {}}
    for page_type, paths in plan.items():
        times, statuses, not_miss, sizes = [], collections.Counter(), [], []
        deadline = time.monotonic() + args.budget
        requested = 0
        for path in paths:
            if time.monotonic() > deadline:
                break
            requested += 1
            ms, status, cache, size = timed_get(client, path)
            statuses[status] += 1
            if status != 200:
                continue
            if cache != "MISS":
                not_miss.append(f"{path} {cache}")
                continue
            times.append(ms)
            sizes.append(size)
        hits = []
        for path in paths[:min(20, requested)]:
            ms, status, cache, _ = timed_get(client, path)
            if status == 200:
                hits.append((ms, cache))
        report["types"][page_type] = {
            "requested": requested,
            "planned": len(paths),
            "measured": len(times),
            "status": dict(statuses),
            "not_miss": not_miss[:5],
            "not_miss_count": len(not_miss),
            "mean_ms": sum(times) / len(times) if times else float("nan"),
            "p50_ms": percentile(times, 50),
            "p99_ms": percentile(times, 99),
            "max_ms": max(times) if times else float("nan"),
            "gzip_bytes_median": percentile(sizes, 50),
            "second_request_hit": sum(1 for _, c in hits if c == "HIT"),
            "second_request_count": len(hits),
            "second_request_p50_ms": percentile([ms for ms, _ in hits], 50),
        }
    print(json.dumps(report, ensure_ascii=False))


def visible(args):
    entries = read_manifest(args.manifest)
    newest = max(entries, key=lambda e: e["payload"]["publishedAt"])
    pages = {
        "article": article_path(newest),
        "channel": f"/{newest['payload']['channel']}/",
        "home": "/",
        "feed": "/feed.xml",
    }
    api = Client(args.port, authorization=api_authorization(args.port, args.password, args.auth))
    pollers = {name: Client(args.port) for name in pages}
    for name, path in pages.items():  # open the connections and make sure the pages are cached before editing
        for _ in range(2):
            status, _, _ = pollers[name].get(path, gzip=True)
        if status != 200:
            raise SystemExit(f"{path} answered HTTP {status}")
    report = {"article_id": newest["id"], "auth": args.auth, "pages": pages, "repeat": args.repeat, "series": {}}
    for mode in args.summary.split(","):
        payload = dict(newest["payload"])
        if mode == "given":
            # What the newsroom form sends back: the summary it already has, so none is computed on save.
            text = re.sub(r"<[^>]+>", "", payload["body"])
            payload["summary"] = text[:100] + "…"
        report["series"][mode] = edit_series(args, api, pollers, pages, newest["id"], payload)
    print(json.dumps(report, ensure_ascii=False))


def edit_series(args, api, pollers, pages, article_id, payload):
    """args.repeat title edits; for each, ms from the PUT's start until each page shows the new title."""
    original_title = payload["title"]
    results = collections.defaultdict(list)
    put_ms, failures = [], []
    run = f"{int(time.time()) % 100000:05d}"
    for i in range(args.repeat):
        token = f"R{run}N{i:02d}"
        payload["title"] = f"【{token}】{original_title}"[:200]
        go = threading.Event()
        start_box = {}

        def poll(name, path):
            client = pollers[name]
            go.wait()
            t0 = start_box["t0"]
            polls = 0
            while True:
                status, headers, body = client.get(path)
                polls += 1
                now = time.perf_counter()
                if status == 200 and token.encode() in body:
                    results[name].append({"ms": (now - t0) * 1000, "polls": polls,
                                          "cache": headers.get("x-dayuan-cache", "absent")})
                    return
                if now - t0 > args.timeout:
                    failures.append(f"{name}: not visible after {args.timeout} s (edit {i})")
                    return

        threads = [threading.Thread(target=poll, args=(name, path)) for name, path in pages.items()]
        for t in threads:
            t.start()
        t0 = time.perf_counter()
        start_box["t0"] = t0
        status, _, body = api.request("PUT", f"/api/v1/articles/{article_id}", payload)
        put_ms.append((time.perf_counter() - t0) * 1000)
        go.set()
        if not 200 <= status < 300:
            raise SystemExit(f"PUT answered HTTP {status}: {body[:300]!r}")
        for t in threads:
            t.join()
        time.sleep(args.pause)

    payload["title"] = original_title
    status, _, body = api.request("PUT", f"/api/v1/articles/{article_id}", payload)
    if not 200 <= status < 300:
        raise SystemExit(f"restoring the title failed: HTTP {status} {body[:300]!r}")
    series = {"failures": failures, "put_p50_ms": percentile(put_ms, 50), "put_max_ms": max(put_ms), "visible": {}}
    for name in pages:
        values = [r["ms"] for r in results[name]]
        series["visible"][name] = {
            "count": len(values),
            "p50_ms": percentile(values, 50),
            "max_ms": max(values) if values else float("nan"),
            "first_poll_showed_it": sum(1 for r in results[name] if r["polls"] == 1),
            "cache": dict(collections.Counter(r["cache"] for r in results[name])),
        }
    return series


def pick(entries, which):
    """newest: the most recently published article (on the home page, page 1 of its lists, the feeds and, while
    no article has views, in every page's 最多阅读 sidebar); middle: the one published at the median time."""
    ordered = sorted(entries, key=lambda e: e["payload"]["publishedAt"])
    return ordered[-1] if which == "newest" else ordered[len(ordered) // 2]


def edit(args):
    """Prefixes an article's title with a token (or restores it): the one-edit change for export.sh."""
    entries = read_manifest(args.manifest)
    newest = pick(entries, args.which)
    payload = dict(newest["payload"])
    if args.token:
        payload["title"] = f"【{args.token}】{payload['title']}"[:200]
    api = Client(args.port, authorization=api_authorization(args.port, args.password, args.auth))
    status, _, body = api.request("PUT", f"/api/v1/articles/{newest['id']}", payload)
    if not 200 <= status < 300:
        raise SystemExit(f"PUT answered HTTP {status}: {body[:300]!r}")
    print(article_path(newest))


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("cold")
    c.add_argument("--articles", type=int, default=500)
    c.add_argument("--channels", type=int, default=200)
    c.add_argument("--tags", type=int, default=100)
    c.add_argument("--warm", type=int, default=300)
    c.add_argument("--budget", type=float, default=150,
                   help="seconds at most per page type (and half of it for the warm-up)")
    c.add_argument("--seed", type=int, default=7)
    v = sub.add_parser("visible")
    v.add_argument("--password", required=True)
    v.add_argument("--repeat", type=int, default=20)
    v.add_argument("--timeout", type=float, default=15.0)
    v.add_argument("--pause", type=float, default=0.2)
    v.add_argument("--summary", default="auto,given",
                   help="auto: the PUT leaves the summary out (the server computes one with HanLP); "
                        "given: the PUT carries a summary")
    e = sub.add_parser("edit")
    e.add_argument("--password", required=True)
    e.add_argument("--token", help="prefix for the title; without it the original title is restored")
    e.add_argument("--which", choices=["newest", "middle"], default="newest")
    for p in (v, e):
        p.add_argument("--auth", choices=["token", "basic"], default="token")
    for p in (c, v, e):
        p.add_argument("--manifest", required=True)
        p.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    {"cold": cold, "visible": visible, "edit": edit}[args.command](args)


if __name__ == "__main__":
    main()
