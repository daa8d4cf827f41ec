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
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;

import com.aayushatharva.brotli4j.decoder.Decoder;

import io.micrometer.core.instrument.MeterRegistry;

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
    @Autowired
    MeterRegistry meters;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    FilterRegistrationBean<PageCacheFilter> filter;

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
        HttpResponse<byte[]> first = http.get("/test-pages/p/query.html?page=2");
        HttpResponse<byte[]> second = http.get("/test-pages/p/query.html?page=2");
        HttpResponse<byte[]> withTracking = http.get("/test-pages/p/query.html?from=weibo&x=1");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(cacheStatus(first)).isNull();
        assertThat(cacheStatus(second)).isNull();
        assertThat(cacheStatus(withTracking)).as("one unknown parameter among tracking ones").isNull();
        assertThat(pages.renders("query")).isEqualTo(3);
        assertThat(cacheStatus(http.get("/test-pages/p/query.html"))).as("nothing was cached under the address")
                .isEqualTo("MISS");
    }

    @Test
    void aLinkSharedOnWeChatOrWeiboIsServedFromTheCache() {
        Channel channel = channel("分享测试", "fenxiang");
        ArticleDetail article = publish(channel, "转发到朋友圈的文章", Instant.now().minusSeconds(60));
        String url = article.url();

        HttpResponse<byte[]> shared = http.get(url + "?from=timeline&isappinstalled=0");
        assertThat(shared.statusCode()).isEqualTo(200);
        assertThat(cacheStatus(shared)).isEqualTo("MISS");
        assertThat(text(shared)).contains("<link rel=\"canonical\" href=\"http://127.0.0.1:" + port + url + "\">")
                .doesNotContain("isappinstalled");

        HttpResponse<byte[]> plain = http.get(url);
        HttpResponse<byte[]> campaign = http.get(url + "?utm_source=x&from=timeline");
        HttpResponse<byte[]> weibo = http.get(url + "?spm=a2c4g.11186623&share_token=7f3a&");
        assertThat(List.of(plain, campaign, weibo)).allSatisfy(hit -> {
            assertThat(hit.statusCode()).isEqualTo(200);
            assertThat(cacheStatus(hit)).isEqualTo("HIT");
            assertThat(hit.body()).isEqualTo(shared.body());
        });
        HttpResponse<byte[]> hostile = http.get(url + "?from=%3Cscript%3Ealert(1)%3C/script%3E&utm_source=%FF%FE");
        assertThat(cacheStatus(hostile)).isEqualTo("HIT");
        assertThat(hostile.body()).as("tracking values never reach the page").isEqualTo(shared.body());
        assertThat(cacheStatus(http.get(url + "?utm_source=x&comment=published"))).as("a parameter the page reads")
                .isNull();
        assertThat(cache.size()).isEqualTo(1);
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
    void onlyTextPagesThatRecordedContentAreCached() {
        for (int i = 0; i < 2; i++) {
            assertThat(cacheStatus(http.get("/test-pages/unrecorded.html"))).isNull();
            assertThat(cacheStatus(http.get("/test-pages/data.json"))).isNull();
            HttpResponse<byte[]> notFound = http.get("/test-pages/article/999999.html");
            assertThat(notFound.statusCode()).isEqualTo(404);
            assertThat(cacheStatus(notFound)).isEqualTo(i == 0 ? "MISS" : "HIT");
        }
        assertThat(pages.renders("unrecorded")).isEqualTo(2);
        assertThat(pages.renders("json")).isEqualTo(2);
        assertThat(pages.renders("article-999999")).isEqualTo(1);
        HttpResponse<byte[]> asJson = http.get("/test-pages/article/999999.html", "Accept", "application/json");
        assertThat(cacheStatus(asJson)).as("not the cached error page for a client that wants JSON").isNull();
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
    void concurrentMissesOfOnePageRenderOnce() throws Exception {
        int readers = 32;
        double rendersBefore = requests("miss");
        int slowBefore = pages.renders("slow");
        pages.pageVersion = "一";
        pages.slowPageRendering = new CountDownLatch(1);
        pages.slowPageMayFinish = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<byte[]>>> answers = new java.util.ArrayList<>();
        answers.add(http.getLater("/test-pages/slow.html"));
        assertThat(pages.slowPageRendering.await(10, TimeUnit.SECONDS)).isTrue();
        double sharedBefore = requests("shared");
        for (int i = 1; i < readers; i++) {
            answers.add(http.getLater("/test-pages/slow.html", "Accept-Encoding", i % 2 == 0 ? "gzip" : "identity"));
        }
        // every other reader has arrived and waits for the one rendering
        await().atMost(Duration.ofSeconds(10)).until(() -> cache.size() == 0 && renderings() == 1
                && waiting() == readers - 1);
        pages.slowPageMayFinish.countDown();

        byte[] first = answers.get(0).get(10, TimeUnit.SECONDS).body();
        for (CompletableFuture<HttpResponse<byte[]>> answer : answers) {
            HttpResponse<byte[]> response = answer.get(10, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            if (header(response, "Content-Encoding") == null) {
                assertThat(response.body()).isEqualTo(first);
            }
        }
        assertThat(pages.renders("slow") - slowBefore).isEqualTo(1);
        assertThat(requests("miss") - rendersBefore).as("renders counted by the cache's metric").isEqualTo(1);
        assertThat(requests("shared") - sharedBefore).isEqualTo(readers - 1);
        assertThat(cacheStatus(http.get("/test-pages/slow.html"))).isEqualTo("HIT");
    }

    @Test
    void anEvictionOfAnotherArticleLeavesARenderingInFlightAlone() throws Exception {
        Channel channel = channel("在途测试", "zaitu");
        ArticleDetail other = publish(channel, "别的文章", Instant.now().minusSeconds(60));
        int slowBefore = pages.renders("slow");
        pages.pageVersion = "一";
        pages.slowPageRendering = new CountDownLatch(1);
        pages.slowPageMayFinish = new CountDownLatch(1);
        CompletableFuture<HttpResponse<byte[]>> slow = http.getLater("/test-pages/slow.html");
        assertThat(pages.slowPageRendering.await(10, TimeUnit.SECONDS)).isTrue();

        articles.update(other.id(), draft(channel, "别的文章（更正）", other.publishedAt(), ArticleStatus.PUBLISHED),
                EDITOR);
        events.publishEvent(ContentChangedEvent.of(PageKeys.MOST_READ));
        pages.slowPageMayFinish.countDown();

        assertThat(cacheStatus(slow.get(10, TimeUnit.SECONDS))).isEqualTo("MISS");
        assertThat(cacheStatus(http.get("/test-pages/slow.html"))).as("the rendering was kept").isEqualTo("HIT");
        assertThat(pages.renders("slow") - slowBefore).isEqualTo(1);
    }

    @Test
    void aCachedNotFoundTurnsIntoThePageWhenTheArticleIsPublished() {
        Channel channel = channel("待发测试", "daifa");
        ArticleDetail draft = articles.create(draft(channel, "还没发布的文章", null, ArticleStatus.DRAFT), EDITOR);
        String url = draft.url();
        HttpResponse<byte[]> missing = http.get(url);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(cacheStatus(missing)).isEqualTo("MISS");
        HttpResponse<byte[]> stillMissing = http.get(url + "?from=singlemessage");
        assertThat(stillMissing.statusCode()).isEqualTo(404);
        assertThat(cacheStatus(stillMissing)).isEqualTo("HIT");
        assertThat(stillMissing.body()).isEqualTo(missing.body());

        articles.publish(draft.id(), EDITOR);

        HttpResponse<byte[]> published = http.get(url);
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(text(published)).contains("还没发布的文章");
    }

    @Test
    void aRenamedChannelsOldAddressIsACachedRedirectThatFollowsTheNextRename() {
        Channel channel = channel("改名测试", "gaiming");
        String oldPath = "/" + channel.getPath() + "/";
        channels.update(channel.getId(), "改名测试", "gaiming2-" + RUN, null, null, null);
        HttpResponse<byte[]> moved = http.get(oldPath);
        assertThat(moved.statusCode()).isEqualTo(301);
        assertThat(cacheStatus(moved)).isEqualTo("MISS");
        assertThat(header(moved, "Location")).endsWith("/gaiming2-" + RUN + "/");
        HttpResponse<byte[]> again = http.get(oldPath);
        assertThat(again.statusCode()).isEqualTo(301);
        assertThat(cacheStatus(again)).isEqualTo("HIT");
        assertThat(header(again, "Location")).isEqualTo(header(moved, "Location"));

        channels.update(channel.getId(), "改名测试", "gaiming3-" + RUN, null, null, null);

        assertThat(header(http.get(oldPath), "Location")).endsWith("/gaiming3-" + RUN + "/");
    }

    @Test
    void cacheHitsShowInTheMetricsAndPrometheusIsNotExposed() {
        double before = requests("hit");
        http.get("/test-pages/p/metrics.html");
        http.get("/test-pages/p/metrics.html");
        http.get("/test-pages/p/metrics.html?utm_medium=social");
        assertThat(requests("hit") - before).isEqualTo(2);

        String admin = "Basic " + java.util.Base64.getEncoder().encodeToString(
                ("admin:page-cache-test-pw").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<byte[]> metric = http.get("/actuator/metrics/" + PageCacheFilter.METRIC + "?tag=result:hit",
                "Authorization", admin);
        assertThat(metric.statusCode()).isEqualTo(200);
        assertThat(text(metric)).contains("\"COUNT\"");
        assertThat(http.get("/actuator/metrics/" + PageCacheFilter.METRIC).statusCode())
                .as("metrics are for administrators").isEqualTo(401);
        assertThat(http.get("/actuator/prometheus", "Authorization", admin).statusCode()).isEqualTo(404);
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
    void aViewReadsNoDatabaseAndAnUnknownIdAnswersLikeADraft() {
        Channel channel = channel("阅读计数", "yuedu");
        ArticleDetail article = publish(channel, "阅读计数文章", Instant.now().minusSeconds(60));
        ArticleDetail draft = articles.create(draft(channel, "阅读计数草稿", null, ArticleStatus.DRAFT), EDITOR);
        String browser = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) MicroMessenger/8.0";

        assertThat(text(http.post("/counter/" + article.id() + "/view", "User-Agent", browser)))
                .isEqualTo("{\"views\":1,\"likes\":0,\"comments\":0}");
        // changed behind the application's back: a view answers from what it keeps, without reading the row
        jdbc.update("UPDATE article SET like_count = 77 WHERE id = ?", article.id());
        assertThat(text(http.post("/counter/" + article.id() + "/view", "User-Agent", browser)))
                .isEqualTo("{\"views\":2,\"likes\":0,\"comments\":0}");
        viewCounter.flush();
        assertThat(text(http.post("/counter/" + article.id() + "/view", "User-Agent", browser)))
                .as("views written to the database are not lost from the answer")
                .isEqualTo("{\"views\":3,\"likes\":0,\"comments\":0}");
        // a change of its comments (or of the article) has it read again
        events.publishEvent(ContentChangedEvent.of(PageKeys.comments(article.id())));
        assertThat(text(http.post("/counter/" + article.id() + "/view", "User-Agent", browser)))
                .isEqualTo("{\"views\":4,\"likes\":77,\"comments\":0}");

        HttpResponse<byte[]> ofDraft = http.post("/counter/" + draft.id() + "/view", "User-Agent", browser);
        HttpResponse<byte[]> ofNothing = http.post("/counter/987654321/view", "User-Agent", browser);
        assertThat(ofNothing.statusCode()).isEqualTo(ofDraft.statusCode()).isEqualTo(200);
        assertThat(ofNothing.body()).isEqualTo(ofDraft.body());
        assertThat(text(ofNothing)).isEqualTo("{\"views\":0,\"likes\":0,\"comments\":0}");
        viewCounter.flush();
        assertThat(articles.counts(draft.id()).views()).as("a draft's view is not counted").isZero();
        assertThat(viewCounter.pending(987654321L)).isZero();

        articles.publish(draft.id(), EDITOR);
        assertThat(text(http.post("/counter/" + draft.id() + "/view", "User-Agent", browser)))
                .as("counted once it is published").isEqualTo("{\"views\":1,\"likes\":0,\"comments\":0}");
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

    private double requests(String result) {
        return meters.counter(PageCacheFilter.METRIC, "result", result).count();
    }

    private int renderings() {
        return filter.getFilter().renderingsInFlight();
    }

    private int waiting() {
        return filter.getFilter().waiting();
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
