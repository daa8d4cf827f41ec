package cn.dayuan.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class ChannelApiTest extends ApiTestSupport {

    @Test
    void aChannelCanBeReadRenamedMovedAndDeleted() {
        String parent = newChannel("民生");
        Answer created = post("/api/v1/channels", Map.of("name", "社区动态", "parent", parent, "description",
                "街道社区的新鲜事"), admin());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode channel = created.json();
        long id = channel.path("id").asLong();
        assertThat(channel.path("slug").asString()).isEqualTo("shequdongtai");
        assertThat(channel.path("path").asString()).isEqualTo(parent + "/shequdongtai");
        assertThat(channel.path("description").asString()).isEqualTo("街道社区的新鲜事");

        JsonNode read = get("/api/v1/channels/" + id, admin()).json();
        assertThat(read).isEqualTo(channel);

        Map<String, Object> moved = new HashMap<>(Map.of("name", "社区", "slug", "shequ", "sortOrder", 5));
        Answer updated = put("/api/v1/channels/" + id, moved, admin());
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().path("path").asString()).isEqualTo("shequ");
        assertThat(updated.json().path("parent").isNull()).isTrue();
        assertThat(updated.json().path("sortOrder").asInt()).isEqualTo(5);
        assertThat(updated.json().path("url").asString()).isEqualTo(base() + "/shequ/");

        moved.put("parent", parent);
        assertThat(put("/api/v1/channels/" + id, moved, admin()).json().path("path").asString())
                .isEqualTo(parent + "/shequ");

        assertThat(delete("/api/v1/channels/" + id, admin()).status()).isEqualTo(204);
        get("/api/v1/channels/" + id, admin()).problem(404);
        delete("/api/v1/channels/" + id, admin()).problem(404);
    }

    @Test
    void theListHasParentsBeforeTheirChildren() {
        String parent = newChannel("文旅");
        post("/api/v1/channels", Map.of("name", "景区资讯", "parent", parent), admin());
        List<String> paths = get("/api/v1/channels", admin()).json().findValues("path").stream()
                .map(JsonNode::asString).toList();
        assertThat(paths).containsSubsequence(parent, parent + "/jingquzixun");
    }

    @Test
    void aTakenPathIsAConflict() {
        String slug = newChannel("体育");
        JsonNode conflict = post("/api/v1/channels", Map.of("name", "体育新闻", "slug", slug), admin()).problem(409);
        assertThat(conflict.path("detail").asString()).contains(slug);
    }

    @Test
    void aChannelWithArticlesOrSubChannelsCannotBeDeleted() {
        String withArticle = newChannel("财经");
        assertThat(post("/api/v1/articles", ArticleApiTest.article(withArticle, "一季度全市经济运行平稳", "DRAFT"),
                admin()).status()).isEqualTo(201);
        long articleChannelId = channelId(withArticle);
        assertThat(delete("/api/v1/channels/" + articleChannelId, admin()).problem(409).path("detail").asString())
                .contains("文章");
        assertThat(get("/api/v1/channels/" + articleChannelId, admin()).status()).isEqualTo(200);

        String withChild = newChannel("教育");
        post("/api/v1/channels", Map.of("name", "招生考试", "parent", withChild), admin());
        assertThat(delete("/api/v1/channels/" + channelId(withChild), admin()).problem(409).path("detail").asString())
                .contains("子栏目");
    }

    @Test
    void badChannelInputNamesTheField() {
        post("/api/v1/channels", Map.of("name", " "), admin()).invalid("name");
        post("/api/v1/channels", Map.of("name", "保留地址", "slug", "admin"), admin()).invalid("slug");
        post("/api/v1/channels", Map.of("name", "非法别名", "slug", "不合法/别名"), admin()).invalid("slug");
        post("/api/v1/channels", Map.of("name", "无上级", "parent", "no-such-parent"), admin()).invalid("parent");
        post("/api/v1/channels", Map.of("name", "排序错误", "sortOrder", "第一"), admin()).invalid("sortOrder");
        String own = newChannel("循环");
        long id = channelId(own);
        put("/api/v1/channels/" + id, Map.of("name", "循环", "slug", own, "parent", own), admin()).invalid("parent");
        put("/api/v1/channels/" + id, Map.of("name", "循环", "parent", "no-such-parent"), admin()).invalid("parent");
    }

    @Test
    void onlyEditorsChangeChannelsButAuthorsReadThem() {
        String author = newAccount("AUTHOR");
        assertThat(get("/api/v1/channels", author).status()).isEqualTo(200);
        post("/api/v1/channels", Map.of("name", "作者建的栏目"), author).problem(403);
        String editor = newAccount("EDITOR");
        Answer byEditor = post("/api/v1/channels", Map.of("name", "编辑建的栏目", "slug", unique("bianji")), editor);
        assertThat(byEditor.status()).as(byEditor.body()).isEqualTo(201);
    }

    private long channelId(String path) {
        for (JsonNode channel : get("/api/v1/channels", admin()).json()) {
            if (channel.path("path").asString().equals(path)) {
                return channel.path("id").asLong();
            }
        }
        throw new AssertionError("no channel " + path);
    }
}
