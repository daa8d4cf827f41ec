package cn.dayuan.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.ApplicationListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;

import cn.dayuan.article.ViewCounter;
import cn.dayuan.captcha.KnownCaptchaCodes;
import cn.dayuan.sensitive.SensitiveWordService;
import cn.dayuan.cluster.Nodes.Node;
import cn.dayuan.system.ContentChangedEvent;
import cn.dayuan.system.PageKeys;

/**
 * Two nodes on one PostgreSQL database and one Redis behave as one site: what is published or edited through one
 * shows on the other's cached pages at once, a newsroom session holds on both and follows its account, views and
 * login attempts count together, and a scheduled article is announced once. The nodes start together on an empty
 * database with the demo portal, as two machines of a new site would.
 */
@Tag("cluster")
@ExtendWith(ClusterAvailability.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {

    private static final String ADMIN = "admin";

    private static Nodes cluster;
    private static Node a;
    private static Node b;

    @BeforeAll
    static void startTwoNodesTogether() {
        cluster = Nodes.start(ClusterServers.redisUrl(), 2, "--dayuan.demo=true", "--dayuan.view-flush-interval=1h",
                "--dayuan.captcha-min-solve-time=0s");
        a = cluster.get(0);
        b = cluster.get(1);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void twoNodesStartingTogetherOnAnEmptyDatabaseSetItUpOnce() {
        JdbcTemplate jdbc = a.bean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM account WHERE username = 'admin'", Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT path FROM channel", String.class))
                .as("the demo portal loaded once").doesNotHaveDuplicates().isNotEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE success", Integer.class))
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(DISTINCT version) FROM flyway_schema_history", Integer.class));
        for (Node node : List.of(a, b)) {
            assertThat(get(node, "/actuator/health").body()).contains("\"status\":\"UP\"")
                    .contains("\"redis\":{\"status\":\"UP\"}").contains("\"db\":{\"status\":\"UP\"}");
        }
    }

    @Test
    @Order(2)
    void whatIsPublishedOnOneNodeShowsOnTheOthersCachedPagesAtOnce() throws Exception {
        String home = "/";
        b.warm(home);
        // B has read its channel tree before the channel exists.
        String slug = "jiqun" + System.nanoTime() % 100_000;
        a.create("/api/v1/channels", "{\"name\":\"集群频道\",\"slug\":\"" + slug + "\"}");
        JsonNode article = a.create("/api/v1/articles", """
                {"title":"两台服务器同一个网站","channel":"%s","body":"<p>第一台服务器写入，第二台服务器展示。</p>",
                 "tags":["集群"],"status":"PUBLISHED"}""".formatted(slug));
        String page = java.net.URI.create(article.get("url").asString()).getPath();
        String channelPage = "/" + slug + "/";

        long seen = b.millisUntil(home, body -> body.contains("两台服务器同一个网站"), 2000);
        assertThat(seen).as("ms until B's cached home page showed the new article").isLessThan(500);
        for (String path : List.of(page, channelPage, "/feed.xml", "/sitemap.xml", "/tag/集群/")) {
            assertThat(get(b, path).statusCode()).as(path).isEqualTo(200);
        }
        for (String path : List.of(page, channelPage, home)) {
            b.warm(path);
        }

        a.retitle(article.get("id").asLong(), "两台服务器同一个网站（更正）");
        for (String path : List.of(page, channelPage, home)) {
            long ms = b.millisUntil(path, body -> body.contains("两台服务器同一个网站（更正）"), 2000);
            assertThat(ms).as("ms until B's cached %s showed the edit", path).isLessThan(500);
        }
        // B's own search index follows A's changes through the same change log.
        String search = "/search?q=" + java.net.URLEncoder.encode("更正 服务器", java.nio.charset.StandardCharsets.UTF_8);
        assertThat(b.millisUntil(search, body -> Nodes.searchResults(body).contains(page), 2000))
                .as("ms until B's search found the article A edited").isLessThan(2000);
        assertThat(a.api("POST", "/api/v1/articles/" + article.get("id").asLong() + "/unpublish", null).statusCode())
                .isEqualTo(200);
        assertThat(b.millisUntil(search, body -> !Nodes.searchResults(body).contains(page), 2000))
                .as("ms until B's search lost the article A withdrew").isLessThan(2000);
    }

    @Test
    @Order(3)
    void aNewsroomSessionHoldsOnEveryNodeAndLogoutEndsItEverywhere() {
        Browser editor = new Browser();
        assertThat(editor.login(a.url(""), ADMIN, Nodes.ADMIN_PASSWORD)).endsWith("/admin");
        assertThat(editor.get(b.url("/admin")).statusCode()).as("signed in on B through A").isEqualTo(200);

        // A form of B posted with the token of a page that A served.
        assertThat(editor.get(a.url("/admin/channels")).body()).contains("name=\"_csrf\"");
        HttpResponse<String> created = editor.post(b.url("/admin/channels"), "name", "会话频道",
                "slug", "huihua" + System.nanoTime() % 100_000, "parent", "", "description", "", "sortOrder", "");
        assertThat(created.statusCode()).as("CSRF token of A accepted by B").isEqualTo(303);
        assertThat(created.headers().firstValue("Location").orElse("")).doesNotContain("forbidden");

        editor.get(a.url("/admin"));
        assertThat(editor.post(a.url("/admin/logout")).headers().firstValue("Location").orElse(""))
                .endsWith("/admin/login?logout");
        assertThat(editor.get(b.url("/admin")).headers().firstValue("Location").orElse(""))
                .as("signed out on B too").endsWith("/admin/login");
    }

    @Test
    @Order(4)
    void sessionsFollowTheirAccountOnEveryNode() {
        String name = "chief" + System.nanoTime() % 100_000;
        JsonNode account = a.create("/api/v1/accounts", """
                {"username":"%s","password":"chief-password-1","role":"ADMIN"}""".formatted(name));
        Browser onA = new Browser();
        Browser onB = new Browser();
        onA.login(a.url(""), name, "chief-password-1");
        onB.login(b.url(""), name, "chief-password-1");
        // Each holds the form for a new account, with its CSRF token, from before the change.
        assertThat(onA.get(a.url("/admin/accounts/new")).statusCode()).isEqualTo(200);
        assertThat(onB.get(b.url("/admin/accounts/new")).statusCode()).isEqualTo(200);

        // Demoted and disabled through node A.
        assertThat(api(a, "PUT", "/api/v1/accounts/" + account.get("id"),
                "{\"role\":\"AUTHOR\",\"enabled\":false}").statusCode()).isEqualTo(200);
        for (Browser browser : List.of(onA, onB)) {
            for (Node node : List.of(b, a)) {
                HttpResponse<String> post = browser.post(node.url("/admin/accounts"), "username", "sneaky" + node.name(),
                        "password", "sneaky-password-1", "role", "ADMIN", "enabled", "true");
                // The first request of an ended session is sent to sign in again; later ones carry a token of a
                // session that is gone, which is refused.
                assertThat(post.statusCode() == 403 || post.statusCode() == 302
                        && post.headers().firstValue("Location").orElse("").contains("/admin/login"))
                        .as("%s answered %s %s", node.name(), post.statusCode(), post.headers().map()).isTrue();
                HttpResponse<String> page = browser.get(node.url("/admin/accounts"));
                assertThat(page.statusCode()).isEqualTo(302);
                assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/admin/login");
            }
        }
        assertThat(a.bean(JdbcTemplate.class).queryForObject(
                "SELECT COUNT(*) FROM account WHERE username LIKE 'sneaky%'", Integer.class)).isZero();
    }

    @Test
    @Order(5)
    void aPasswordChangeOnOneNodeEndsTheAccountsSessionsOnTheOther() {
        String name = "writer" + System.nanoTime() % 100_000;
        JsonNode account = a.create("/api/v1/accounts", """
                {"username":"%s","password":"writer-password-1","role":"EDITOR"}""".formatted(name));
        Browser elsewhere = new Browser();
        elsewhere.login(b.url(""), name, "writer-password-1");
        assertThat(elsewhere.get(b.url("/admin")).statusCode()).isEqualTo(200);

        assertThat(api(a, "PUT", "/api/v1/accounts/" + account.get("id"),
                "{\"role\":\"EDITOR\",\"password\":\"writer-password-2\"}").statusCode()).isEqualTo(200);
        assertThat(elsewhere.get(b.url("/admin")).headers().firstValue("Location").orElse(""))
                .endsWith("/admin/login?expired");
        assertThat(elsewhere.get(b.url("/admin/login?expired")).body()).contains("登录已失效");
    }

    @Test
    @Order(6)
    void viewsCountedOnBothNodesAddUp() {
        long id = a.bean(JdbcTemplate.class).queryForObject(
                "SELECT MIN(id) FROM article WHERE status = 'PUBLISHED'", Long.class);
        long before = viewCount(id);
        for (int i = 0; i < 3; i++) {
            for (Node node : List.of(a, b)) {
                assertThat(post(node, "/counter/" + id + "/view").statusCode()).isEqualTo(200);
            }
        }
        a.bean(ViewCounter.class).flush();
        b.bean(ViewCounter.class).flush();
        assertThat(viewCount(id)).isEqualTo(before + 6);
    }

    @Test
    @Order(7)
    void aScheduledArticleGoesLiveOnceWithBothNodesRunning() throws Exception {
        // Every change each node hears of, from before the article exists (its creation reaches B a moment later).
        List<Announcement> heard = new CopyOnWriteArrayList<>();
        for (Node node : List.of(a, b)) {
            node.context().addApplicationListener(ApplicationListener.<ContentChangedEvent>forPayload(
                    event -> heard.add(new Announcement(node.name(), event.fromAnotherNode(), event.keys()))));
        }
        String at = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS).toString();
        JsonNode article = a.create("/api/v1/articles", """
                {"title":"定时发布的集群稿件","channel":"%s","body":"<p>到点上线。</p>","status":"PUBLISHED",
                 "publishedAt":"%s"}""".formatted(anyChannel(), at));
        String key = PageKeys.article(article.get("id").asLong());
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (heard.stream().filter(h -> h.keys().contains(key)).count() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        List<Announcement> creation = heard.stream().filter(h -> h.keys().contains(key)).toList();
        assertThat(creation).as("the creation, on A and replayed on B")
                .extracting(Announcement::node, Announcement::fromAnotherNode)
                .containsExactlyInAnyOrder(tuple("a", false),
                        tuple("b", true));
        heard.clear();

        b.warm("/");
        long ms = b.millisUntil("/", body -> body.contains("定时发布的集群稿件"), 10_000);
        assertThat(ms).isLessThan(10_000);
        Thread.sleep(3000);
        // Whichever node claimed it announced it, and the other heard it from there.
        List<Announcement> goingLive = heard.stream().filter(h -> h.keys().contains(key)).toList();
        assertThat(goingLive).as("one announcement, seen once by each node").hasSize(2)
                .extracting(Announcement::node).containsExactlyInAnyOrder("a", "b");
        assertThat(goingLive).extracting(Announcement::fromAnotherNode).containsExactlyInAnyOrder(false, true);
        List<String> records = a.bean(JdbcTemplate.class).queryForList(
                "SELECT page_keys FROM content_change WHERE page_keys LIKE ?", String.class, "%" + key + "%");
        assertThat(records.stream().filter(keys -> List.of(keys.split("\n")).contains(key)))
                .as("in the change log: the article's creation and its going live").hasSize(2);
    }

    /** Which node heard of a change, whether it came from the other one, and what it named. */
    record Announcement(String node, boolean fromAnotherNode, Set<String> keys) {
    }

    @Test
    @Order(8)
    void loginAttemptsOnBothNodesCountTogether() {
        StringRedisTemplate redis = a.bean(StringRedisTemplate.class);
        redis.delete(redis.keys("*:limit:login:*"));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Node node = i % 2 == 0 ? a : b;
            Browser guesser = new Browser();
            guesser.get(node.url("/admin/login"));
            statuses.add(guesser.post(node.url("/admin/login"), "username", ADMIN, "password", "guess-" + i)
                    .statusCode());
        }
        assertThat(statuses.subList(0, 10)).as("ten tries a minute, on both nodes together").containsOnly(302);
        assertThat(statuses.subList(10, 12)).containsOnly(429);
        redis.delete(redis.keys("*:limit:login:*"));
    }

    @Test
    @Order(9)
    void aCaptchaDrawnOnOneNodeIsAnsweredOnTheOtherOnceAndTheApprovedCommentShowsOnBoth() throws Exception {
        JsonNode article = a.create("/api/v1/articles", "{\"title\":\"两个节点上的评论\",\"channel\":\"" + anyChannel()
                + "\",\"body\":\"<p>正文</p>\",\"status\":\"PUBLISHED\"}");
        long id = article.get("id").asLong();
        String page = "/" + article.get("url").asString().replaceFirst("^https?://[^/]+/", "");
        a.warm(page);
        b.warm(page);

        String captchaId = Nodes.JSON.readTree(get(a, "/api/v1/captcha").body()).get("id").asString();
        String comment = "{\"content\":\"跨节点的评论\",\"captchaId\":\"" + captchaId + "\",\"captchaAnswer\":\""
                + KnownCaptchaCodes.ANSWER + "\"}";
        HttpResponse<String> posted = Browser.json("POST", b.url("/api/v1/articles/" + id + "/comments"), comment);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        HttpResponse<String> again = Browser.json("POST", a.url("/api/v1/articles/" + id + "/comments"), comment);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("captchaId");

        long commentId = Nodes.JSON.readTree(posted.body()).get("id").asLong();
        assertThat(api(b, "POST", "/api/v1/comments/" + commentId + "/approve", null).statusCode()).isEqualTo(200);
        assertThat(a.millisUntil(page, body -> body.contains("跨节点的评论"), 5000)).isLessThan(5000);
        assertThat(b.millisUntil(page, body -> body.contains("跨节点的评论"), 5000)).isLessThan(5000);
    }

    @Test
    @Order(10)
    void aSensitiveWordAddedOnOneNodeIsFlaggedOnTheOther() throws Exception {
        SensitiveWordService onB = b.bean(SensitiveWordService.class);
        assertThat(onB.find("本地新造的敏感说法")).isEmpty();
        a.bean(SensitiveWordService.class).put("新造的敏感说法", false, "admin");
        long start = System.nanoTime();
        while (onB.find("本地新造的敏感说法").isEmpty()) {
            assertThat(System.nanoTime() - start).as("node b learns the word").isLessThan(10_000_000_000L);
            Thread.sleep(50);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static HttpResponse<String> api(Node node, String method, String path, String json) {
        return node.api(method, path, json);
    }

    private static HttpResponse<String> get(Node node, String path) {
        return new Browser().get(node.url(path));
    }

    private static HttpResponse<String> post(Node node, String path) {
        return new Browser().post(node.url(path));
    }

    private static String anyChannel() {
        return a.bean(JdbcTemplate.class).queryForObject("SELECT MIN(path) FROM channel", String.class);
    }

    private static long viewCount(long id) {
        return a.bean(JdbcTemplate.class).queryForObject("SELECT view_count FROM article WHERE id = ?", Long.class, id);
    }
}
