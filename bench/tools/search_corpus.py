"""Writes the search benchmark's articles as TSV: the bench site's poetry corpus (load_site.py), cut into shorter
articles (one to a few poems each) so that 100,000 of them repeat as little text as the corpus allows.

Columns: title, channel path, body HTML, author, source, tags (comma-separated), publish time (ISO 8601).
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from load_site import build_articles, simplified_poems  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", required=True)
    parser.add_argument("--articles", type=int, default=100000)
    parser.add_argument("--min-chars", type=int, default=150)
    parser.add_argument("--max-chars", type=int, default=700)
    parser.add_argument("--seed", type=int, default=20261204)
    parser.add_argument("--java", default="java")
    parser.add_argument("--hanlp-jar", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    poems = simplified_poems(args.work, args.java, args.hanlp_jar)
    articles = build_articles(poems, args.articles, args.min_chars, args.max_chars, args.seed)
    used = sum(len(a["body"]) for a in articles)
    clean = lambda s: (s or "").replace("\t", " ").replace("\n", " ")  # noqa: E731
    with open(args.out + ".tmp", "w", encoding="utf-8") as f:
        for a in articles:
            f.write("\t".join([clean(a["title"]), a["channel"], clean(a["body"]), clean(a["author"]),
                               clean(a["source"]), ",".join(a["tags"]), a["publishedAt"]]) + "\n")
    os.replace(args.out + ".tmp", args.out)
    print(f"{len(articles)} articles from {len(poems)} poems, {used / 1e6:.1f} M characters of body HTML",
          file=sys.stderr)


if __name__ == "__main__":
    main()
