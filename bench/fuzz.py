#!/usr/bin/env python3
"""Bounded fuzz of a running Dayuan: random and malformed requests against every public address and the API
(with credentials), counting 5xx answers. A 5xx is a bug; everything else (4xx, empty results) is fine.

    python3 bench/fuzz.py --base http://127.0.0.1:18411 --password ADMIN_PASSWORD --requests 5000 [--seed 1]

Run it against a throw-away data folder: with the admin's credentials it posts, changes and deletes content.
It never sends a wrong password (that would lock its own address out of the API) and leaves the admin's own
account alone. Exit status 1 when any answer was a 5xx; the first ones are printed with what was sent.
"""
import argparse
import base64
import http.client
import json
import random
import re
import sys
import time
import urllib.parse

HOSTILE = ["'", "\"", "' OR 1=1--", "1 OR 1=1", "1; DROP TABLE article;--", "admin'--", "../../etc/passwd",
           "..\\..\\windows\\win.ini", "%00", "%2e%2e%2f", "%2e%2e/", "..%2f..%2f", "<script>alert(1)</script>",
           "${7*7}", "{{7*7}}", "#{7*7}", "%", "%zz", "%FF", "%ff%fe", "%C0%AE", "%u0000", "\u0000", "-1", "0",
           "2147483647", "2147483648", "-2147483648", "9223372036854775807", "99999999999999999999", "1e309",
           "NaN", "[]", "{}", "null", "true", "A" * 5000, "中" * 3000, "\ud800", "\ufffe", "\u0001\u000b",
           "😀", "?", "#", "&", "=", ";", "/", "//", "\\", " ", "+", "%20", "%0d%0aX-Injected: 1", "javascript:1"]
PARAMS = ["q", "page", "size", "channel", "status", "author", "id", "categoryId", "sort", "from", "to", "tag",
          "article", "error", "logout", "expired", "_csrf"]
CONTENT_TYPES = [None, "application/json", "application/json; charset=utf-8", "application/x-www-form-urlencoded",
                 "text/plain", "multipart/form-data; boundary=x", "application/xml", "*/*", "application/json;;",
                 "garbage", "application/merge-patch+json"]


def encode(text, raw_chance=0.2):
    """Percent-encode, or (sometimes) pass through as written, for strings that are already escapes."""
    if random.random() < raw_chance and all(32 < ord(c) < 127 for c in text):
        return text
    return urllib.parse.quote(text.encode("utf-8", "surrogatepass"), safe="%" if random.random() < 0.5 else "")


class Client:
    def __init__(self, base, auth):
        url = urllib.parse.urlsplit(base)
        self.host, self.port = url.hostname, url.port or 80
        self.auth = auth
        self.conn = None

    def send(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        for attempt in range(3):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
                if response.getheader("Connection", "").lower() == "close":
                    self.conn.close()
                    self.conn = None
                return response.status, data
            except (http.client.HTTPException, OSError):
                if self.conn:
                    self.conn.close()
                self.conn = None
                time.sleep(0.05)
        return 599, b"connection failed"


def discover(client):
    """Addresses of real pages and ids, from the sitemap and the API."""
    pages, ids = ["/", "/about.html", "/copyright.html", "/nav/", "/nav", "/feed.xml", "/sitemap.xml", "/robots.txt",
                  "/admin/login", "/search", "/no-such-page.html"], []
    status, body = client.send("GET", "/sitemap.xml")
    if status == 200:
        for loc in re.findall(r"<loc>([^<]+)</loc>", body.decode("utf-8", "replace"))[:300]:
            pages.append(urllib.parse.urlsplit(loc).path)
    status, body = client.send("GET", "/api/v1/articles?size=100", headers={"Authorization": client.auth})
    if status == 200:
        ids = [item["id"] for item in json.loads(body).get("items", json.loads(body).get("content", []))
               if isinstance(item, dict) and "id" in item]
    channels = [p for p in pages if p.endswith("/") and p.count("/") >= 2 and not p.startswith("/tag/")]
    for channel in channels[:20]:
        pages += [channel + "feed.xml", channel + "index_2.html", channel + "index_2147483647.html"]
    return pages, ids or [1, 2, 3]


def api_paths(ids, admin_id):
    some = lambda: str(random.choice(ids + [0, -1, 999999999]))
    return [
        ("GET", "/api/v1/articles"), ("POST", "/api/v1/articles"), ("GET", f"/api/v1/articles/{some()}"),
        ("PUT", f"/api/v1/articles/{some()}"), ("DELETE", f"/api/v1/articles/{some()}"),
        ("POST", f"/api/v1/articles/{some()}/publish"), ("POST", f"/api/v1/articles/{some()}/unpublish"),
        ("POST", f"/api/v1/articles/{some()}/submit"), ("POST", "/api/v1/suggestions"),
        ("GET", "/api/v1/channels"), ("POST", "/api/v1/channels"), ("GET", f"/api/v1/channels/{some()}"),
        ("PUT", f"/api/v1/channels/{some()}"), ("DELETE", f"/api/v1/channels/{some()}"),
        ("GET", "/api/v1/directory"), ("GET", "/api/v1/categories"), ("POST", "/api/v1/categories"),
        ("PUT", f"/api/v1/categories/{some()}"), ("DELETE", f"/api/v1/categories/{some()}"),
        ("GET", "/api/v1/links"), ("POST", "/api/v1/links"), ("PUT", f"/api/v1/links/{some()}"),
        ("DELETE", f"/api/v1/links/{some()}"), ("GET", "/api/v1/settings"), ("PUT", "/api/v1/settings"),
        ("GET", "/api/v1/accounts"), ("POST", "/api/v1/accounts"), ("GET", "/api/v1/me"),
        ("GET", "/api/v1/tokens"), ("POST", "/api/v1/tokens"), ("DELETE", f"/api/v1/tokens/{some()}"),
        ("GET", f"/api/v1/accounts/{some()}"), ("GET", "/api/v1/no-such-thing"),
        ("GET", "/api/v1/captcha"), ("GET", f"/api/v1/articles/{some()}/comments"),
        ("POST", f"/api/v1/articles/{some()}/comments"), ("POST", f"/api/v1/articles/{some()}/like"),
        ("GET", f"/api/v1/articles/{some()}/counters"), ("GET", "/api/v1/comments"),
        ("POST", f"/api/v1/comments/{some()}/approve"), ("POST", f"/api/v1/comments/{some()}/reject"),
        ("POST", f"/api/v1/comments/{some()}/spam"), ("DELETE", f"/api/v1/comments/{some()}"),
        ("POST", "/api/v1/comments/bulk"), ("POST", "/api/v1/reports"), ("GET", "/api/v1/reports"),
        ("GET", "/api/v1/reports/JB20261202-ABCDEFGH"), ("POST", f"/api/v1/reports/{some()}/start"),
        ("POST", f"/api/v1/reports/{some()}/resolve"), ("POST", f"/api/v1/reports/{some()}/withdraw"),
    ] + ([("PUT", f"/api/v1/accounts/{random.choice(ids)}")] if admin_id is None else [])


def random_body():
    kind = random.random()
    value = random.choice(HOSTILE)
    if kind < 0.4:
        doc = {random.choice(["title", "name", "slug", "body", "channel", "tags", "status", "summary", "url",
                              "content", "captchaId", "captchaAnswer", "replyTo", "kind", "description", "comment",
                              "ids", "action", "note", "contact",
                              "categoryId", "parent", "shortName", "siteUrl", "publishedAt", "sortOrder", "role",
                              "username", "password", "author", "coverImage"]): random.choice(
            [value, 1, -1, 2 ** 63, None, [value], {"x": value}, True, 1.5e308])
            for _ in range(random.randint(1, 6))}
        return json.dumps(doc, ensure_ascii=random.random() < 0.5).encode("utf-8", "surrogatepass")
    if kind < 0.55:
        return random.choice([b"{", b"[", b"{\"title\":", b"null", b"\"x\"", b"{\"title\": 1e999999}",
                              b"\xff\xfe\x00", b"{\"a\":\"\\ud800\"}", b"{\"tags\":\"x\"}", b"[]" * 1000])
    if kind < 0.75:
        return ("a=%zz&b=%&" + random.choice(PARAMS) + "=" + encode(value)).encode("utf-8", "surrogatepass")
    if kind < 0.85:
        return bytes(random.getrandbits(8) for _ in range(random.randint(1, 400)))
    return None


def fuzz_path(path):
    """A real address, sometimes with a hostile segment put in or on, and a hostile query string."""
    if random.random() < 0.3:
        segments = path.split("/")
        index = random.randrange(1, max(2, len(segments)))
        segments[min(index, len(segments) - 1)] = encode(random.choice(HOSTILE), 0.5)
        path = "/".join(segments)
    elif random.random() < 0.15:
        path = path.rstrip("/") + "/" + encode(random.choice(HOSTILE), 0.5)
    path = "".join(c if 32 < ord(c) < 127 else urllib.parse.quote(c.encode("utf-8", "surrogatepass"), safe="")
                   for c in path)
    if random.random() < 0.6:
        query = "&".join(random.choice(PARAMS) + "=" + encode(random.choice(HOSTILE))
                         for _ in range(random.randint(1, 3)))
        path += "?" + query
    return path


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:18411")
    parser.add_argument("--user", default="admin")
    parser.add_argument("--password", required=True)
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    random.seed(args.seed)
    auth = "Basic " + base64.b64encode(f"{args.user}:{args.password}".encode()).decode()
    client = Client(args.base, auth)
    pages, ids = discover(client)
    status, body = client.send("GET", "/api/v1/me", headers={"Authorization": auth})
    admin_id = json.loads(body).get("id") if status == 200 else None
    counts, failures, started = {}, [], time.time()
    for i in range(args.requests):
        headers = {"User-Agent": random.choice(["Mozilla/5.0 fuzz", "curl/8", "Baiduspider", ""])}
        if random.random() < 0.45:
            method, path = random.choice(api_paths(ids, admin_id))
            if random.random() < 0.1:
                method = random.choice(["PATCH", "HEAD", "OPTIONS", "TRACE", "POST", "DELETE"])
            if random.random() < 0.9:
                headers["Authorization"] = auth
        else:
            path = random.choice(pages + [f"/counter/{random.choice(ids)}/view", f"/counter/{random.choice(ids)}/like",
                                          "/counter/0/view", "/admin/login", "/admin/logout", "/error",
                                          "/captcha.png", f"/comment/{random.choice(ids)}", "/jubao/",
                                          "/jubao/case?number=JB20261202-ABCDEFGH"])
            method = random.choice(["GET"] * 6 + ["HEAD", "POST", "PUT", "DELETE", "OPTIONS"])
        path = fuzz_path(path)
        body = random_body() if method in ("POST", "PUT", "PATCH", "DELETE") and random.random() < 0.8 else None
        content_type = random.choice(CONTENT_TYPES)
        if content_type:
            headers["Content-Type"] = content_type
        if random.random() < 0.1:
            headers["Origin"] = random.choice(["https://evil.example", "null", args.base])
        if random.random() < 0.05:
            headers["X-Forwarded-For"] = random.choice(HOSTILE[:12]).encode("ascii", "ignore").decode()
        if random.random() < 0.05:
            headers["Accept"] = random.choice(["application/json", "text/html", "*/*", "garbage/;;", "image/png"])
        headers = {k: v for k, v in headers.items() if v}
        status, data = client.send(method, path, body, headers)
        counts[status] = counts.get(status, 0) + 1
        if 500 <= status < 599:
            failures.append((status, method, path[:200], headers.get("Content-Type"), (body or b"")[:120],
                             data[:200]))
    seconds = time.time() - started
    fives = sum(n for s, n in counts.items() if 500 <= s < 599)
    print(f"fuzz: {args.requests} requests in {seconds:.1f} s (seed {args.seed}), {fives} answered 5xx, "
          f"{counts.get(599, 0)} connections closed without an answer (Jetty drops request lines over its "
          f"header limit); by status (599 = no answer): {dict(sorted(counts.items()))}")
    for failure in failures[:20]:
        print("  5xx:", failure)
    sys.exit(1 if fives else 0)


if __name__ == "__main__":
    main()
