"""Presses the newsroom's 开始导出 button (POST /admin/export) as admin and reports what the export did.

Signs in through the login form (with its CSRF token), posts the export form, which starts the export in the
background, and follows it on /admin/export/status as the page does until it is over. Prints one JSON line: post
(seconds until the button's answer arrived), seconds (client-side, until the export was over), and the counts and
seconds that the export page then shows, or the error it shows.
Usage: newsroom_export.py PORT PASSWORD
"""
import http.cookiejar
import json
import re
import sys
import time
import urllib.parse
import urllib.request


def csrf_of(html):
    tag = re.search(r'<input[^>]*name="(_csrf)"[^>]*value="([^"]+)"', html) \
        or re.search(r'<input[^>]*value="([^"]+)"[^>]*name="(_csrf)"', html)
    if not tag:
        raise SystemExit("no CSRF field in the form")
    return tag.group(2) if tag.group(1) == "_csrf" else tag.group(1)


def main():
    port, password = int(sys.argv[1]), sys.argv[2]
    base = f"http://127.0.0.1:{port}"
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(path):
        with opener.open(base + path, timeout=60) as r:
            return r.read().decode("utf-8")

    def post(path, fields):
        data = urllib.parse.urlencode(fields).encode()
        with opener.open(urllib.request.Request(base + path, data=data), timeout=600) as r:
            return r.geturl(), r.read().decode("utf-8")

    login = get("/admin/login")
    url, _ = post("/admin/login", {"username": "admin", "password": password, "_csrf": csrf_of(login)})
    if "/admin/login" in url:
        raise SystemExit(f"signing in failed (ended at {url})")
    form = get("/admin/export")
    before = json.loads(get("/admin/export/status")).get("lastFinished")
    started = time.perf_counter()
    _, page = post("/admin/export", {"_csrf": csrf_of(form)})
    result = {"post": round(time.perf_counter() - started, 3)}
    error = re.search(r'class="alert alert-error"[^>]*>\s*([^<\s][^<]*)<', page)
    if not error:
        while True:
            status = json.loads(get("/admin/export/status"))
            if not status.get("running") and status.get("lastFinished") != before:
                break
            time.sleep(0.05)
        result["seconds"] = round(time.perf_counter() - started, 3)
        page = get("/admin/export")
        error = re.search(r'id="export-error">([^<]+)<', page)
    if error:
        result["error"] = error.group(1).strip().removeprefix("导出失败：")[:300]
    for name in ("written", "unchanged", "deleted", "skipped", "rendered", "files"):
        found = re.search(rf'id="{name}">(\d+)<', page)
        result[name] = int(found.group(1)) if found else None
    own = re.search(r"用时 ([0-9.]+) 秒", page)
    result["export_seconds"] = float(own.group(1)) if own else None
    print(json.dumps(result))


if __name__ == "__main__":
    main()
