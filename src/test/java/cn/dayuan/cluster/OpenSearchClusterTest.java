package cn.dayuan.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

import cn.dayuan.cluster.Nodes.Node;

/**
 * Two nodes searching one index on a real OpenSearch node ({@code dayuan.search.backend=opensearch}), with
 * Hibernate Search's outbox-polling coordination: what one node publishes, edits or withdraws is found (or no longer
 * found) through the other within two seconds, each change is written to the index once whichever node made it, and
 * search reads Chinese, pinyin and drafts as the embedded index does.
 */
@Tag("cluster")
@ExtendWith({ClusterAvailability.class, OpenSearchAvailability.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenSearchClusterTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Nodes cluster;
    private static Node a;
    private static Node b;

    @BeforeAll
    static void startTwoNodesOnOneOpenSearch() {
        cluster = Nodes.start(ClusterServers.redisUrl(), 2, "--dayuan.demo=true",
                "--dayuan.search.backend=opensearch", "--dayuan.search.opensearch-url=" + ClusterServers.openSearchUrl());
        a = cluster.get(0);
        b = cluster.get(1);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
            openSearch("DELETE", "/" + index() + "-000001");
        }
    }

    @Test
    @Order(1)
    void theSitesIndexIsOnOpenSearchUnderItsNameAndBothNodesProcessItsOutbox() throws Exception {
        HttpResponse<String> aliases = openSearch("GET", "/" + index() + "-read/_alias");
        assertThat(aliases.statusCode()).as(aliases.body()).isEqualTo(200);
        assertThat(aliases.body()).contains(index() + "-000001");
        JdbcTemplate jdbc = a.bean(JdbcTemplate.class);
        waitUntilOutboxIsEmpty(jdbc);
        assertThat(indexCount()).as("the demo articles, indexed from the outbox")
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM article", Long.class));
        List<Map<String, Object>> agents = jdbc.queryForList("SELECT total_shard_count, assigned_shard_index"
                + " FROM hsearch_agent WHERE type = 'EVENT_PROCESSING_DYNAMIC_SHARDING' AND state = 'RUNNING'");
        assertThat(agents).as("one event processor per node, each with its share").hasSize(2)
                .extracting(agent -> ((Number) agent.get("assigned_shard_index")).intValue())
                .containsExactlyInAnyOrder(0, 1);
    }

    @Test
    @Order(2)
    void anArticlePublishedOnAIsFoundThroughBWithinTwoSeconds() throws Exception {
        JsonNode article = a.create("/api/v1/articles", """
                {"title":"汾河湿地公园观鸟栈道今日开放","channel":"%s","tags":["汾河"],
                 "body":"<p>汾河湿地公园新建的观鸟栈道全长两公里，市民可以近距离观察候鸟。</p>","status":"PUBLISHED"}"""
                .formatted(anyChannel()));
        String page = URI.create(article.get("url").asString()).getPath();
        long found = b.millisUntil(search("观鸟栈道"), body -> Nodes.searchResults(body).contains(page), 2000);
        System.out.println("[dayuan] published on A, found through B's search after " + found + " ms");
        assertThat(found).as("ms until B's search found what A published").isLessThan(2000);
        assertThat(Nodes.searchResults(new Browser().get(b.url(search("fenhe"))).body()))
                .as("pinyin of a tag, analysed on OpenSearch")
                .contains(page);
        assertThat(new Browser().get(b.url(search("观鸟栈道"))).body()).as("the match highlighted")
                .contains("<em>观鸟栈道</em>");

        a.retitle(article.get("id").asLong(), "汾河湿地公园观鸟栈道暂停开放");
        assertThat(b.millisUntil(search("暂停开放 栈道"), body -> Nodes.searchResults(body).contains(page), 2000))
                .as("ms until B's search found A's edit").isLessThan(2000);

        assertThat(a.api("POST", "/api/v1/articles/" + article.get("id").asLong() + "/unpublish", null).statusCode())
                .isEqualTo(200);
        assertThat(b.millisUntil(search("观鸟栈道"), body -> !Nodes.searchResults(body).contains(page), 2000))
                .as("ms until B's search lost the article A withdrew").isLessThan(2000);
    }

    @Test
    @Order(3)
    void everyChangeReachesTheIndexOnceWhicheverNodeMadeIt() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Node writer = i % 2 == 0 ? a : b;
            ids.add(writer.create("/api/v1/articles", """
                    {"title":"一次索引测试第%d篇","channel":"%s","body":"<p>每个改动只写入索引一次。</p>",
                     "status":"PUBLISHED"}""".formatted(i, anyChannel())).get("id").asLong());
        }
        JdbcTemplate jdbc = a.bean(JdbcTemplate.class);
        waitUntilOutboxIsEmpty(jdbc);
        for (Long id : ids) {
            assertThat(documentVersion(id)).as("writes of article %d after its creation", id).isEqualTo(1);
        }
        for (int i = 0; i < ids.size(); i++) {
            (i % 2 == 0 ? b : a).retitle(ids.get(i), "一次索引测试改过的第" + i + "篇");
        }
        waitUntilOutboxIsEmpty(jdbc);
        for (Long id : ids) {
            assertThat(documentVersion(id)).as("writes of article %d after one edit on the other node", id)
                    .isEqualTo(2);
        }
        assertThat(indexCount()).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM article", Long.class));
    }

    @Test
    @Order(4)
    void theNewsroomOfBFindsADraftWrittenOnA() throws Exception {
        a.create("/api/v1/articles", """
                {"title":"晋阳湖冬季冰雪节筹备方案（草稿）","channel":"%s","body":"<p>筹备中。</p>","status":"DRAFT"}"""
                .formatted(anyChannel()));
        Browser editor = new Browser();
        editor.login(b.url(""), "admin", Nodes.ADMIN_PASSWORD);
        String list = "/admin/articles?keyword=" + URLEncoder.encode("冰雪节 筹备", StandardCharsets.UTF_8);
        long start = System.nanoTime();
        while (!editor.get(b.url(list)).body().contains("晋阳湖冬季冰雪节筹备方案")) {
            assertThat((System.nanoTime() - start) / 1_000_000).as("ms until B's newsroom found A's draft")
                    .isLessThan(2000);
            Thread.sleep(20);
        }
        assertThat(editor.get(b.url("/admin/search-index")).body()).as("the index page says where the index is")
                .contains("OpenSearch " + ClusterServers.openSearchUrl()).contains("各台服务器共用这一份索引")
                .doesNotContain("每台服务器有自己的索引");
        assertThat(Nodes.searchResults(new Browser().get(b.url(search("冰雪节 筹备"))).body()))
                .as("readers never find a draft")
                .doesNotContain("晋阳湖冬季冰雪节筹备方案");
    }

    @Test
    @Order(5)
    void relatedArticlesComeFromOpenSearchsMoreLikeThis() throws Exception {
        String channel = anyChannel();
        long first = a.create("/api/v1/articles", """
                {"title":"迎泽大街地下综合管廊开工","channel":"%s","body":"<p>迎泽大街地下综合管廊今日开工，管廊将容纳电力、通信、给水和燃气管线，施工期间迎泽大街半幅通行。</p>",
                 "status":"PUBLISHED"}""".formatted(channel)).get("id").asLong();
        waitUntilOutboxIsEmpty(a.bean(JdbcTemplate.class));
        // No tag in common: only the likeness of the text can relate them.
        JsonNode second = b.create("/api/v1/articles", """
                {"title":"迎泽大街综合管廊完成首段浇筑","channel":"%s","body":"<p>迎泽大街地下综合管廊首段完成浇筑，电力和通信管线明年入廊，燃气管线随后迁入。</p>",
                 "status":"PUBLISHED"}""".formatted(channel));
        assertThat(a.bean(JdbcTemplate.class).queryForObject("SELECT similar_ids FROM article WHERE id = ?",
                String.class, second.get("id").asLong())).as("chosen by more_like_this when B saved it")
                .contains(String.valueOf(first));
        String page = new Browser().get(a.url(URI.create(second.get("url").asString()).getPath())).body();
        assertThat(page.substring(Math.max(0, page.indexOf("相关阅读")))).contains("迎泽大街地下综合管廊开工");
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** The beginning of the names of the site's index and its aliases on OpenSearch. */
    private static String index() {
        return cluster.clusterName() + "-v" + cn.dayuan.search.SearchIndexBuilds.MAPPING_VERSION + "-article";
    }

    private static String search(String words) {
        return "/search?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8);
    }

    private static String anyChannel() {
        return a.bean(JdbcTemplate.class).queryForObject("SELECT MIN(path) FROM channel", String.class);
    }

    private static void waitUntilOutboxIsEmpty(JdbcTemplate jdbc) throws InterruptedException {
        long start = System.nanoTime();
        while (jdbc.queryForObject("SELECT COUNT(*) FROM hsearch_outbox_event", Long.class) > 0) {
            assertThat((System.nanoTime() - start) / 1_000_000).as("ms until the outbox was processed")
                    .isLessThan(10_000);
            Thread.sleep(20);
        }
        // What was processed is searchable after OpenSearch's next refresh.
        openSearch("POST", "/" + index() + "-read/_refresh");
    }

    private static long indexCount() {
        HttpResponse<String> count = openSearch("GET", "/" + index() + "-read/_count");
        return Nodes.JSON.readTree(count.body()).get("count").asLong();
    }

    /** How many times OpenSearch has written the article's document. */
    private static long documentVersion(long id) {
        HttpResponse<String> document = openSearch("GET", "/" + index() + "-read/_doc/" + id);
        assertThat(document.statusCode()).as(document.body()).isEqualTo(200);
        return Nodes.JSON.readTree(document.body()).get("_version").asLong();
    }

    private static HttpResponse<String> openSearch(String method, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(ClusterServers.openSearchUrl() + path))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("OpenSearch did not answer " + method + " " + path, e);
        }
    }
}
