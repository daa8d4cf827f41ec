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
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import cn.dayuan.cluster.Nodes.Node;

/**
 * Search on OpenSearch with its built-in {@code cjk} analyzer (pairs of neighbouring characters), which a cluster
 * without the smartcn plugin gets: a query's words are looked up as phrases of pairs, so a word finds its article
 * whatever the order the words are typed in, pinyin still works, and no query, however hostile, gets an error page.
 */
@Tag("cluster")
@ExtendWith({ClusterAvailability.class, OpenSearchAvailability.class})
class OpenSearchCjkTest {

    private static Nodes cluster;
    private static Node node;
    private static String bus;
    private static String temple;

    @BeforeAll
    static void startOneNodeWithCjk() throws Exception {
        cluster = Nodes.start(ClusterServers.redisUrl(), 1, "--dayuan.search.backend=opensearch",
                "--dayuan.search.opensearch-url=" + ClusterServers.openSearchUrl(),
                "--dayuan.search.opensearch-analyzer=cjk");
        node = cluster.get(0);
        String channel = "bendi";
        node.create("/api/v1/channels", "{\"name\":\"本地\",\"slug\":\"" + channel + "\"}");
        bus = path(node.create("/api/v1/articles", """
                {"title":"太原公交线路本周起调整","channel":"%s","tags":["公交"],
                 "body":"<p>市公交集团宣布，部分线路自本周起调整走向，方便市民前往新建的医院。</p>","status":"PUBLISHED"}"""
                .formatted(channel)).get("url").asString());
        temple = path(node.create("/api/v1/articles", """
                {"title":"晋祠博物馆推出冬季夜游","channel":"%s",
                 "body":"<p>晋祠博物馆首次在冬季开放夜游，圣母殿和鱼沼飞梁将亮灯。</p>","status":"PUBLISHED"}"""
                .formatted(channel)).get("url").asString());
        long start = System.nanoTime();
        while (!search("晋祠").contains(temple) || !search("公交").contains(bus)) {
            assertThat((System.nanoTime() - start) / 1_000_000).as("ms until both were found").isLessThan(5000);
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ClusterServers.openSearchUrl() + "/"
                    + index() + "-000001")).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    @Test
    void wordsAreFoundAsPairsOfCharactersInAnyOrderAndByPinyin() {
        assertThat(search("晋祠博物馆")).contains(temple).doesNotContain(bus);
        assertThat(search("夜游 冬季 晋祠")).as("words in another order").contains(temple);
        assertThat(search("太原公交")).contains(bus).doesNotContain(temple);
        assertThat(search("taiyuan")).as("pinyin of a title word").contains(bus);
        assertThat(search("鱼沼飞梁")).as("a name no dictionary has").contains(temple);
        assertThat(search("晋祠")).contains("<em>晋祠</em>");
        assertThat(search("故宫")).doesNotContain(temple).doesNotContain(bus);
    }

    @Test
    void hostileQueriesGetASearchPage() {
        List<String> queries = new ArrayList<>(List.of("C++", "\"", "*", "?", "AND", "OR", "NOT", "a AND b",
                "title:晋祠", "晋祠~2", "晋祠^10", "(", ")", "[a TO z]", "{", "\\", "/", "/.*/", "-", "+", "!", "&&",
                "||", "\"晋祠", "晋*", "*:*", "", " ", "\u0007晋祠", "\uE000晋祠\uE001", "%", "<em>",
                "晋".repeat(500), "C++编程".repeat(80), "AND ".repeat(150), "{\"match_all\":{}}"));
        Random random = new Random(7);
        for (int i = 0; i < 50; i++) {
            StringBuilder fuzz = new StringBuilder();
            for (int c = random.nextInt(40); c > 0; c--) {
                fuzz.append((char) (random.nextBoolean() ? random.nextInt(0x20, 0x80) : random.nextInt(0x4E00, 0x9FA5)));
            }
            queries.add(fuzz.toString());
        }
        List<String> wrong = new ArrayList<>();
        for (String query : queries) {
            HttpResponse<String> answer = new Browser().get(node.url("/search?q="
                    + URLEncoder.encode(query, StandardCharsets.UTF_8)));
            if (answer.statusCode() != 200) {
                wrong.add((query.length() > 30 ? query.substring(0, 30) + "…" : query) + " → " + answer.statusCode());
            }
        }
        assertThat(wrong).as("queries that did not get a search page").isEmpty();
    }

    /** The beginning of the names of the site's index and its aliases on OpenSearch. */
    private static String index() {
        return cluster.clusterName() + "-v" + cn.dayuan.search.SearchIndexBuilds.MAPPING_VERSION + "-article";
    }

    private static String search(String words) {
        return Nodes.searchResults(new Browser().get(node.url("/search?q="
                + URLEncoder.encode(words, StandardCharsets.UTF_8))).body());
    }

    private static String path(String url) {
        return URI.create(url).getPath();
    }
}
