"""Turns wrk-pages runs (round, page, encoding, server, wrk JSON per line) into a Markdown table.

req/s is the mean over rounds; p50 and p99 are the worst round's (a target must hold in every round).
Usage: wrk_table.py runs.tsv NGINX_ROOT "name path" ...
"""
import collections
import json
import os
import sys


def static_size(root, path, gzip):
    file = root + (path + "index.html" if path.endswith("/") else path)
    return os.path.getsize(file + (".gz" if gzip else ""))


def main():
    runs_file, root, pages = sys.argv[1], sys.argv[2], [p.split() for p in sys.argv[3:]]
    runs = collections.defaultdict(list)
    with open(runs_file) as f:
        for line in f:
            _, page, enc, server, result = line.rstrip("\n").split("\t")
            runs[(page, enc, server)].append(json.loads(result))
    print("| page | encoding | bytes | server | req/s | p50 ms | p99 ms | errors | req/s per round | Dayuan/nginx |")
    print("|---|---|---:|---|---:|---:|---:|---:|---|---:|")
    for name, path in pages:
        for enc in ("gzip", "plain"):
            stats = {}
            for server in ("nginx", "dayuan"):
                results = runs.get((name, enc, server), [])
                if not results:
                    continue
                stats[server] = {
                    "rps": sum(r["rps"] for r in results) / len(results),
                    "p50": max(r["p50_ms"] for r in results),
                    "p99": max(r["p99_ms"] for r in results),
                    "errors": sum(r["socket_errors"] + r["non2xx"] for r in results),
                    "rounds": " / ".join(f"{r['rps']:,.0f}" for r in results),
                }
            if len(stats) < 2:
                continue
            ratio = stats["dayuan"]["rps"] / stats["nginx"]["rps"]
            size = static_size(root, path, enc == "gzip")
            for server in ("nginx", "dayuan"):
                s = stats[server]
                label = "Dayuan" if server == "dayuan" else "nginx"
                print(f"| {name} `{path}` | {enc} | {size:,} | {label} | {s['rps']:,.0f} | {s['p50']:.2f} | "
                      f"{s['p99']:.2f} | {s['errors']} | {s['rounds']} | "
                      f"{f'**{ratio:.2f}×**' if server == 'dayuan' else ''} |")


if __name__ == "__main__":
    main()
