package cn.dayuan.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stable addresses: a channel renamed or moved through the API, several times in a row, leaves every old address of
 * its pages, its feed, its sub-channels and their articles answering one 301 to where the page is now, whatever the
 * page cache held before; and a channel can stay out of the public menu until it is ready.
 */
class ChannelAddressesTest extends ApiTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyOldAddressAnswersOneRedirectToTheFinalOneAfterRenamesAndAMove() {
        String region = newChannel("地方");
        String shehui = unique("shehui");
        long id = created(post("/api/v1/channels", Map.of("name", "社会", "slug", shehui), admin()));
        created(post("/api/v1/channels", Map.of("name", "街道", "slug", "jiedao", "parent", shehui), admin()));
        List<Long> articles = new ArrayList<>();
        for (int i = 1; i <= 21; i++) {
            articles.add(created(post("/api/v1/articles", ArticleApiTest.article(shehui, "社会新闻第" + i + "条",
                    "PUBLISHED"), admin())));
        }
        long inSub = created(post("/api/v1/articles", ArticleApiTest.article(shehui + "/jiedao", "街道新闻",
                "PUBLISHED"), admin()));
        long first = articles.get(0);

        // Every address of the channel as it is now: read once, so the page cache holds them.
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/", "/");
        pages.put("/index_2.html", "/index_2.html");
        pages.put("/feed.xml", "/feed.xml");
        pages.put("/atom.xml", "/atom.xml");
        pages.put("/" + first + ".html", "/" + first + ".html");
        pages.put("/jiedao/", "/jiedao/");
        pages.put("/jiedao/feed.xml", "/jiedao/feed.xml");
        pages.put("/jiedao/atom.xml", "/jiedao/atom.xml");
        pages.put("/jiedao/" + inSub + ".html", "/jiedao/" + inSub + ".html");
        for (String page : pages.keySet()) {
            assertThat(get("/" + shehui + page, null).status()).as(page).isEqualTo(200);
        }
        List<String> oldPaths = new ArrayList<>(List.of(shehui));

        String minsheng = unique("minsheng");
        rename(id, Map.of("name", "社会民生", "slug", minsheng));
        oldPaths.add(minsheng);
        String minsheng2 = unique("minsheng");
        rename(id, Map.of("name", "社会民生", "slug", minsheng2));
        oldPaths.add(minsheng2);
        rename(id, Map.of("name", "社会民生", "slug", minsheng2, "parent", region));
        String now = region + "/" + minsheng2;

        for (String old : oldPaths) {
            pages.forEach((page, target) -> redirectsOnce("/" + old + page, "/" + now + target));
            redirectsOnce("/" + old, "/" + now + "/");
            redirectsOnce("/" + old + "/index_1.html", "/" + now + "/");
            redirectsOnce("/" + old + "/jiedao", "/" + now + "/jiedao/");
        }
        assertThat(get("/" + now + "/index_2.html", null).body()).contains("社会民生");
        assertThat(get("/" + shehui + "/nosuchpage.html", null).status()).isEqualTo(404);
        assertThat(get("/" + unique("never") + "/", null).status()).isEqualTo(404);
        assertThat(jdbc.queryForList("select path from channel_path where channel_id = ?", String.class, id))
                .containsExactlyInAnyOrderElementsOf(oldPaths);
    }

    @Test
    void aPathThatIsLiveAgainIsNoLongerRedirectedAndADeletedChannelTakesItsOldPathsAlong() {
        String old = unique("jiaoyu");
        long moved = created(post("/api/v1/channels", Map.of("name", "教育", "slug", old), admin()));
        String now = unique("jiaoyu");
        rename(moved, Map.of("name", "教育", "slug", now));
        redirectsOnce("/" + old + "/", "/" + now + "/");

        long again = created(post("/api/v1/channels", Map.of("name", "新的教育", "slug", old), admin()));
        assertThat(get("/" + old + "/", null).status()).isEqualTo(200);
        assertThat(get("/" + old + "/", null).body()).contains("新的教育");
        assertThat(jdbc.queryForObject("select count(*) from channel_path where path = ?", Long.class, old)).isZero();

        // Renamed back to where it was: its latest old path redirects, to the channel that left it last.
        rename(again, Map.of("name", "新的教育", "slug", unique("xinjiaoyu")));
        rename(moved, Map.of("name", "教育", "slug", old));
        assertThat(get("/" + old + "/", null).body()).contains("教育");
        redirectsOnce("/" + now + "/", "/" + old + "/");

        assertThat(delete("/api/v1/channels/" + moved, admin()).status()).isEqualTo(204);
        assertThat(jdbc.queryForObject("select count(*) from channel_path where channel_id = ?", Long.class, moved))
                .isZero();
        assertThat(get("/" + now + "/", null).status()).isEqualTo(404);
        assertThat(get("/" + old + "/", null).status()).isEqualTo(404);
    }

    @Test
    void aHiddenChannelStaysOutOfTheMenuUntilItIsShown() {
        String slug = unique("choubei");
        Map<String, Object> channel = new HashMap<>(Map.of("name", "筹备中的栏目", "slug", slug, "hidden", true));
        Answer created = post("/api/v1/channels", channel, admin());
        assertThat(created.json().path("hidden").asBoolean()).isTrue();
        long id = created(created);
        created(post("/api/v1/articles", ArticleApiTest.article(slug, "筹备中的第一篇稿件", "PUBLISHED"), admin()));

        assertThat(menu()).doesNotContain("href=\"/" + slug + "/\"");
        String block = "<h2 class=\"box-title\"><a href=\"/" + slug + "/\">";
        assertThat(get("/", null).body()).as("no channel block on the home page").doesNotContain(block);
        Answer page = get("/" + slug + "/", null);
        assertThat(page.status()).as("its page is public at its address").isEqualTo(200);
        assertThat(page.body()).contains("筹备中的第一篇稿件");

        channel.remove("hidden");
        channel.put("description", "准备好了");
        Answer kept = put("/api/v1/channels/" + id, channel, admin());
        assertThat(kept.json().path("hidden").asBoolean()).as("a PUT without it keeps it").isTrue();
        assertThat(menu()).doesNotContain("href=\"/" + slug + "/\"");

        channel.put("hidden", false);
        assertThat(put("/api/v1/channels/" + id, channel, admin()).json().path("hidden").asBoolean()).isFalse();
        assertThat(menu()).contains("href=\"/" + slug + "/\"");
        assertThat(get("/", null).body()).contains(block);
        assertThat(get("/api/v1/channels/" + id, admin()).json().path("hidden").asBoolean()).isFalse();
    }

    /** The home page's channel menu (its lists of newest articles link to every channel, hidden or not). */
    private String menu() {
        String home = get("/", null).body();
        int start = home.indexOf("<nav class=\"mainnav\"");
        assertThat(start).as("the home page has its menu").isPositive();
        return home.substring(start, home.indexOf("</nav>", start));
    }

    /** Exactly one 301, straight to {@code target}, which answers 200 itself. */
    private void redirectsOnce(String old, String target) {
        Answer answer = get(old, null);
        assertThat(answer.status()).as(old).isEqualTo(301);
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertThat(URI.create(base()).resolve(location).getPath()).as(old).isEqualTo(target);
        assertThat(get(target, null).status()).as(target + " (from " + old + ")").isEqualTo(200);
    }

    private void rename(long id, Map<String, Object> channel) {
        Answer renamed = put("/api/v1/channels/" + id, channel, admin());
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
    }

    private static long created(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asLong();
    }
}
