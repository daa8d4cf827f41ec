#!/usr/bin/env bash
# The static export served by nginx with docs/nginx-export.conf, as the README tells a newsroom to: exports the demo
# site (after renaming a top-level channel) from the command line, starts nginx with that very config (its paths and
# ports swapped for this machine's) and asserts, through HTTP, that
#   - pages come as Brotli to a browser that takes it, gzip to one that takes only gzip, plain to others, the same
#     bytes each time (the export's .br and .gz copies, served as they are);
#   - an unknown address answers 404 with the portal's 404 page;
#   - the renamed channel's old address answers 301 to its new one (nginx-redirects.map).
# Prints the sizes of the HTML, XML, CSS and JS files and of their copies.
#
# Usage: bench/export-nginx.sh    (needs nginx and Debian's libnginx-mod-http-brotli-static)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_time_limit 900 "$@"
bench_lock
require_tools curl python3 nginx
[ -e /usr/share/nginx/modules/ngx_http_brotli_static_module.so ] \
    || die "nginx's Brotli module is missing: apt-get install -y libnginx-mod-http-brotli-static"

OUT="$RESULTS/export-nginx-$(date +%Y%m%d-%H%M%S)"
DATA_DIR="$WORK/export-nginx-data"
SITE="$WORK/export-nginx-site"
ADDRESS="http://www.example.cn"
mkdir -p "$OUT"
rm -rf "$DATA_DIR" "$SITE" "$WORK/.export-nginx-site.releases"

start_dayuan java "$DATA_DIR" export-nginx --dayuan.demo=true --dayuan.base-url="$ADDRESS"
python3 - "$BASE" "$ADMIN_PASSWORD" "$TOOLS" >"$OUT/renamed" <<'PY'
import sys
base, password, tools = sys.argv[1:]
sys.path.insert(0, tools)
from demo_api import DemoApi
api = DemoApi(base, password)
call = api.call
api.wait_for_demo()
channel = next(c for c in call("GET", "/api/v1/channels") if not c["parent"])
renamed = call("PUT", f"/api/v1/channels/{channel['id']}", {"name": channel["name"], "slug": channel["slug"] + "-new",
               "description": channel["description"], "sortOrder": channel["sortOrder"]})
print(channel["path"], renamed["path"])
PY
stop_dayuan
read -r OLD NEW <"$OUT/renamed"
log "renamed channel /$OLD/ to /$NEW/; exporting"
"$JAVA" -jar "$JAR" export --to "$SITE" --dayuan.data-dir="$DATA_DIR" --dayuan.base-url="$ADDRESS" \
    >"$OUT/export.log" 2>&1 || { tail -20 "$OUT/export.log"; die "export failed"; }
grep -v "^20[0-9][0-9]-" "$OUT/export.log" | tail -1 | tee -a "$OUT/summary"

# docs/nginx-export.conf as it is, with this machine's folder and ports, inside a minimal nginx.conf
mkdir -p "$NGINX_DIR/tmp"
sed -e "s|/var/www/dayuan|$SITE|g" -e "s|listen 80;|listen 127.0.0.1:$NGINX_PORT;|" \
    -e "s|http://127.0.0.1:8080|http://127.0.0.1:$PORT|g" "$ROOT/docs/nginx-export.conf" >"$NGINX_DIR/site.conf"
cat >"$NGINX_DIR/nginx.conf" <<CONF
load_module /usr/share/nginx/modules/ngx_http_brotli_static_module.so;
worker_processes 1;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log warn;
user root;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path $NGINX_DIR/tmp/body;
    proxy_temp_path $NGINX_DIR/tmp/proxy;
    fastcgi_temp_path $NGINX_DIR/tmp/fastcgi;
    uwsgi_temp_path $NGINX_DIR/tmp/uwsgi;
    scgi_temp_path $NGINX_DIR/tmp/scgi;
    include $NGINX_DIR/site.conf;
}
CONF
port_free "$NGINX_PORT" || die "port $NGINX_PORT is in use"
nginx -t -q -c "$NGINX_DIR/nginx.conf" -p "$NGINX_DIR" || die "docs/nginx-export.conf does not load"
nginx -c "$NGINX_DIR/nginx.conf" -p "$NGINX_DIR"
NGINX_STARTED=1
for i in $(seq 1 50); do port_free "$NGINX_PORT" || break; sleep 0.1; done

python3 - "http://127.0.0.1:$NGINX_PORT" "$SITE" "$OLD" "$NEW" "$ADDRESS" <<'PY' | tee -a "$OUT/summary"
import gzip, os, sys, urllib.error, urllib.request
base, site, old, new, address = sys.argv[1:]
class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None
opener = urllib.request.build_opener(NoRedirects)
def get(path, encoding=None):
    headers = {"Accept-Encoding": encoding} if encoding else {}
    try:
        with opener.open(urllib.request.Request(base + path, headers=headers)) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()
failures = []
def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)
article = next(os.path.relpath(os.path.join(d, f), site) for d, _, fs in sorted(os.walk(os.path.join(site, new)))
               for f in sorted(fs) if f[0].isdigit() and f.endswith(".html"))
for path, file in [("/", "index.html"), (f"/{new}/", f"{new}/index.html"), ("/" + article, article),
                   ("/feed.xml", "feed.xml"), ("/assets/portal.css", "assets/portal.css")]:
    plain = open(os.path.join(site, file), "rb").read()
    status, headers, body = get(path, "gzip, deflate, br")
    check(status == 200 and headers.get("Content-Encoding") == "br"
          and body == open(os.path.join(site, file + ".br"), "rb").read(), f"{path}: Brotli copy to a browser that takes br")
    status, headers, body = get(path, "gzip")
    check(status == 200 and headers.get("Content-Encoding") == "gzip" and gzip.decompress(body) == plain,
          f"{path}: gzip copy, the page's bytes once unpacked")
    status, headers, body = get(path)
    check(status == 200 and headers.get("Content-Encoding") is None and body == plain, f"{path}: plain to others")
status, headers, body = get("/no-such-page/", "gzip")
check(status == 404 and gzip.decompress(body) == open(os.path.join(site, "404.html"), "rb").read(),
      "/no-such-page/: 404 with the portal's 404 page")
status, headers, body = get(f"/{old}/")
check(status == 301 and headers.get("Location", "").endswith(f"/{new}/"), f"/{old}/: 301 to /{new}/ ({headers.get('Location')})")
status, headers, body = get("/" + article.replace(new + "/", old + "/", 1))
check(status == 301 and headers.get("Location", "").endswith("/" + article), "an article's old address: 301 to its new one")
sizes = {"": 0, ".gz": 0, ".br": 0}
files = 0
for d, _, fs in os.walk(site):
    for f in fs:
        if f.rsplit(".", 1)[-1] in ("html", "xml", "css", "js", "txt") and not f.startswith("."):
            files += 1
            for suffix in sizes:
                if os.path.exists(os.path.join(d, f + suffix)):
                    sizes[suffix] += os.path.getsize(os.path.join(d, f + suffix))
print(f"{files} text files: {sizes[''] / 1e6:.2f} MB, gzip copies {sizes['.gz'] / 1e6:.2f} MB "
      f"({100 * sizes['.gz'] / sizes['']:.0f} %), Brotli copies {sizes['.br'] / 1e6:.2f} MB ({100 * sizes['.br'] / sizes['']:.0f} %)")
sys.exit(1 if failures else 0)
PY
