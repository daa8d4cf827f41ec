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
 * Recommendation slots as editors fill them: the home page shows the chosen articles in the chosen order at once,
 * loses one as soon as it is withdrawn, and two editors arranging the same slot never overwrite each other.
 */
class SlotApiTest extends ApiTestSupport {

    @Test
    void theHomePageShowsTheHeadlinesAndSlideshowEditorsChose() {
        String channel = newChannel("推荐");
        long first = article(channel, "市政府常务会议研究部署冬季供暖", null);
        long second = article(channel, "全市中小学开展冬季安全教育", null);
        long pictured = article(channel, "雪后晋祠美如画", "/media/demo/jinci.jpg");
        String home = page("/");
        assertThat(home).contains("雪后晋祠美如画");

        JsonNode saved = ok(put("/api/v1/slots/toutiao", Map.of("articles", List.of(second, first)), admin()));
        assertThat(saved.path("articles").toString()).isEqualTo("[" + second + "," + first + "]");
        assertThat(saved.path("items").get(0).path("title").asString()).isEqualTo("全市中小学开展冬季安全教育");
        ok(put("/api/v1/slots/jiaodian", Map.of("articles", List.of(pictured)), admin()));

        home = page("/");
        String headline = home.substring(home.indexOf("class=\"headline-block\""));
        assertThat(headline.indexOf("全市中小学开展冬季安全教育"))
                .isLessThan(headline.indexOf("市政府常务会议研究部署冬季供暖"));
        String slideshow = home.substring(home.indexOf("data-slideshow"), home.indexOf("</section>", home.indexOf("data-slideshow")));
        assertThat(slideshow).contains("雪后晋祠美如画", "/media/demo/jinci.jpg").doesNotContain("冬季供暖");

        String channelPage = page("/" + channel + "/");
        assertThat(channelPage.substring(channelPage.indexOf("data-slideshow")))
                .as("a top channel leads with its newest pictures").contains("雪后晋祠美如画");

        assertThat(post("/api/v1/articles/" + second + "/unpublish", null, admin()).status()).isEqualTo(200);
        assertThat(page("/")).as("a withdrawn article leaves the home page at once")
                .doesNotContain("全市中小学开展冬季安全教育");
    }

    @Test
    void aSlotTakesOnlyWhatFitsAndTwoEditorsDoNotOverwriteEachOther() {
        String channel = newChannel("推荐位规则");
        long plain = article(channel, "没有封面的文章", null);
        String editor = newAccount("EDITOR");
        String author = newAccount("AUTHOR");

        assertThat(put("/api/v1/slots/tupian", Map.of("articles", List.of(plain)), admin()).invalid("articles"))
                .contains("没有封面图片");
        assertThat(put("/api/v1/slots/yaowen", Map.of("articles", List.of(plain, plain)), admin()).invalid("articles"))
                .contains("出现了两次");
        assertThat(put("/api/v1/slots/yaowen", Map.of("articles", List.of(999_999L)), admin()).invalid("articles"))
                .contains("999999");
        assertThat(put("/api/v1/slots/toutiao", Map.of("articles", List.of(1, 2, 3, 4)), admin()).invalid("articles"))
                .contains("最多放 3 篇");
        assertThat(put("/api/v1/slots/nope", Map.of("articles", List.of()), admin()).problem(404)
                .path("detail").asString()).contains("toutiao");
        assertThat(put("/api/v1/slots/yaowen", Map.of("articles", List.of(plain)), author).status()).isEqualTo(403);
        assertThat(get("/api/v1/slots", author).status()).isEqualTo(403);

        long version = ok(get("/api/v1/slots/yaowen", editor)).path("version").asLong();
        Map<String, Object> mine = new HashMap<>(Map.of("articles", List.of(plain), "version", version));
        ok(put("/api/v1/slots/yaowen", mine, editor));
        Map<String, Object> theirs = new HashMap<>(Map.of("articles", List.of(), "version", version));
        assertThat(put("/api/v1/slots/yaowen", theirs, admin()).problem(409).path("detail").asString())
                .contains("刚被", "修改过");
        assertThat(ok(get("/api/v1/slots/yaowen", admin())).path("articles").toString()).isEqualTo("[" + plain + "]");

        JsonNode audit = ok(get("/api/v1/audit?object=slot:yaowen", admin()));
        assertThat(audit.path("items").get(0).path("action").asString()).isEqualTo("slot.update");
    }

    private long article(String channel, String title, String cover) {
        Map<String, Object> body = new HashMap<>(Map.of("title", title, "channel", channel,
                "body", "<p>" + title + "。</p>", "status", "PUBLISHED"));
        if (cover != null) {
            body.put("coverImage", cover);
        }
        Answer created = post("/api/v1/articles", body, admin());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    private String page(String path) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).build()).body();
    }
}
