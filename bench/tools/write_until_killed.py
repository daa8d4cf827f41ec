#!/usr/bin/env python3
"""Posts articles through the API from several threads for a while, then kills the portal (SIGKILL, as kill -9)
while the writes go on, and prints what was acknowledged: {"rate": articles per second before the kill,
"acknowledged": {id: title}}. A second call with --check reads every acknowledged article back after a restart
and prints {"acknowledged": n, "lost": n, "reused": n} (reused: the id now holds another article).

Usage: write_until_killed.py PORT PASSWORD PID SECONDS THREADS > acked.json
       write_until_killed.py --check PORT PASSWORD acked.json
"""
import json
import os
import signal
import sys
import threading
import time

from benchhttp import Client

if sys.argv[1] == "--check":
    client = Client(int(sys.argv[2]), sys.argv[3])
    acked = json.load(open(sys.argv[4]))["acknowledged"]
    lost = reused = 0
    for article_id, title in acked.items():
        status, _, body = client.request("GET", "/api/v1/articles/" + article_id,
                                         headers={"Authorization": client.auth, "Accept": "application/json"})
        if status == 404:
            lost += 1
        elif status != 200 or json.loads(body)["title"] != title:
            reused += 1
    print(json.dumps({"acknowledged": len(acked), "lost": lost, "reused": reused}))
    sys.exit(0)

port, password, pid, seconds, threads = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
acknowledged, lock, started = {}, threading.Lock(), time.perf_counter()
stop = threading.Event()


def write(thread):
    client = Client(port, password)
    i = 0
    while not stop.is_set():
        title = "持久性测试第%d线程第%d篇" % (thread, i)
        try:
            status, _, body = client.request("POST", "/api/v1/articles", {
                "title": title, "channel": "chijiu", "body": "<p>" + title + "。" + "正文" * 200 + "</p>",
                "status": "PUBLISHED"}, headers={"Accept": "application/json"})
        except OSError:
            return  # killed
        if status == 201:
            with lock:
                acknowledged[json.loads(body)["id"]] = title
        i += 1


workers = [threading.Thread(target=write, args=(t,)) for t in range(threads)]
for worker in workers:
    worker.start()
time.sleep(seconds)
with lock:
    rate = len(acknowledged) / (time.perf_counter() - started)
os.kill(pid, signal.SIGKILL)
stop.set()
for worker in workers:
    worker.join()
print(json.dumps({"rate": rate, "acknowledged": acknowledged}, ensure_ascii=False))
