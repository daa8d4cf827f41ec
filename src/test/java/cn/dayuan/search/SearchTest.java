package cn.dayuan.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.util.FileSystemUtils;

import cn.dayuan.article.ArticleDetail;
import cn.dayuan.article.ArticleDraft;
import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleStatus;
import cn.dayuan.article.RightsType;
import cn.dayuan.channel.ChannelService;
import cn.dayuan.system.ContentChangedEvent;
import cn.dayuan.system.PageKeys;
import cn.dayuan.tag.TagService;

/**
 * Reader search over real HTTP, content made through the services: what is found and in what order, what is never
 * found, the filters, the pages and their highlighting.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dayuan.data-dir=" + SearchTest.DATA_DIR, "dayuan.admin-password=search-test-pw"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchTest {

    static final String DATA_DIR = "target/test-data/SearchTest";

    static {
        FileSystemUtils.deleteRecursively(Path.of(DATA_DIR).toFile());
    }

    @LocalServerPort
    int port;
    @Autowired
    ArticleService articles;
    @Autowired
    ChannelService channels;
    @Autowired
    TagService tags;
    @Autowired
    SearchService search;
    @Autowired
    ApplicationEventPublisher events;

    final HttpClient http = HttpClient.newHttpClient();
    long bodyOnly;
    long inTitle;
    long jinci;
    long localId;
    long localChannel;

    @BeforeAll
    void createContent() {
        channels.create("要闻", "yaowen", null, null, null);
        channels.create("本地", "bendi", null, null, null);
        channels.create("太原", "taiyuan", "bendi", null, null);
        localChannel = channels.tree().byPath("bendi").orElseThrow().id();
        bodyOnly = publish("城市建设新进展", "yaowen", "<p>今年全市新建<b>5G基站</b>三千座，地铁二号线开通。</p>",
                List.of(), "2024-03-01T09:00:00+08:00").id();
        inTitle = publish("5G基站建设提速", "yaowen", "<p>通信管理局发布通知。</p>", List.of("通信"),
                "2024-02-01T09:00:00+08:00").id();
        jinci = publish("晋祠博物馆迎来游客高峰", "bendi/taiyuan",
                "<p>2024年春节期间，晋祠接待游客十万人次。讲解员王建国介绍了圣母殿。</p>", List.of("文旅"),
                "2024-02-15T09:00:00+08:00").id();
        localId = publish("社区开设C++编程课堂", "bendi",
                "<p>青少年学习C++编程，老师说：<script>alert(1)</script>&lt;b&gt;不是标签&lt;/b&gt;。</p>",
                List.of("教育"), "2023-12-20T09:00:00+08:00").id();
    }

    ArticleDetail publish(String title, String channel, String body, List<String> tagNames, String at) {
        return articles.create(new ArticleDraft(title, null, null, body, channel, "记者 李明", "山西日报", null, null,
                tagNames, RightsType.ORIGINAL, OffsetDateTime.parse(at).toInstant(), ArticleStatus.PUBLISHED, null,
                false, false, true), "admin");
    }

    List<Long> found(String q) {
        return search.search(SearchQuery.of(q)).hits().stream().map(hit -> hit.article().id()).toList();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void findsByWordsOfTitleAndBody() {
        assertThat(found("晋祠")).containsExactly(jinci);
        assertThat(found("游客")).containsExactly(jinci);
        assertThat(found("圣母殿")).containsExactly(jinci);
        assertThat(found("王建国")).containsExactly(jinci);
        assertThat(found("2024年")).contains(jinci);
        assertThat(found("C++编程")).containsExactly(localId);
        assertThat(found("地铁")).containsExactly(bodyOnly);
        assertThat(found("博物馆")).containsExactly(jinci);
        assertThat(found("文旅")).containsExactly(jinci);
        assertThat(found("李明")).hasSize(4);
    }

    @Test
    void titleHitsRankAboveBodyHits() {
        assertThat(found("5G基站")).containsExactly(inTitle, bodyOnly);
    }
}
