package cn.dayuan.publish;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleSummary;
import cn.dayuan.system.PageKeys;

/**
 * Stand-ins for public pages, rendered from the real services and recording PageKeys the way the portal's
 * controllers do. Imported by the tests that need them (a {@link TestComponent} is not found by scanning), under
 * addresses the real site never uses.
 */
@TestComponent
@RestController
class TestPages {

    static final String HTML = "text/html;charset=UTF-8";
    /** Text enough that compression is worth it. */
    static final String FILLER = "核酸筛查、抗原检测，生活暂时不便……在防控工作处于较劲爬坡的关键时刻，为进一步巩固扩大攻坚工作成效，"
            + "市委市政府作出新的部署，全市将集中利用一段时间开展社会面清零攻坚行动。";

    final Map<String, AtomicInteger> renders = new ConcurrentHashMap<>();
    volatile CountDownLatch slowPageRendering = new CountDownLatch(1);
    volatile CountDownLatch slowPageMayFinish = new CountDownLatch(1);
    volatile String pageVersion = "一";
    /** When set, the versioned page waits for it: holds an export that asks for that page. */
    volatile CountDownLatch versionedMayRender = null;
    /** When set, the versioned page fails (a 500): an export that asks for it is incomplete. */
    volatile boolean versionedFails = false;

    private final ArticleService articles;

    TestPages(ArticleService articles) {
        this.articles = articles;
    }

    int renders(String page) {
        return renders.computeIfAbsent(page, p -> new AtomicInteger()).get();
    }

    private void rendered(String page) {
        renders.computeIfAbsent(page, p -> new AtomicInteger()).incrementAndGet();
    }

    @GetMapping(value = "/test-pages/p/{name}.html", produces = HTML)
    String page(@PathVariable String name) {
        rendered(name);
        PageKeys.record("test:" + name);
        return page("测试页面" + name, "<p>" + FILLER.repeat(3) + "</p>");
    }

    /** A page whose text the test can change without telling the cache: shows when content is served stale. */
    @GetMapping(value = "/test-pages/versioned.html", produces = HTML)
    String versioned() throws InterruptedException {
        CountDownLatch gate = versionedMayRender;
        if (gate != null) {
            gate.await(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        if (versionedFails) {
            throw new IllegalStateException("the test made the versioned page fail");
        }
        rendered("versioned");
        PageKeys.record("test:versioned");
        return page("版本" + pageVersion, "<p>" + FILLER + "</p>");
    }

    @GetMapping(value = "/test-pages/big/{name}.html", produces = HTML)
    String big(@PathVariable String name) {
        rendered("big-" + name);
        PageKeys.record("test:big-" + name);
        return page("大页面" + name, "<p>" + FILLER.repeat(100) + "</p>");
    }

    @GetMapping(value = "/test-pages/article/{id}.html", produces = HTML)
    ResponseEntity<String> article(@PathVariable long id) {
        rendered("article-" + id);
        PageKeys.record(PageKeys.article(id));
        return articles.findPublic(id)
                .map(a -> ResponseEntity.ok(page(a.title(), a.body())))
                .orElseGet(() -> ResponseEntity.status(HttpServletResponse.SC_NOT_FOUND).body(page("页面不存在", "")));
    }

    @GetMapping(value = "/test-pages/channel/{id}/", produces = HTML)
    String channel(@PathVariable long id) {
        rendered("channel-" + id);
        PageKeys.record(PageKeys.channelList(id), PageKeys.CHANNELS);
        return page("栏目" + id, list(articles.publicInChannel(id, 0, 20).getContent()));
    }

    @GetMapping(value = "/test-pages/latest/", produces = HTML)
    String latest() {
        rendered("latest");
        PageKeys.record(PageKeys.LATEST);
        return page("最新文章", list(articles.newest(20)));
    }

    /** The export's entry page: links of every kind the exporter must follow or ignore. */
    @GetMapping(value = "/test-pages/", produces = HTML)
    String index() {
        rendered("index");
        PageKeys.record(PageKeys.LATEST, "test:index");
        return page("测试首页", list(articles.newest(20))
                + "<a href=\"p/a.html\">相对链接</a> <a href='/test-pages/p/b.html#top'>绝对路径</a>"
                + "<a href=\"index_2.html\">下一页</a> <a href=\"/test-pages/tag/行动/\">行动</a>"
                + "<a href=\"/test-pages/versioned.html\">版本</a>"
                + "<a href=\"https://www.gov.cn/\">外部链接</a> <a href=\"/test-pages/p/c.html?page=2\">带参数</a>"
                + "<a href=\"mailto:webmaster@example.cn\">邮件</a> <a href=\"/admin\">编辑部</a>"
                + "<a href=\"/media/none.jpg\">媒体</a> <a href=\"/test-pages/missing.html\">坏链接</a>"
                + "<script src=\"/webjars/htmx.org/2.0.10/dist/htmx.min.js\"></script>");
    }

    @GetMapping(value = "/test-pages/index_2.html", produces = HTML)
    String secondPage() {
        rendered("index_2");
        PageKeys.record(PageKeys.LATEST, "test:index");
        return page("测试首页 第2页", "<a href=\"/test-pages/\">上一页</a>");
    }

    @GetMapping(value = "/test-pages/tag/{name}/", produces = HTML)
    String tag(@PathVariable String name) {
        rendered("tag-" + name);
        PageKeys.record("test:tag-" + name);
        return page("标签：" + name, "<p>" + FILLER + "</p>");
    }

    @GetMapping(value = "/test-pages/feed.xml", produces = "application/rss+xml;charset=UTF-8")
    String feed() {
        rendered("feed");
        PageKeys.record(PageKeys.LATEST);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>测试</title>"
                + "<link>http://localhost/test-pages/</link></channel></rss>";
    }

    @GetMapping(value = "/test-pages/cookie.html", produces = HTML)
    String withCookie(HttpServletResponse response) {
        rendered("cookie");
        PageKeys.record("test:cookie");
        response.addCookie(new Cookie("visited", "1"));
        return page("带 Cookie 的页面", "");
    }

    @GetMapping(value = "/test-pages/unrecorded.html", produces = HTML)
    String unrecorded() {
        rendered("unrecorded");
        return page("没有登记内容的页面", "");
    }

    @GetMapping(value = "/test-pages/data.json", produces = MediaType.APPLICATION_JSON_VALUE)
    String json() {
        rendered("json");
        PageKeys.record("test:json");
        return "{\"标题\":\"测试\"}";
    }

    @GetMapping(value = "/test-pages/slow.html", produces = HTML)
    String slow() throws InterruptedException {
        rendered("slow");
        PageKeys.record("test:slow");
        String version = pageVersion;
        slowPageRendering.countDown();
        if (!slowPageMayFinish.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never let the slow page finish");
        }
        return page("版本" + version, "");
    }

    @GetMapping(value = "/test-pages/async.html", produces = HTML)
    Callable<String> async() {
        rendered("async");
        PageKeys.record("test:async");
        return () -> page("异步页面", "<p>" + FILLER + "</p>");
    }

    @GetMapping(value = "/counter/test-probe/page.html", produces = HTML)
    String counterPage() {
        rendered("counter-page");
        PageKeys.record("test:counter");
        return page("计数", "");
    }

    static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>" + HtmlUtils.htmlEscape(title)
                + "</title></head><body><h1>" + HtmlUtils.htmlEscape(title) + "</h1>" + body + "</body></html>";
    }

    private static String list(List<ArticleSummary> summaries) {
        return summaries.stream()
                .map(a -> "<li><a href=\"/test-pages/article/" + a.id() + ".html\">" + HtmlUtils.htmlEscape(a.title())
                        + "</a></li>")
                .collect(Collectors.joining("", "<ul>", "</ul>"));
    }

    /** The export's seeds in tests: the site's real pages do not exist in this branch's tests. */
    @TestComponent
    static class Seeds implements ExportSeeds {
        @Override
        public Stream<String> paths() {
            return Stream.of("/test-pages/", "/test-pages/feed.xml");
        }
    }
}
