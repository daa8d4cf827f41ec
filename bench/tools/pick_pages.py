"""Prints the bench pages, one "name path" per line: a typical article, the busiest channel's first page, home.

The article is the one whose body length is the median of the site; the channel page is that of the channel with
the most articles.
"""
import collections
import os
import sys
from urllib.parse import urlparse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchhttp import read_manifest  # noqa: E402


def path_of(url):
    return urlparse(url).path or "/"


def main():
    entries = read_manifest(sys.argv[1])
    by_length = sorted(entries, key=lambda e: (len(e["payload"]["body"]), e["id"]))
    article = by_length[len(by_length) // 2]
    busiest = collections.Counter(e["payload"]["channel"] for e in entries).most_common(1)[0][0]
    print("article", path_of(article["url"]))
    print("channel", f"/{busiest}/")
    print("home", "/")


if __name__ == "__main__":
    main()
