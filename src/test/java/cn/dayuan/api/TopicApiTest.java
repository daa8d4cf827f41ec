package cn.dayuan.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * 专题 as editors make them: a section by tag and one picked by hand on a public page once published, linked from the
 * pages of its articles; refused input names its field, and two editors never overwrite each other.
 */
class TopicApiTest extends ApiTestSupport {

    @Test
    void aPublishedTopicGathersItsArticlesAndTheirPagesLinkToIt() {
        String channel = newChannel("专题文章");
        long picked = article(channel, "供暖季首日全市管网运行平稳", List.of());
        long tagged = article(channel, "老旧小区加装电梯今年完成两百部", List.of("加装电梯"));
        long draft = createDraft(channel, "尚未发布的稿件");
        Map<String, Object> topic = new HashMap<>(Map.of("title", "温暖过冬 <script>alert(1)</script>",
                "slug", "wennuan-guodong", "introduction", "今冬供暖和民生保障的全部报道。\n第二段导语。",
                "published", true, "sections", List.of(
                        Map.of("title", "权威发布", "articles", List.of(picked, draft)),
                        Map.of("title", "电梯加装", "tag", "加装电梯"))));
        Answer created = post("/api/v1/topics", topic, admin());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode saved = created.json();
        assertThat(saved.path("url").asString()).endsWith("/zt/wennuan-guodong/");
        assertThat(saved.path("sections").get(0).path("articles").toString()).isEqualTo("[" + picked + "," + draft + "]");

        String page = page("/zt/wennuan-guodong/");
        assertThat(page).contains("权威发布", "供暖季首日全市管网运行平稳", "电梯加装", "老旧小区加装电梯今年完成两百部",
                "第二段导语", "&lt;script&gt;").doesNotContain("尚未发布的稿件", "<script>alert(1)");
        assertThat(page("/zt/")).contains("/zt/wennuan-guodong/");
        String articlePage = page(ok(get("/api/v1/articles/" + tagged, admin())).path("url").asString()
                .replaceFirst("^https?://[^/]+", ""));
        assertThat(articlePage).contains("收录于专题", "/zt/wennuan-guodong/");

        long id = saved.path("id").asLong();
        long version = saved.path("version").asLong();
        Map<String, Object> unpublished = new HashMap<>(topic);
        unpublished.put("published", false);
        unpublished.put("version", version);
        ok(put("/api/v1/topics/" + id, unpublished, admin()));
        assertThat(status("/zt/wennuan-guodong/")).as("an unpublished topic is gone at once").isEqualTo(404);
        assertThat(page(ok(get("/api/v1/articles/" + picked, admin())).path("url").asString()
                .replaceFirst("^https?://[^/]+", ""))).doesNotContain("收录于专题");
        assertThat(put("/api/v1/topics/" + id, unpublished, admin()).problem(409).path("detail").asString())
                .contains("刚被");

        assertThat(delete("/api/v1/topics/" + id, admin()).status()).isEqualTo(204);
        assertThat(get("/api/v1/topics/" + id, admin()).status()).isEqualTo(404);
    }

    @Test
    void wrongTopicsAreRefusedWithTheFieldToFix() {
        String author = newAccount("AUTHOR");
        Map<String, Object> ok = Map.of("title", "测试专题", "slug", "ceshi-zhuanti",
                "sections", List.of(Map.of("title", "栏目", "tag", "不存在的关键词")));
        assertThat(post("/api/v1/topics", ok, author).status()).isEqualTo(403);
        assertThat(post("/api/v1/topics", ok, admin()).invalid("sections")).contains("不存在的关键词");
        assertThat(post("/api/v1/topics", Map.of("title", "无栏目", "sections", List.of()), admin())
                .invalid("sections")).contains("至少要有一个栏目");
        assertThat(post("/api/v1/topics", Map.of("title", "坏地址", "slug", "../etc",
                "sections", List.of(Map.of("title", "a", "articles", List.of(1)))), admin()).invalid("slug"))
                .contains("小写字母");
        assertThat(post("/api/v1/topics", Map.of("title", "没有的文章",
                "sections", List.of(Map.of("title", "a", "articles", List.of(999_999)))), admin()).invalid("sections"))
                .contains("999999");
        String channel = newChannel("专题规则");
        long one = article(channel, "一篇文章", List.of());
        Map<String, Object> first = Map.of("title", "同名地址", "slug", "tongming",
                "sections", List.of(Map.of("title", "a", "articles", List.of(one))));
        assertThat(post("/api/v1/topics", first, admin()).status()).isEqualTo(201);
        assertThat(post("/api/v1/topics", first, admin()).invalid("slug")).contains("已被另一个专题使用");
        JsonNode generated = post("/api/v1/topics", Map.of("title", "冬季供暖",
                "sections", List.of(Map.of("title", "a", "articles", List.of(one)))), admin()).json();
        assertThat(generated.path("slug").asString()).isEqualTo("dongjigongnuan");
    }

    private long article(String channel, String title, List<String> tags) {
        Answer created = post("/api/v1/articles", Map.of("title", title, "channel", channel,
                "body", "<p>" + title + "。</p>", "status", "PUBLISHED", "tags", tags), admin());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    private long createDraft(String channel, String title) {
        return post("/api/v1/articles", Map.of("title", title, "channel", channel, "body", "<p>草稿</p>",
                "status", "DRAFT"), admin()).json().path("id").asLong();
    }

    private String page(String path) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).build()).body();
    }

    private int status(String path) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).build()).status();
    }
}
