"""Writes a Hugo site with the same articles, channels and tags as the loaded Dayuan site (bench/export.sh).

Same URLs as Dayuan for articles (/{channel path}/{id}.html) and channels (/{channel path}/), templates of the
same shape: every page has the header with the channel menu and the footer; an article page has breadcrumbs,
title, byline (time, source, author, editor), body and tags; every page has a sidebar of the newest articles
(Dayuan's article pages also list related articles; Hugo's .Related made its build many times slower here, so the
Hugo side leaves it out and is the lighter of the two); channel and tag pages list 20 articles a page with summaries and a pager; the home page lists
the newest articles and each top channel's newest five.
Usage: hugo_site.py MANIFEST SITE_DIR [--edit newest|middle TOKEN]
"""
import argparse
import json
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchhttp import read_manifest  # noqa: E402
from load_site import CHANNELS  # noqa: E402
from render_probe import pick  # noqa: E402
from urllib.parse import urlparse  # noqa: E402

CONFIG = """\
baseURL = "http://127.0.0.1:18090/"
title = "大院网"
languageCode = "zh-cn"
defaultContentLanguage = "zh"
hasCJKLanguage = true
paginate = 20
summaryLength = 60
disableKinds = ["taxonomy", "RSS"]
ignoreErrors = ["error-disable-taxonomy"]
enableRobotsTXT = false

[taxonomies]
  tag = "tags"

[outputs]
  home = ["HTML", "RSS"]
  section = ["HTML"]
  term = ["HTML"]
  page = ["HTML"]
"""

BASEOF = """\
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ block "title" . }}{{ .Title }} - {{ .Site.Title }}{{ end }}</title>
<link rel="stylesheet" href="/assets/site.css">
</head>
<body>
<header class="site-header">
  <div class="brand"><a href="/">{{ .Site.Title }}</a><span>山西大院资讯网</span></div>
  <nav class="menu">
    <a href="/">首页</a>
    {{ range .Site.Sections.ByWeight }}
    <div class="menu-item"><a href="{{ .RelPermalink }}">{{ .Title }}</a>
      {{ with .Sections }}<div class="submenu">{{ range .ByWeight }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</div>{{ end }}
    </div>
    {{ end }}
  </nav>
</header>
<main>
{{ block "main" . }}{{ end }}
</main>
{{ partialCached "sidebar.html" . }}
<footer class="site-footer">
  <p>主办：大院网 ｜ 联系电话：0351-1234567 ｜ 地址：山西省太原市</p>
  <p>Copyright © 大院网 版权所有 ｜ 晋ICP备00000000号</p>
</footer>
</body>
</html>
"""

SINGLE = """\
{{ define "main" }}
<nav class="breadcrumbs"><a href="/">首页</a>
{{ range .Ancestors.Reverse }}{{ if not .IsHome }} &gt; <a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ end }}
</nav>
<article>
  <h1>{{ .Title }}</h1>
  <div class="byline">
    <time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "2006-01-02 15:04:05" }}</time>
    {{ with .Params.source }}<span>来源：{{ if $.Params.sourceUrl }}<a href="{{ $.Params.sourceUrl }}">{{ . }}</a>{{ else }}{{ . }}{{ end }}</span>{{ end }}
    {{ with .Params.author }}<span>作者：{{ . }}</span>{{ end }}
  </div>
  <div class="body">{{ .Content }}</div>
  <p class="editor">责任编辑：{{ .Params.editor }}</p>
  {{ with .Params.tags }}<p class="tags">{{ range . }}<a href="{{ "tags/" | relURL }}{{ . | urlize }}/">{{ . }}</a> {{ end }}</p>{{ end }}
</article>
{{ end }}
"""

LIST = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul class="article-list">
{{ $pages := .RegularPagesRecursive }}{{ if eq .Kind "term" }}{{ $pages = .Pages }}{{ end }}
{{ range (.Paginate $pages.ByDate.Reverse 20).Pages }}
  <li><a href="{{ .RelPermalink }}">{{ .Title }}</a><time>{{ .Date.Format "2006-01-02" }}</time>
  <p>{{ .Summary | plainify }}</p></li>
{{ end }}
</ul>
{{ template "_internal/pagination.html" . }}
{{ end }}
"""

SIDEBAR = """\
<aside class="sidebar"><h2>最新发布</h2><ul>
{{ range first 10 .Site.RegularPages.ByDate.Reverse }}
  <li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}
</ul></aside>
"""

HOME = """\
{{ define "main" }}
<section class="latest"><h2>最新发布</h2><ul>
{{ range first 20 (where .Site.RegularPages.ByDate.Reverse "Section" "!=" "") }}
  <li><a href="{{ .RelPermalink }}">{{ .Title }}</a><time>{{ .Date.Format "01-02" }}</time></li>
{{ end }}
</ul></section>
{{ range .Site.Sections.ByWeight }}
<section class="channel-block"><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><ul>
{{ range first 5 .RegularPagesRecursive.ByDate.Reverse }}
  <li><a href="{{ .RelPermalink }}">{{ .Title }}</a><time>{{ .Date.Format "01-02" }}</time></li>
{{ end }}
</ul></section>
{{ end }}
{{ end }}
"""


def front_matter(data):
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("manifest")
    parser.add_argument("site")
    parser.add_argument("--edit", nargs=2, metavar=("WHICH", "TOKEN"),
                        help="only prefix the title of the newest or middle article (as render_probe.py edit) "
                             "with TOKEN")
    args = parser.parse_args()
    entries = read_manifest(args.manifest)
    content = os.path.join(args.site, "content")

    if args.edit:
        which, token = args.edit
        newest = pick(entries, which)
        path = os.path.join(content, newest["payload"]["channel"], f"{newest['id']}.html")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        old = json.dumps(newest["payload"]["title"], ensure_ascii=False)
        new = json.dumps(f"【{token}】{newest['payload']['title']}", ensure_ascii=False)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace(f'"title": {old}', f'"title": {new}', 1))
        print(path)
        return

    shutil.rmtree(args.site, ignore_errors=True)
    for name, text in {"config.toml": CONFIG, "layouts/_default/baseof.html": BASEOF,
                       "layouts/_default/single.html": SINGLE, "layouts/_default/list.html": LIST,
                       "layouts/index.html": HOME, "layouts/partials/sidebar.html": SIDEBAR}.items():
        os.makedirs(os.path.dirname(os.path.join(args.site, name)), exist_ok=True)
        with open(os.path.join(args.site, name), "w", encoding="utf-8") as f:
            f.write(text)
    for weight, (name, slug, parent, _) in enumerate(CHANNELS):
        folder = os.path.join(content, parent, slug) if parent else os.path.join(content, slug)
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "_index.html"), "w", encoding="utf-8") as f:
            f.write(front_matter({"title": name, "weight": weight + 1}))
    for e in entries:
        p = e["payload"]
        data = {"title": p["title"], "date": p["publishedAt"], "url": urlparse(e["url"]).path,
                "author": p.get("author"), "source": p.get("source"), "sourceUrl": p.get("sourceUrl"),
                "editor": p.get("editor"), "tags": p.get("tags") or []}
        with open(os.path.join(content, p["channel"], f"{e['id']}.html"), "w", encoding="utf-8") as f:
            f.write(front_matter(data))
            f.write(p["body"])
            f.write("\n")
    print(f"{len(entries)} articles in {args.site}")


if __name__ == "__main__":
    main()
