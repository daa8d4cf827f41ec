"""Loads a realistic Chinese news site into a running Dayuan through its JSON API.

Text: classical poems of the npm package chinese-poetry 2.0.1 (全唐诗 and 宋诗 in traditional characters, converted
to simplified characters with HanLP, then 宋词), several poems per article so bodies are as long as news articles.
Writes bench/work/articles.jsonl (one line per article: id, url, the JSON that created it) for the other scripts.
"""
import argparse
import concurrent.futures
import datetime
import glob
import json
import os
import random
import re
import subprocess
import sys
import tarfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchhttp import Client, api_authorization  # noqa: E402

POETRY_VERSION = "2.0.1"

# 30 channels, 12 at the top and 18 beneath, as on a city portal. (name, slug, parent slug, weight of articles)
CHANNELS = [
    ("新闻", "xinwen", None, 0), ("本地", "bendi", "xinwen", 14), ("国内", "guonei", "xinwen", 9),
    ("国际", "guoji", "xinwen", 6), ("社会", "shehui", "xinwen", 8), ("图片", "tupian", "xinwen", 2),
    ("政务", "zhengwu", None, 0), ("通知公告", "tongzhi", "zhengwu", 5), ("政策解读", "zhengce", "zhengwu", 4),
    ("人事任免", "renshi", "zhengwu", 1),
    ("文化", "wenhua", None, 0), ("诗词", "shici", "wenhua", 7), ("书画", "shuhua", "wenhua", 2),
    ("非遗", "feiyi", "wenhua", 2), ("读书", "dushu", "wenhua", 3),
    ("教育", "jiaoyu", None, 4),
    ("财经", "caijing", None, 0), ("产业", "chanye", "caijing", 4), ("农业", "nongye", "caijing", 3),
    ("旅游", "lvyou", None, 0), ("景区", "jingqu", "lvyou", 3), ("美食", "meishi", "lvyou", 2),
    ("健康", "jiankang", None, 3), ("体育", "tiyu", None, 3), ("科技", "keji", None, 3),
    ("评论", "pinglun", None, 0), ("社论", "shelun", "pinglun", 2), ("来论", "lailun", "pinglun", 2),
    ("专题", "zhuanti", None, 1), ("便民", "bianmin", None, 2),
]

# Theme tags, chosen for an article by how often their words occur in its text.
THEMES = {
    "明月": "月", "春光": "春", "秋思": "秋", "思乡": "乡|故园|归", "送别": "送|别|离", "边塞": "塞|边|胡|戍",
    "山水": "山|峰|溪", "江河": "江|河|波", "饮酒": "酒|醉|杯", "田园": "田|桑|耕|农", "怀古": "古|昔|旧",
    "愁绪": "愁|恨|泪", "梅花": "梅", "杨柳": "柳", "风雨": "雨|风", "冬雪": "雪|寒|冰", "登高": "登|楼|台",
    "寺观": "寺|僧|禅|道", "隐逸": "隐|闲|渔", "征战": "战|兵|征|将", "宫阙": "宫|殿|阙|朝", "夜色": "夜|宵",
    "花木": "花|草|树|林", "鸟兽": "鸟|雁|莺|马", "友情": "君|友|故人", "四季": "夏|冬", "神仙": "仙|神",
    "书画": "书|画|笔", "音乐": "琴|笛|歌|曲", "天下": "天下|国|民",
}
THEME_PATTERNS = {name: re.compile(words) for name, words in THEMES.items()}

SOURCES = [
    ("本网", None, "ORIGINAL", 30), ("新华社", "https://www.news.cn/", "AUTHORIZED", 12),
    ("人民网", "http://www.people.com.cn/", "REPRINT", 10), ("山西日报", "https://www.sxrb.com/", "AUTHORIZED", 10),
    ("中国新闻网", "https://www.chinanews.com.cn/", "REPRINT", 8), ("光明日报", "https://www.gmw.cn/", "REPRINT", 6),
    ("央视新闻", "https://news.cctv.com/", "REPRINT", 6), ("山西新闻网", "http://www.sxgov.cn/", "AUTHORIZED", 8),
    ("太原日报", "http://www.tynews.com.cn/", "AUTHORIZED", 6), ("黄河新闻网", "http://www.sxgov.cn/", "REPRINT", 4),
]
EDITORS = ["张晓明", "李文静", "王海涛", "刘芳", "陈思远", "杨帆", "赵磊", "黄丽", "周杰", "吴敏", "郑雪", "孙浩"]
NUMERALS = "零一二三四五六七八九十"


def fetch_poetry(work):
    """Unpacks 全唐诗/宋诗 and 宋词 from the npm tarball (npm pack, kept in bench/work, never committed)."""
    dist = os.path.join(work, "package", "dist")
    if glob.glob(os.path.join(dist, "quantangshi", "poet.tang.*.json")) and glob.glob(
            os.path.join(dist, "songci", "ci.song.*.json")):
        return dist
    tgz = os.path.join(work, f"chinese-poetry-{POETRY_VERSION}.tgz")
    if not os.path.exists(tgz):
        print(f"fetching chinese-poetry@{POETRY_VERSION} with npm pack", file=sys.stderr)
        subprocess.run(["npm", "pack", f"chinese-poetry@{POETRY_VERSION}", "--silent"], cwd=work, check=True,
                       timeout=600, stdout=subprocess.DEVNULL)
    with tarfile.open(tgz) as tar:
        members = [m for m in tar.getmembers()
                   if re.match(r"package/dist/(quantangshi/poet\.(tang|song)|songci/ci\.song)\.\d+\.json$", m.name)]
        tar.extractall(work, members=members)
    return dist


def simplified_poems(work, java, hanlp_jar):
    """All poems as (dynasty, title, author, [paragraphs]) in simplified characters, cached in bench/work/poems-v2.tsv."""
    cached = os.path.join(work, "poems-v2.tsv")
    if not os.path.exists(cached):
        dist = fetch_poetry(work)
        files = []
        for kind, pattern in (("tang", "quantangshi/poet.tang.*.json"), ("song", "quantangshi/poet.song.*.json"),
                              ("ci", "songci/ci.song.*.json")):
            found = [f for f in glob.glob(os.path.join(dist, pattern)) if re.search(r"\.\d+\.json$", f)]
            files += [(kind, f) for f in sorted(found, key=lambda f: int(f.rsplit(".", 2)[-2]))]
        clean = lambda s: re.sub(r"[\t\n\r\x1f]+", " ", s or "").strip()  # noqa: E731
        lines = []
        for dynasty, path in files:
            with open(path, encoding="utf-8") as f:
                for poem in json.load(f):
                    paragraphs = [clean(p) for p in poem.get("paragraphs") or [] if clean(p)]
                    title = clean(poem.get("title") or poem.get("rhythmic"))
                    if paragraphs and title:
                        lines.append("\t".join([dynasty, title, clean(poem.get("author")) or "佚名",
                                                "\x1f".join(paragraphs)]))
        print(f"converting {len(lines)} poems to simplified characters with HanLP", file=sys.stderr)
        converter = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ToSimplified.java")
        result = subprocess.run([java, "-cp", hanlp_jar, converter], input="\n".join(lines) + "\n",
                                capture_output=True, text=True, encoding="utf-8", check=True, timeout=900)
        out = result.stdout.split("\n")[:len(lines)]
        if len(out) != len(lines):
            raise SystemExit("HanLP conversion lost lines")
        with open(cached + ".tmp", "w", encoding="utf-8") as f:
            f.write("\n".join(out) + "\n")
        os.replace(cached + ".tmp", cached)
    poems = []
    with open(cached, encoding="utf-8") as f:
        for line in f:
            dynasty, title, author, paragraphs = line.rstrip("\n").split("\t")
            poems.append((dynasty, title, author, paragraphs.split("\x1f")))
    return poems


def chinese_count(n):
    return NUMERALS[n] if n <= 10 else f"{n}"


def build_articles(poems, count, min_chars, max_chars, seed):
    """Groups consecutive poems (mostly by one poet) into articles of min..max characters of text."""
    rnd = random.Random(seed)
    leaves = [(slug, parent, weight) for _, slug, parent, weight in CHANNELS if weight > 0]
    channel_paths = [f"{parent}/{slug}" if parent else slug for slug, parent, _ in leaves]
    weights = [w for _, _, w in leaves]
    source_weights = [s[3] for s in SOURCES]
    end = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8))).replace(microsecond=0)
    end -= datetime.timedelta(hours=1)
    span = int(datetime.timedelta(days=730).total_seconds())
    articles, i = [], 0
    for n in range(count):
        target = rnd.randint(min_chars, max_chars)
        group, length = [], 0
        while length < target:
            dynasty, title, author, paragraphs = poems[i % len(poems)]
            i += 1
            group.append((title, author, paragraphs))
            length += len(title) + sum(len(p) for p in paragraphs)
        first_title, first_author, _ = group[0]
        short = first_title if len(first_title) <= 30 else first_title[:30] + "…"
        authors = list(dict.fromkeys(a for _, a, _ in group))
        if len(group) == 1:
            title = f"{first_author}《{short}》"
        elif len(authors) == 1:
            title = f"{first_author}《{short}》等{chinese_count(len(group))}首"
        else:
            title = f"《{short}》等{chinese_count(len(group))}首诗选读"
        body = [f"<p>编者按：本期选读{'、'.join(authors[:4])}{'等' if len(authors) > 4 else ''}"
                f"的作品{chinese_count(len(group))}首，以飨读者。</p>"]
        for poem_title, author, paragraphs in group:
            body.append(f"<h3>{esc(poem_title)}</h3>")
            body.append(f"<p><strong>{esc(author)}</strong></p>")
            body.extend(f"<p>{esc(p)}</p>" for p in paragraphs)
        text = "".join(p for _, _, ps in group for p in ps)
        scores = sorted(((len(pat.findall(text)), name) for name, pat in THEME_PATTERNS.items()), reverse=True)
        tags = [name for score, name in scores[:rnd.randint(2, 4)] if score > 0]
        tags.append({"tang": "唐诗", "song": "宋诗", "ci": "宋词"}[dynasty])
        source, source_url, rights, _ = rnd.choices(SOURCES, weights=source_weights)[0]
        published = end - datetime.timedelta(seconds=rnd.randrange(span))
        articles.append({
            "title": title[:200],
            "channel": rnd.choices(channel_paths, weights=weights)[0],
            "body": "".join(body),
            "author": "、".join(authors[:3])[:100],
            "source": source,
            "sourceUrl": source_url,
            "editor": rnd.choice(EDITORS),
            "tags": tags,
            "rightsType": rights,
            "publishedAt": published.isoformat(),
            "status": "PUBLISHED",
        })
    return articles


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def create_channels(client):
    created = []
    for name, slug, parent, _ in CHANNELS:
        status, _, body = client.request("POST", "/api/v1/channels", {"name": name, "slug": slug, "parent": parent})
        if status != 201:
            raise SystemExit(f"creating channel {slug} failed: HTTP {status} {body[:300]!r}")
        created.append(json.loads(body))
    return created


def load_articles(port, authorization, articles, threads):
    local = threading.local()
    results = [None] * len(articles)
    progress = {"done": 0, "retries": 0}
    lock = threading.Lock()
    started = time.perf_counter()

    def post(index):
        if not hasattr(local, "client"):
            local.client = Client(port, timeout=60, authorization=authorization)
        for attempt in range(5):
            status, _, body = local.client.request("POST", "/api/v1/articles", articles[index])
            if status == 201:
                results[index] = json.loads(body)
                break
            # Two threads creating the same new tag at once may collide on its unique name: try again.
            if status in (409, 500, 503) and attempt < 4:
                with lock:
                    progress["retries"] += 1
                time.sleep(0.05 * (attempt + 1))
                continue
            raise RuntimeError(f"article {index}: HTTP {status} {body[:300]!r}")
        with lock:
            progress["done"] += 1
            done = progress["done"]
        if done % 1000 == 0:
            elapsed = time.perf_counter() - started
            print(f"  {done} articles in {elapsed:.0f} s ({done / elapsed:.0f}/s)", file=sys.stderr)

    with concurrent.futures.ThreadPoolExecutor(threads) as pool:
        for future in concurrent.futures.as_completed([pool.submit(post, i) for i in range(len(articles))]):
            future.result()
    return results, time.perf_counter() - started, progress["retries"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--min-chars", type=int, default=1100)
    parser.add_argument("--max-chars", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=20220423)
    parser.add_argument("--auth", choices=["token", "basic"], default="token")
    parser.add_argument("--java", default="java")
    parser.add_argument("--hanlp-jar", required=True)
    parser.add_argument("--prepare-only", action="store_true", help="build the articles, print stats, load nothing")
    args = parser.parse_args()

    poems = simplified_poems(args.work, args.java, args.hanlp_jar)
    articles = build_articles(poems, args.articles, args.min_chars, args.max_chars, args.seed)
    body_bytes = sorted(len(a["body"].encode()) for a in articles)
    print(f"{len(articles)} articles from {len(poems)} poems; body HTML median {body_bytes[len(body_bytes) // 2]} B, "
          f"max {body_bytes[-1]} B", file=sys.stderr)
    if args.prepare_only:
        print(json.dumps(articles[0], ensure_ascii=False, indent=1)[:1500])
        return

    authorization = api_authorization(args.port, args.password, args.auth)
    client = Client(args.port, authorization=authorization)
    channels = create_channels(client)
    client.close()
    print(f"created {len(channels)} channels", file=sys.stderr)
    results, seconds, retries = load_articles(args.port, authorization, articles, args.threads)
    manifest = os.path.join(args.work, "articles.jsonl")
    with open(manifest + ".tmp", "w", encoding="utf-8") as f:
        for n, (payload, created) in enumerate(zip(articles, results)):
            f.write(json.dumps({"n": n, "id": created["id"], "url": created["url"], "payload": payload},
                               ensure_ascii=False) + "\n")
    os.replace(manifest + ".tmp", manifest)
    with open(os.path.join(args.work, "channels.json"), "w", encoding="utf-8") as f:
        json.dump(channels, f, ensure_ascii=False, indent=1)
    print(json.dumps({"channels": len(channels), "articles": len(results), "seconds": round(seconds, 1),
                      "articlesPerSecond": round(len(results) / seconds, 1), "threads": args.threads,
                      "retries": retries, "auth": args.auth}))


if __name__ == "__main__":
    main()
