"""The search benchmark's query mix, and its latencies one query at a time.

Kinds of query a reader of a Chinese portal types: two- and four-character words, names, a title as written, several
words, pinyin, Chinese mixed with Latin letters and numbers, words nothing matches, and hostile input. Titles are
sampled from the corpus (search_corpus.py's TSV), so they are known items.

Writes the mix as /search paths (one per line, for wrk's report.lua) with --paths, and with --port measures every
query --rounds times after one warm-up round (none with --no-warm-up), printing one JSON line: p50/p99 per kind and
overall, in ms.
"""
import argparse
import json
import random
import sys
import time
import urllib.parse
import os

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchhttp import Client  # noqa: E402

FIXED = {
    "two": ["明月", "长安", "春风", "故人", "江南", "白云", "黄河", "秋雨", "桃花", "归来"],
    "four": ["春风得意", "大漠孤烟", "明月清风", "江南春色", "落花流水", "白发三千", "万里长城", "青山绿水"],
    "name": ["李白", "杜甫", "苏轼", "白居易", "王维", "陆游", "辛弃疾", "李清照"],
    "words": ["李白 明月 故乡", "边塞 征战 将军", "春天 江南 雨", "送别 友人 长亭", "登高 望远 秋"],
    "pinyin": ["libai", "dufu", "changan", "mingyue", "ty", "jiangnan"],
    "mixed": ["2024年", "5G基站", "C++编程", "iPhone16发布", "第3届诗词大会"],
    "none": ["量子计算机", "区块链金融", "新能源汽车补贴"],
    "hostile": ["title:晋祠", "\"", "*", "AND OR NOT", "(明月", "晋祠" * 250, "%' or 1=1 --"],
}


def mix(corpus, titles, seed):
    rnd = random.Random(seed)
    with open(corpus, encoding="utf-8") as f:
        lines = f.readlines()
    queries = [(kind, q) for kind, qs in FIXED.items() for q in qs]
    queries += [("title", lines[rnd.randrange(len(lines))].split("\t", 1)[0]) for _ in range(titles)]
    return queries


def path(q):
    return "/search?q=" + urllib.parse.quote(q)


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--titles", type=int, default=20)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--paths")
    parser.add_argument("--port", type=int)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-warm-up", action="store_true",
                        help="measure from the first round (the server was warmed up by an earlier run)")
    args = parser.parse_args()
    queries = mix(args.corpus, args.titles, args.seed)
    if args.paths:
        with open(args.paths, "w", encoding="utf-8") as f:
            f.write("".join(path(q) + "\n" for _, q in queries))
    if not args.port:
        return
    client = Client(args.port)
    times, statuses, hits = {}, {}, {}
    first_measured = 0 if args.no_warm_up else 1
    for round_ in range(first_measured + args.rounds):
        for kind, q in queries:
            t0 = time.perf_counter()
            status, _, body = client.request("GET", path(q))
            ms = (time.perf_counter() - t0) * 1000
            statuses[status] = statuses.get(status, 0) + 1
            if round_ == 0:
                hits.setdefault(kind, []).append(b'class="search-none"' not in body)
            if round_ >= first_measured:
                times.setdefault(kind, []).append(ms)
    every = [t for ts in times.values() for t in ts]
    print(json.dumps({
        "queries": len(queries), "rounds": args.rounds, "statuses": statuses,
        "all": {"p50": round(percentile(every, 50), 2), "p99": round(percentile(every, 99), 2),
                "max": round(max(every), 2)},
        "kinds": {kind: {"n": len(FIXED.get(kind, [])) or args.titles,
                         "with_results": sum(hits[kind]),
                         "p50": round(percentile(ts, 50), 2), "p99": round(percentile(ts, 99), 2)}
                  for kind, ts in times.items()},
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
