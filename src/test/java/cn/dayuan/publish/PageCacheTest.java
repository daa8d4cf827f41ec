package cn.dayuan.publish;

import static cn.dayuan.publish.TestHttp.cacheStatus;
import static cn.dayuan.publish.TestHttp.header;
import static cn.dayuan.publish.TestHttp.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;

import com.aayushatharva.brotli4j.decoder.Decoder;

import cn.dayuan.article.ArticleDetail;
import cn.dayuan.article.ArticleDraft;
import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleStatus;
import cn.dayuan.article.RightsType;
import cn.dayuan.article.ViewCounter;
import cn.dayuan.channel.Channel;
import cn.dayuan.channel.ChannelService;
import cn.dayuan.system.ContentChangedEvent;
import cn.dayuan.system.PageKeys;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dayuan.data-dir=target/test-data/PageCacheTest", "dayuan.admin-password=page-cache-test-pw"})
@Import(TestPages.class)
class PageCacheTest {

    private static final String EDITOR = "admin";
    /** The test database outlives a run; channels of this run get their own addresses. */
    private static final String RUN = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);

    @LocalServerPort
    int port;
    @Autowired
    TestPages pages;
    @Autowired
    PageCache cache;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    ArticleService articles;
    @Autowired
    ChannelService channels;
    @Autowired
    ViewCounter viewCounter;
    @Autowired
    TransactionTemplate transactions;

    TestHttp http;

    @BeforeEach
    void startCold() {
        http = new TestHttp(port);
        cache.clear();
    }

    @Test
    void secondRequestIsAHitWithIdenticalBytesAndHeaders() {
        HttpResponse<byte[]> miss = http.get("/test-pages/p/first.html");
        HttpResponse<byte[]> hit = http.get("/test-pages/p/first.html");

        assertThat(miss.statusCode()).isEqualTo(200);
        assertThat(cacheStatus(miss)).isEqualTo("MISS");
        assertThat(cacheStatus(hit)).isEqualTo("HIT");
        assertThat(hit.body()).isEqualTo(miss.body());
        assertThat(text(hit)).contains("测试页面first");
        assertThat(pages.renders("first")).isEqualTo(1);
        assertThat(header(hit, "ETag")).matches("\"[A-Za-z0-9_-]+\"");
        assertThat(header(hit, "Cache-Control")).isEqualTo("public, no-cache");
        assertThat(header(hit, "Vary")).isEqualTo("Accept-Encoding");
        assertThat(header(hit, "Last-Modified")).endsWith("GMT");
        assertThat(header(hit, "Content-Type")).isEqualToIgnoringCase("text/html;charset=UTF-8");
        assertThat(header(hit, "Content-Length")).isEqualTo(String.valueOf(miss.body().length));
        // Security headers written while the page rendered are replayed on hits, which never reach Spring Security.
        assertThat(header(hit, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headersWithoutDateAndStatus(hit)).isEqualTo(headersWithoutDateAndStatus(miss));
    }

    @Test
    void gzipAndBrotliCopiesDecodeToTheSameBytes() throws IOException {
        byte[] plain = http.get("/test-pages/p/zip.html").body();

        HttpResponse<byte[]> gzip = http.get("/test-pages/p/zip.html", "Accept-Encoding", "gzip, deflate");
        assertThat(header(gzip, "Content-Encoding")).isEqualTo("gzip");
        assertThat(gzip.body().length).isLessThan(plain.length);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }

        assertThat(Compression.BROTLI_AVAILABLE).as("brotli4j's native encoder loads on this platform").isTrue();
        HttpResponse<byte[]> brotli = http.get("/test-pages/p/zip.html", "Accept-Encoding", "gzip, deflate, br");
        assertThat(header(brotli, "Content-Encoding")).isEqualTo("br");
        assertThat(cacheStatus(brotli)).isEqualTo("HIT");
        assertThat(Decoder.decompress(brotli.body()).getDecompressedData()).isEqualTo(plain);

        assertThat(header(gzip, "ETag")).isNotEqualTo(header(brotli, "ETag"));
        HttpResponse<byte[]> refused = http.get("/test-pages/p/zip.html", "Accept-Encoding", "gzip;q=0, br;q=0");
        assertThat(header(refused, "Content-Encoding")).isNull();
        assertThat(refused.body()).isEqualTo(plain);
    }

    @Test
    void aMatchingValidatorIsAnsweredWith304() {
        HttpResponse<byte[]> first = http.get("/test-pages/p/etag.html");
        String etag = header(first, "ETag");

        HttpResponse<byte[]> notModified = http.get("/test-pages/p/etag.html", "If-None-Match", etag);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(header(notModified, "ETag")).isEqualTo(etag);

        String gzipEtag = header(http.get("/test-pages/p/etag.html", "Accept-Encoding", "gzip"), "ETag");
        assertThat(http.get("/test-pages/p/etag.html", "Accept-Encoding", "gzip", "If-None-Match", gzipEtag)
                .statusCode()).isEqualTo(304);
        assertThat(http.get("/test-pages/p/etag.html", "If-Modified-Since", header(first, "Last-Modified"))
                .statusCode()).isEqualTo(304);
        assertThat(http.get("/test-pages/p/etag.html", "If-None-Match", "\"something-else\"").statusCode())
                .isEqualTo(200);
    }

    @Test
    void headIsAnsweredWithoutBodyAndFillsTheCache() {
        HttpResponse<byte[]> head = http.head("/test-pages/p/head.html");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(cacheStatus(head)).isEqualTo("MISS");

        HttpResponse<byte[]> get = http.get("/test-pages/p/head.html");
        assertThat(cacheStatus(get)).isEqualTo("HIT");
        assertThat(header(head, "Content-Length")).isEqualTo(String.valueOf(get.body().length));
        assertThat(cacheStatus(http.head("/test-pages/p/head.html"))).isEqualTo("HIT");
    }

    @Test
    void requestsWithAQueryStringAreNeverCached() {
        HttpResponse<byte[]> first = http.get("/test-pages/p/query.html?from=weibo");
        HttpResponse<byte[]> second = http.get("/test-pages/p/query.html?from=weibo");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(cacheStatus(first)).isNull();
        assertThat(cacheStatus(second)).isNull();
        assertThat(pages.renders("query")).isEqualTo(2);
        assertThat(cacheStatus(http.get("/test-pages/p/query.html"))).isEqualTo("MISS");
    }

    @Test
    void theNewsroomAndOtherPrivateAddressesBypassTheCache() {
        HttpResponse<byte[]> admin = http.get("/admin/export");
        assertThat(admin.statusCode()).isEqualTo(302);
        assertThat(cacheStatus(admin)).isNull();

        assertThat(PageCacheFilter.BYPASSED_PREFIXES).allSatisfy(prefix -> {
            assertThat(PageCacheFilter.isBypassed(prefix)).isTrue();
            assertThat(PageCacheFilter.isBypassed(prefix + "/x.html")).isTrue();
        });
        assertThat(PageCacheFilter.isBypassed("/administration/")).isFalse();
        assertThat(PageCacheFilter.isBypassed("/assets-guide.html")).isFalse();
        assertThat(PageCacheFilter.isBypassed("/")).isFalse();
    }

    @Test
    void responsesThatSetACookieAreNotCached() {
        HttpResponse<byte[]> first = http.get("/test-pages/cookie.html");
        HttpResponse<byte[]> second = http.get("/test-pages/cookie.html");

        assertThat(header(second, "Set-Cookie")).startsWith("visited=1");
        assertThat(cacheStatus(first)).isNull();
        assertThat(cacheStatus(second)).isNull();
        assertThat(pages.renders("cookie")).isEqualTo(2);
    }

    @Test
    void onlySuccessfulTextPagesThatRecordedContentAreCached() {
        for (int i = 0; i < 2; i++) {
            assertThat(cacheStatus(http.get("/test-pages/unrecorded.html"))).isNull();
            assertThat(cacheStatus(http.get("/test-pages/data.json"))).isNull();
            HttpResponse<byte[]> notFound = http.get("/test-pages/article/999999.html");
            assertThat(notFound.statusCode()).isEqualTo(404);
            assertThat(cacheStatus(notFound)).isNull();
        }
        assertThat(pages.renders("unrecorded")).isEqualTo(2);
        assertThat(pages.renders("json")).isEqualTo(2);
        assertThat(pages.renders("article-999999")).isEqualTo(2);
        assertThat(cacheStatus(http.get("/test-pages/feed.xml"))).isEqualTo("MISS");
        assertThat(cacheStatus(http.get("/test-pages/feed.xml"))).isEqualTo("HIT");
    }

    @Test
    void anAsynchronousHandlerStillAnswersInFull() {
        HttpResponse<byte[]> response = http.get("/test-pages/async.html");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(text(response)).contains("异步页面").endsWith("</html>");
        assertThat(cacheStatus(response)).isNull();
    }

    @Test
    void anEventEvictsExactlyThePagesThatRecordedItsKeys() {
        Channel channel = channel("事件测试", "shijian");
        ArticleDetail article = publish(channel, "事件测试文章", Instant.now().minusSeconds(60));
        String articlePage = "/test-pages/article/" + article.id() + ".html";
        String listingIt = "/test-pages/channel/" + channel.getId() + "/";
        String otherList = "/test-pages/channel/" + channel("事件测试二", "shijian2").getId() + "/";
        warm(articlePage, listingIt, otherList, "/test-pages/p/unrelated.html");

        events.publishEvent(ContentChangedEvent.of(PageKeys.article(article.id())));

        assertThat(cacheStatus(http.get(articlePage))).isEqualTo("MISS");
        assertThat(cacheStatus(http.get(listingIt))).as("a list records each article it shows").isEqualTo("MISS");
        assertThat(cacheStatus(http.get(otherList))).isEqualTo("HIT");
        assertThat(cacheStatus(http.get("/test-pages/p/unrelated.html"))).isEqualTo("HIT");
        assertThat(cache.indexedPages()).isEqualTo(cache.size());
    }

    @Test
    void publishingAnArticleEvictsItsChannelAndTheLatestListsOnly() {
        Channel news = channel("发布测试", "fabu");
        Channel other = channel("无关栏目", "wuguan");
        ArticleDetail draft = articles.create(draft(news, "集中攻坚九大行动启动", null, ArticleStatus.DRAFT), EDITOR);
        String newsPage = "/test-pages/channel/" + news.getId() + "/";
        String otherPage = "/test-pages/channel/" + other.getId() + "/";
        warm(newsPage, otherPage, "/test-pages/latest/");
        assertThat(text(http.get(newsPage))).doesNotContain("集中攻坚九大行动启动");

        articles.publish(draft.id(), EDITOR);

        HttpResponse<byte[]> newsAfter = http.get(newsPage);
        assertThat(cacheStatus(newsAfter)).isEqualTo("MISS");
        assertThat(text(newsAfter)).contains("集中攻坚九大行动启动");
        HttpResponse<byte[]> latestAfter = http.get("/test-pages/latest/");
        assertThat(cacheStatus(latestAfter)).isEqualTo("MISS");
        assertThat(text(latestAfter)).contains("集中攻坚九大行动启动");
        assertThat(cacheStatus(http.get(otherPage))).isEqualTo("HIT");
    }

    @Test
    void aChangeThatRollsBackEvictsNothing() {
        Channel channel = channel("回滚测试", "huigun");
        ArticleDetail article = publish(channel, "回滚前的标题", Instant.now().minusSeconds(60));
        String channelPage = "/test-pages/channel/" + channel.getId() + "/";
        warm(channelPage);

        transactions.executeWithoutResult(status -> {
            articles.update(article.id(), draft(channel, "回滚后的标题", article.publishedAt(),
                    ArticleStatus.PUBLISHED), EDITOR);
            status.setRollbackOnly();
        });

        HttpResponse<byte[]> after = http.get(channelPage);
        assertThat(cacheStatus(after)).isEqualTo("HIT");
        assertThat(text(after)).contains("回滚前的标题");
        assertThat(articles.get(article.id()).title()).isEqualTo("回滚前的标题");
    }

    @Test
    void aPageThatStartedRenderingBeforeAChangeIsNotStored() throws Exception {
        pages.pageVersion = "一";
        pages.slowPageRendering = new CountDownLatch(1);
        pages.slowPageMayFinish = new CountDownLatch(1);
        CompletableFuture<HttpResponse<byte[]>> slow = http.getLater("/test-pages/slow.html");
        assertThat(pages.slowPageRendering.await(10, TimeUnit.SECONDS)).isTrue();

        pages.pageVersion = "二";
        events.publishEvent(ContentChangedEvent.of("test:slow"));
        pages.slowPageMayFinish.countDown();

        HttpResponse<byte[]> raced = slow.get(10, TimeUnit.SECONDS);
        assertThat(text(raced)).contains("版本一");
        assertThat(cacheStatus(raced)).isEqualTo("MISS");
        HttpResponse<byte[]> next = http.get("/test-pages/slow.html");
        assertThat(cacheStatus(next)).isEqualTo("MISS");
        assertThat(text(next)).contains("版本二");
        assertThat(cacheStatus(http.get("/test-pages/slow.html"))).isEqualTo("HIT");
    }

    @Test
    void viewsAndLikesNeitherGetCachedNorEvictPages() {
        Channel channel = channel("计数测试", "jishu");
        ArticleDetail article = publish(channel, "计数测试文章", Instant.now().minusSeconds(60));
        String articlePage = "/test-pages/article/" + article.id() + ".html";
        String channelPage = "/test-pages/channel/" + channel.getId() + "/";
        warm(articlePage, channelPage);

        // What the portal's /counter endpoints do for a reader's view and like.
        for (int i = 0; i < 3; i++) {
            articles.recordView(article.id());
            articles.like(article.id());
        }
        viewCounter.flush();

        assertThat(articles.counts(article.id())).isEqualTo(new ArticleService.Counts(3, 3, 0));
        assertThat(cacheStatus(http.get(articlePage))).isEqualTo("HIT");
        assertThat(cacheStatus(http.get(channelPage))).isEqualTo("HIT");
        // Anything under /counter is answered fresh every time, even a page that records content.
        assertThat(cacheStatus(http.get("/counter/test-probe/page.html"))).isNull();
        assertThat(cacheStatus(http.get("/counter/test-probe/page.html"))).isNull();
        assertThat(pages.renders("counter-page")).isEqualTo(2);
    }

    @Test
    void aScheduledArticleAppearsWhenItsTimeComes() {
        Channel channel = channel("定时发布", "dingshi");
        Instant at = Instant.now().plusMillis(1500);
        ArticleDetail scheduled = articles.create(draft(channel, "定时发布的文章", at, ArticleStatus.PUBLISHED), EDITOR);
        String channelPage = "/test-pages/channel/" + channel.getId() + "/";
        warm(channelPage, "/test-pages/latest/");
        assertThat(text(http.get(channelPage))).doesNotContain("定时发布的文章");
        assertThat(http.get("/test-pages/article/" + scheduled.id() + ".html").statusCode()).isEqualTo(404);

        await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(text(http.get(channelPage))).contains("定时发布的文章"));
        assertThat(Instant.now()).isAfterOrEqualTo(at);
        assertThat(text(http.get("/test-pages/latest/"))).contains("定时发布的文章");
        assertThat(http.get("/test-pages/article/" + scheduled.id() + ".html").statusCode()).isEqualTo(200);
    }

    private void warm(String... paths) {
        for (String path : paths) {
            http.get(path);
            assertThat(cacheStatus(http.get(path))).as(path).isEqualTo("HIT");
        }
    }

    private Channel channel(String name, String slug) {
        return channels.create(name, slug + "-" + RUN, null, null, null);
    }

    private ArticleDetail publish(Channel channel, String title, Instant at) {
        return articles.create(draft(channel, title, at, ArticleStatus.PUBLISHED), EDITOR);
    }

    static ArticleDraft draft(Channel channel, String title, Instant publishedAt, ArticleStatus status) {
        return new ArticleDraft(title, null, null, "<p>" + TestPages.FILLER + "</p>", channel.getPath(), "网络编辑",
                null, null, null, List.of("行动"), RightsType.ORIGINAL, publishedAt, status, null, false, false, false);
    }

    private static Map<String, List<String>> headersWithoutDateAndStatus(HttpResponse<?> response) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(response.headers().map());
        headers.remove("date");
        headers.remove(CachedPage.CACHE_STATUS_HEADER);
        return headers;
    }
}
