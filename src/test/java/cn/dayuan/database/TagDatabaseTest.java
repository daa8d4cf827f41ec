package cn.dayuan.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tags through the JSON API and the public site, on each database: the first use of a new tag by many writers at
 * once, and an editor's rename, merge and delete as readers and clients then see them.
 */
class TagDatabaseTest extends DatabaseTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private String channel;

    @BeforeEach
    void channel() {
        channel = unique("tags");
        assertThat(send("POST", "/api/v1/channels", Map.of("name", "标签", "slug", channel)).statusCode())
                .isEqualTo(201);
    }

    @Test
    void fortyArticlesFromFourThreadsNamingTheSameTwoNewTagsAreAllCreated() throws Exception {
        String first = unique("新标签");
        String second = unique("另一个");
        int threads = 4;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await();
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        HttpResponse<String> answer = send("POST", "/api/v1/articles", article(
                                "第" + thread + "组第" + i + "篇", List.of(first, second)));
                        statuses.add(answer.statusCode());
                        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
                    }
                    return statuses;
                }));
            }
            for (Future<List<Integer>> result : results) {
                assertThat(result.get()).containsOnly(201).hasSize(10);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from tag where name in (?, ?)", Long.class, first, second))
                .isEqualTo(2);
        JsonNode tag = json(send("GET", "/api/v1/tags?q=" + encode(first), null));
        assertThat(tag.path("items").get(0).path("name").asString()).isEqualTo(first);
        assertThat(tag.path("items").get(0).path("articles").asLong()).isEqualTo(40);
        assertThat(page("/tag/" + encode(second) + "/").statusCode()).isEqualTo(200);
    }

    @Test
    void anArticleWithoutTagsGetsNoneAndNoTagPageAppears() {
        Map<String, Object> article = new java.util.HashMap<>(article("部分地区持续实行新规", null));
        article.remove("tags");
        JsonNode created = json(send("POST", "/api/v1/articles", article));
        assertThat(created.path("tags").isEmpty()).isTrue();
        assertThat(page("/tag/" + encode("部分") + "/").statusCode()).isEqualTo(404);
    }

    @Test
    void aRenamedTagsOldPagesAnswer301AndAnotherTagMayTakeTheOldNameLater() {
        String old = unique("旧名");
        String renamed = unique("新名");
        long articleId = json(send("POST", "/api/v1/articles", article("改名之前", List.of("城建", old)))).path("id")
                .asLong();
        String oldPage = "/tag/" + encode(old) + "/";
        assertThat(page(oldPage).statusCode()).isEqualTo(200);
        String articleUrl = json(send("GET", "/api/v1/articles/" + articleId, null)).path("url").asString();
        assertThat(page(URI.create(articleUrl).getPath()).body()).contains(old);
        long tagId = tagId(old);

        HttpResponse<String> answer = send("PUT", "/api/v1/tags/" + tagId, Map.of("name", renamed));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(json(answer).path("aliases").toString()).contains(old);

        HttpResponse<String> moved = page(oldPage);
        assertThat(moved.statusCode()).isEqualTo(301);
        assertThat(moved.headers().firstValue("Location").orElseThrow()).endsWith("/tag/" + encode(renamed) + "/");
        HttpResponse<String> secondPage = page(oldPage + "index_2.html");
        assertThat(secondPage.statusCode()).isEqualTo(301);
        assertThat(secondPage.headers().firstValue("Location").orElseThrow())
                .endsWith("/tag/" + encode(renamed) + "/index_2.html");
        assertThat(page("/tag/" + encode(renamed) + "/").body()).contains("改名之前");
        // The article's page was cached with the old name, and shows the new one.
        String articlePage = page(URI.create(articleUrl).getPath()).body();
        assertThat(articlePage).contains(renamed).doesNotContain(old);
        assertThat(json(send("GET", "/api/v1/articles/" + articleId, null)).path("tags").toString())
                .isEqualTo("[\"城建\",\"" + renamed + "\"]");

        // A name another tag has is refused: merging is the way to join two tags.
        HttpResponse<String> taken = send("PUT", "/api/v1/tags/" + tagId, Map.of("name", "城建"));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(json(taken).path("detail").asString()).contains("合并");
        assertThat(send("PUT", "/api/v1/tags/" + tagId, Map.of("name", "a/b")).statusCode()).isEqualTo(400);

        // A new tag under the old name takes the name over.
        send("POST", "/api/v1/articles", article("旧名重新启用", List.of(old)));
        assertThat(page(oldPage).statusCode()).isEqualTo(200);
        assertThat(page(oldPage).body()).contains("旧名重新启用").doesNotContain("改名之前");
        assertThat(json(send("GET", "/api/v1/tags/" + tagId, null)).path("aliases").isEmpty()).isTrue();
    }

    @Test
    void mergingMovesEveryArticleAndTheMergedTagsPagesAnswer301() {
        String from = unique("合并前");
        String into = unique("合并后");
        String other = unique("其他");
        long onlyFrom = created("只有旧标签", List.of(from, other));
        long fromFirst = created("旧标签在前", List.of(from, other, into));
        long intoFirst = created("新标签在前", List.of(into, from, other));
        long onlyInto = created("只有新标签", List.of(into));
        String intoPage = "/tag/" + encode(into) + "/";
        // Both pages and the listings behind them are in memory before the merge.
        assertThat(page(intoPage).body()).contains("只有新标签").doesNotContain("只有旧标签");
        assertThat(page(intoPage).headers().firstValue("X-Dayuan-Cache")).hasValue("HIT");
        assertThat(page("/tag/" + encode(from) + "/").statusCode()).isEqualTo(200);
        long fromId = tagId(from);
        long intoId = tagId(into);

        assertThat(send("POST", "/api/v1/tags/" + fromId + "/merge", Map.of("into", fromId)).statusCode())
                .isEqualTo(400);
        HttpResponse<String> merged = send("POST", "/api/v1/tags/" + fromId + "/merge", Map.of("into", intoId));
        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        assertThat(json(merged).path("articles").asLong()).isEqualTo(4);
        assertThat(json(merged).path("aliases").toString()).contains(from);

        assertThat(tags(onlyFrom)).containsExactly(into, other);
        assertThat(tags(fromFirst)).containsExactly(into, other);
        assertThat(tags(intoFirst)).containsExactly(into, other);
        assertThat(tags(onlyInto)).containsExactly(into);
        for (long article : List.of(onlyFrom, fromFirst, intoFirst, onlyInto)) {
            assertThat(jdbc.queryForList("select tag_order from article_tag where article_id = ? order by tag_order",
                    Integer.class, article)).as("tag places of article %s", article)
                    .isEqualTo(java.util.stream.IntStream.range(0, tags(article).size()).boxed().toList());
        }
        assertThat(page(intoPage).body()).contains("只有旧标签", "旧标签在前", "新标签在前", "只有新标签");
        HttpResponse<String> oldPage = page("/tag/" + encode(from) + "/");
        assertThat(oldPage.statusCode()).isEqualTo(301);
        assertThat(oldPage.headers().firstValue("Location").orElseThrow()).endsWith(intoPage);
        assertThat(page("/tag/" + encode(from) + "/index_3.html").headers().firstValue("Location").orElseThrow())
                .endsWith(intoPage + "index_3.html");
        assertThat(send("GET", "/api/v1/tags/" + fromId, null).statusCode()).isEqualTo(404);
    }

    @Test
    void deletingATagTakesItOffItsArticlesAndItsPageIsGone() {
        String doomed = unique("删除");
        String kept = unique("保留");
        long article = created("标签将被删除", List.of(doomed, kept));
        String doomedPage = "/tag/" + encode(doomed) + "/";
        assertThat(page(doomedPage).statusCode()).isEqualTo(200);

        assertThat(send("DELETE", "/api/v1/tags/" + tagId(doomed), null).statusCode()).isEqualTo(204);

        assertThat(tags(article)).containsExactly(kept);
        assertThat(jdbc.queryForList("select tag_order from article_tag where article_id = ?", Integer.class, article))
                .containsExactly(0);
        assertThat(page(doomedPage).statusCode()).isEqualTo(404);
        assertThat(page("/tag/" + encode(kept) + "/").body()).contains("标签将被删除");
        assertThat(send("DELETE", "/api/v1/tags/999999999", null).statusCode()).isEqualTo(404);
    }

    private long created(String title, List<String> tags) {
        HttpResponse<String> answer = send("POST", "/api/v1/articles", article(title, tags));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return json(answer).path("id").asLong();
    }

    private List<String> tags(long articleId) {
        List<String> names = new ArrayList<>();
        json(send("GET", "/api/v1/articles/" + articleId, null)).path("tags").forEach(t -> names.add(t.asString()));
        return names;
    }

    private long tagId(String name) {
        return jdbc.queryForObject("select id from tag where name = ?", Long.class, name);
    }

    private Map<String, Object> article(String title, List<String> tags) {
        Map<String, Object> article = new java.util.HashMap<>(Map.of("title", title, "channel", channel,
                "body", "<p>" + title + "。市民关心的事，本报持续关注。</p>", "status", "PUBLISHED",
                "publishedAt", "2024-05-06T07:08:09+08:00"));
        if (tags != null) {
            article.put("tags", tags);
        }
        return article;
    }

    private HttpResponse<String> page(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
    }

    private HttpResponse<String> send(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> answer) {
        return JSON.readTree(answer.body());
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
