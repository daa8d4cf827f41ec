package cn.dayuan.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import cn.dayuan.system.DayuanProperties;
import cn.dayuan.system.PageKeys;

/** The store and its dependency index on their own, without a server. */
class PageCacheStoreTest {

    private static PageCache cacheOf(DataSize limit) {
        return new PageCache(new DayuanProperties(Path.of("target/test-data/PageCacheStoreTest"), false, null, null,
                ZoneId.of("Asia/Shanghai"), limit, null, null, "dayuan", java.time.Duration.ofSeconds(2),
                java.time.Duration.ofHours(24), java.util.List.of(), java.time.Duration.ofDays(180),
                java.time.Duration.ofDays(30), List.of("from"), java.util.Set.of()));
    }

    private static CachedPage page(String path, int kilobytes, String... keys) {
        byte[] body = ("<p>" + "页".repeat(kilobytes * 1024 / 3) + "</p>").getBytes(StandardCharsets.UTF_8);
        return new CachedPage("http://localhost:80" + path, Set.of(keys), "text/html;charset=UTF-8", body, List.of(),
                "Accept-Encoding", Instant.now());
    }

    @Test
    void theByteLimitIsRespectedAndTheIndexFollowsEvictions() {
        PageCache cache = cacheOf(DataSize.ofKilobytes(100));
        for (int i = 0; i < 20; i++) {
            CachedPage page = page("/p/" + i + ".html", 20, "article:" + i, "latest");
            assertThat(cache.store(page, cache.beginRender())).isTrue();
        }

        assertThat(cache.weight()).isLessThanOrEqualTo(DataSize.ofKilobytes(100).toBytes());
        assertThat(cache.size()).as("20 KB pages in 100 KB").isBetween(1L, 4L);
        assertThat(cache.indexedPages()).isEqualTo(cache.size());

        cache.evict(Set.of("latest"));
        assertThat(cache.size()).isZero();
        assertThat(cache.indexedPages()).isZero();
    }

    @Test
    void aPageLargerThanTheWholeCacheIsNotKept() {
        PageCache cache = cacheOf(DataSize.ofKilobytes(16));
        cache.store(page("/huge.html", 64, "site"), cache.beginRender());

        assertThat(cache.get("http://localhost:80/huge.html")).isNull();
        assertThat(cache.indexedPages()).isZero();
    }

    @Test
    void evictionRemovesOnlyPagesThatRecordedTheKey() {
        PageCache cache = cacheOf(DataSize.ofMegabytes(8));
        cache.store(page("/zcjh/1.html", 2, "article:1", "channel-list:3"), cache.beginRender());
        cache.store(page("/zcjh/", 2, "channel-list:3"), cache.beginRender());
        cache.store(page("/tag/行动/", 2, "tag-list:7"), cache.beginRender());

        cache.evict(Set.of("article:1"));

        assertThat(cache.get("http://localhost:80/zcjh/1.html")).isNull();
        assertThat(cache.get("http://localhost:80/zcjh/")).isNotNull();
        assertThat(cache.get("http://localhost:80/tag/行动/")).isNotNull();
        assertThat(cache.indexedPages()).isEqualTo(2);
    }

    @Test
    void aRenderingThatOverlapsAnEvictionOfItsKeysIsNotStored() {
        PageCache cache = cacheOf(DataSize.ofMegabytes(8));
        long atRenderStart = cache.beginRender();
        cache.evict(Set.of("channel-list:3"));

        assertThat(cache.store(page("/zcjh/", 2, "channel-list:3"), atRenderStart)).isFalse();
        assertThat(cache.size()).isZero();
        assertThat(cache.indexedPages()).isZero();
    }

    @Test
    void anEvictionOfOtherKeysLeavesARenderingInFlightAlone() {
        PageCache cache = cacheOf(DataSize.ofMegabytes(8));
        long first = cache.beginRender();
        long second = cache.beginRender();
        cache.evict(Set.of("article:1"));
        cache.evict(Set.of(PageKeys.MOST_READ));

        assertThat(cache.store(page("/zcjh/2.html", 2, "article:2", "channel-list:3"), first)).isTrue();
        assertThat(cache.store(page("/zcjh/1.html", 2, "article:1", "channel-list:3"), second))
                .as("its keys, recorded whenever during the rendering, meet the first eviction").isFalse();
        cache.endRender(first);
        cache.endRender(second);
        long third = cache.beginRender();
        assertThat(cache.store(page("/zcjh/1.html", 2, "article:1", "channel-list:3"), third)).isTrue();
        cache.endRender(third);
    }

    @Test
    void notFoundAnswersGoWhenAnAddressMayComeToLife() {
        PageCache cache = cacheOf(DataSize.ofMegabytes(8));
        CachedPage notFound = new CachedPage("http://localhost:80/zcjh/9.html", 404,
                Set.of("article:9", PageCache.ADDRESSES), "text/html;charset=UTF-8", new byte[10], List.of(),
                "Accept-Encoding", Instant.now());
        cache.store(notFound, cache.beginRender());

        cache.evict(Set.of("article:8", "comments:8", PageKeys.MOST_READ, "slot:home", "tag-related:3"));
        assertThat(cache.get(notFound.cacheKey)).as("what existing pages show changed, no address").isNotNull();
        cache.evict(Set.of("tag-list:3"));
        assertThat(cache.get(notFound.cacheKey)).isNull();

        cache.store(notFound, cache.beginRender());
        cache.evict(Set.of("article:9"));
        assertThat(cache.get(notFound.cacheKey)).isNull();
    }

    @Test
    void aNewRenderingReplacesTheOldOneInTheIndex() {
        PageCache cache = cacheOf(DataSize.ofMegabytes(8));
        cache.store(page("/zcjh/", 2, "channel-list:3", "site"), cache.beginRender());
        cache.store(page("/zcjh/", 3, "channel-list:3"), cache.beginRender());

        assertThat(cache.indexedPages()).isEqualTo(1);
        cache.evict(Set.of("site"));
        assertThat(cache.get("http://localhost:80/zcjh/")).as("the new rendering no longer shows site settings")
                .isNotNull();
        cache.evict(Set.of("channel-list:3"));
        assertThat(cache.get("http://localhost:80/zcjh/")).isNull();
    }

    @Test
    void compressedCopiesCountOnceTheyAreMade() throws Exception {
        PageCache cache = cacheOf(DataSize.ofMegabytes(8));
        CachedPage page = page("/zcjh/1.html", 20, "article:1");
        cache.store(page, cache.beginRender());
        long plainOnly = cache.weight();

        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/zcjh/1.html");
        request.addHeader("Accept-Encoding", "gzip");
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThat(page.serve(request, response, CachedPage.HIT)).isTrue();
        cache.reweigh(page);

        assertThat(cache.weight()).isEqualTo(plainOnly + response.getContentAsByteArray().length);
        assertThat(page.serve(request, new MockHttpServletResponse(), CachedPage.HIT)).isFalse();
        assertThat(cache.indexedPages()).isEqualTo(1);
    }

    @Test
    void acceptEncodingIsReadWithQualities() {
        int gzip = 1;
        int brotli = 2;
        assertThat(CachedPage.acceptedEncodings(null)).isZero();
        assertThat(CachedPage.acceptedEncodings("gzip, deflate, br, zstd")).isEqualTo(gzip | brotli);
        assertThat(CachedPage.acceptedEncodings("GZIP")).isEqualTo(gzip);
        assertThat(CachedPage.acceptedEncodings("br;q=1.0, gzip;q=0")).isEqualTo(brotli);
        assertThat(CachedPage.acceptedEncodings("gzip; q=0.5")).isEqualTo(gzip);
        assertThat(CachedPage.acceptedEncodings("*")).isEqualTo(gzip | brotli);
        assertThat(CachedPage.acceptedEncodings("*, br;q=0")).isEqualTo(gzip);
        assertThat(CachedPage.acceptedEncodings("identity")).isZero();
        assertThat(CachedPage.acceptedEncodings("gzip;q=0.000")).isZero();
    }
}
