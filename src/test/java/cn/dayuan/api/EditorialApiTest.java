package cn.dayuan.api;

import static cn.dayuan.api.ArticleApiTest.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.dayuan.article.ArticleService;
import cn.dayuan.channel.ChannelService;
import tools.jackson.databind.JsonNode;

/**
 * The newsroom's review, revisions, recycle bin and audit log, through the API as a newsroom's scripts use them:
 * 三审 with different people, rejections with reasons, no lost updates, deleted articles that come back whole.
 */
class EditorialApiTest extends ApiTestSupport {

    @Autowired
    ArticleService articles;

    @Autowired
    ChannelService channels;

    @Test
    void twoLevelsTwoEditorsAndARejectionWithItsReason() {
        String channel = newChannel("二审栏目");
        articles.setChannelReviewLevels(channels.getByPath(channel).getId(), 2, "admin");
        String author = newAccount("AUTHOR");
        String first = newAccount("EDITOR");
        String second = newAccount("EDITOR");

        long id = created(post("/api/v1/articles", article(channel, "区政府召开防汛工作会议", "DRAFT"), author));
        assertThat(post("/api/v1/articles/" + id + "/submit", null, author).status()).isEqualTo(200);
        post("/api/v1/articles/" + id + "/approve", null, author).problem(403);
        assertThat(post("/api/v1/articles/" + id + "/reject", Map.of("reason", " "), first).invalid("reason"))
                .contains("退回理由");

        JsonNode rejected = ok(post("/api/v1/articles/" + id + "/reject",
                Map.of("reason", "导语缺少会议时间，请补充"), first));
        assertThat(rejected.path("status").asString()).isEqualTo("DRAFT");
        JsonNode seenByAuthor = ok(get("/api/v1/articles/" + id, author));
        assertThat(seenByAuthor.path("rejectionReason").asString()).isEqualTo("导语缺少会议时间，请补充");

        ok(put("/api/v1/articles/" + id, article(channel, "区政府12月1日召开防汛工作会议", "PENDING"), author));
        JsonNode atFirstLevel = ok(get("/api/v1/articles/" + id, first));
        assertThat(atFirstLevel.path("reviewLevel").asInt()).isEqualTo(1);
        assertThat(atFirstLevel.path("reviewLevels").asInt()).isEqualTo(2);
        assertThat(atFirstLevel.path("rejectionReason").isNull()).isTrue();

        JsonNode atSecondLevel = ok(post("/api/v1/articles/" + id + "/approve", null, first));
        assertThat(atSecondLevel.path("status").asString()).isEqualTo("PENDING");
        assertThat(atSecondLevel.path("reviewLevel").asInt()).isEqualTo(2);
        assertThat(publicStatus(atSecondLevel)).isEqualTo(404);
        assertThat(post("/api/v1/articles/" + id + "/approve", null, first).problem(403).path("detail").asString())
                .contains("另一位编辑");

        JsonNode published = ok(post("/api/v1/articles/" + id + "/approve", null, second));
        assertThat(published.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(published.path("editor").asString()).isEqualTo("测试EDITOR");
        assertThat(publicStatus(published)).isEqualTo(200);
        List<String> steps = new ArrayList<>();
        published.path("reviews").forEach(r -> steps.add(r.path("level").asInt() + " " + r.path("decision").asString()
                + " " + r.path("account").asString()));
        assertThat(steps).containsExactly("1 SUBMITTED " + username(author), "1 REJECTED " + username(first),
                "1 SUBMITTED " + username(author), "1 APPROVED " + username(first),
                "2 APPROVED " + username(second));

        JsonNode audit = ok(get("/api/v1/audit?object=article:" + id + "&size=100", admin()));
        List<String> recorded = new ArrayList<>();
        audit.path("items").forEach(e -> recorded.add(e.path("actor").asString() + " " + e.path("action").asString()));
        assertThat(recorded).contains(username(first) + " article.reject", username(first) + " article.approve",
                username(second) + " article.approve", username(author) + " article.submit");
        assertThat(audit.path("items").get(0).path("address").asString()).isNotBlank();
    }

    @Test
    void revisionsAreKeptAndAnOldOneComesBackAsANewOne() {
        String channel = newChannel("修订栏目");
        long id = created(post("/api/v1/articles", article(channel, "第一版标题", "PUBLISHED"), admin()));
        ok(put("/api/v1/articles/" + id, article(channel, "第二版标题", "PUBLISHED"), admin()));

        JsonNode revisions = ok(get("/api/v1/articles/" + id + "/revisions", admin()));
        assertThat(revisions.path("items").size()).isEqualTo(2);
        assertThat(revisions.path("items").get(0).path("number").asInt()).isEqualTo(2);
        assertThat(strings(revisions.path("items").get(0).path("fields"))).contains("title", "body");
        assertThat(ok(get("/api/v1/articles/" + id + "/revisions/1", admin())).path("title").asString())
                .isEqualTo("第一版标题");
        get("/api/v1/articles/" + id + "/revisions/9", admin()).problem(404);

        JsonNode restored = ok(post("/api/v1/articles/" + id + "/revisions/1/restore", null, admin()));
        assertThat(restored.path("title").asString()).isEqualTo("第一版标题");
        assertThat(restored.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(ok(get("/api/v1/articles/" + id + "/revisions", admin())).path("items").size()).isEqualTo(3);
    }

    @Test
    void aSaveOverANewerVersionIsRefusedAndLosesNothing() {
        String channel = newChannel("并发栏目");
        long id = created(post("/api/v1/articles", article(channel, "两位编辑同时打开", "DRAFT"), admin()));
        Answer read = get("/api/v1/articles/" + id, admin());
        String etag = read.headers().firstValue("ETag").orElseThrow();
        long version = read.json().path("version").asLong();

        Map<String, Object> mine = article(channel, "第一位编辑的修改", "DRAFT");
        mine.put("version", version);
        ok(put("/api/v1/articles/" + id, mine, admin()));

        Map<String, Object> theirs = article(channel, "第二位编辑的修改", "DRAFT");
        theirs.put("version", version);
        JsonNode refused = put("/api/v1/articles/" + id, theirs, admin()).problem(409);
        assertThat(refused.path("detail").asString()).contains("修改");
        assertThat(refused.path("meanwhile").get(0).path("fields").toString()).contains("title");
        Answer stale = send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/articles/" + id))
                .timeout(Duration.ofSeconds(30)).header("Authorization", admin())
                .header("Content-Type", "application/json").header("If-Match", etag)
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        article(channel, "第三位编辑的修改", "DRAFT")), StandardCharsets.UTF_8)).build());
        stale.problem(409);
        assertThat(ok(get("/api/v1/articles/" + id, admin())).path("title").asString()).isEqualTo("第一位编辑的修改");
    }

    @Test
    void authorsReadTheirOwnDraftsOnly() {
        String channel = newChannel("作者稿件");
        String one = newAccount("AUTHOR");
        String other = newAccount("AUTHOR");
        long id = created(post("/api/v1/articles", article(channel, "作者甲的草稿", "DRAFT"), one));
        get("/api/v1/articles/" + id, other).problem(403);
        get("/api/v1/articles/" + id + "/revisions", other).problem(403);
        JsonNode drafts = ok(get("/api/v1/articles?status=DRAFT&size=100", other));
        assertThat(drafts.path("items").findValues("id").stream().map(JsonNode::asLong)).doesNotContain(id);
        assertThat(ok(get("/api/v1/articles?status=DRAFT&size=100", one)).path("items").findValues("id").stream()
                .map(JsonNode::asLong)).contains(id);
    }

    @Test
    void anAuthorsEditOfAPublishedArticleWaitsWhileTheLiveVersionStays() {
        String channel = newChannel("待审修改");
        String author = newAccount("AUTHOR");
        long id = created(post("/api/v1/articles", article(channel, "原来的标题", "PENDING"), author));
        ok(post("/api/v1/articles/" + id + "/approve", null, admin()));

        JsonNode proposed = ok(put("/api/v1/articles/" + id, article(channel, "作者改过的标题", "PUBLISHED"), author));
        assertThat(proposed.path("title").asString()).isEqualTo("原来的标题");
        assertThat(proposed.path("notice").asString()).contains("待审修改");
        int pending = proposed.path("pendingRevision").asInt();
        assertThat(pageOf(proposed)).contains("原来的标题").doesNotContain("作者改过的标题");

        JsonNode live = ok(post("/api/v1/articles/" + id + "/revisions/" + pending + "/restore", null, admin()));
        assertThat(live.path("title").asString()).isEqualTo("作者改过的标题");
        assertThat(live.path("pendingRevision").isNull()).isTrue();
        assertThat(pageOf(live)).contains("作者改过的标题");
    }

    @Test
    void whenTheSiteReviewsEditsAnEditorsEditWaitsForAnotherEditor() {
        String channel = newChannel("修改审核");
        String first = newAccount("EDITOR");
        String second = newAccount("EDITOR");
        long id = created(post("/api/v1/articles", article(channel, "已发布的原稿", "PUBLISHED"), admin()));
        articles.setEditsReviewed(true, "admin");
        try {
            JsonNode waiting = ok(put("/api/v1/articles/" + id, article(channel, "编辑甲的修改", "PUBLISHED"), first));
            assertThat(waiting.path("title").asString()).isEqualTo("已发布的原稿");
            int pending = waiting.path("pendingRevision").asInt();
            assertThat(pageOf(waiting)).contains("已发布的原稿");
            post("/api/v1/articles/" + id + "/revisions/" + pending + "/restore", null, first).problem(403);
            JsonNode live = ok(post("/api/v1/articles/" + id + "/revisions/" + pending + "/restore", null, second));
            assertThat(live.path("title").asString()).isEqualTo("编辑甲的修改");
            assertThat(pageOf(live)).contains("编辑甲的修改");
            assertThat(ok(put("/api/v1/articles/" + id, article(channel, "管理员直接修改", "PUBLISHED"), admin()))
                    .path("title").asString()).isEqualTo("管理员直接修改");
        } finally {
            articles.setEditsReviewed(false, "admin");
        }
    }

    @Test
    void aDeletedArticleLeavesTheSiteAndComesBackWhole() {
        String channel = newChannel("回收站");
        String editor = newAccount("EDITOR");
        long id = created(post("/api/v1/articles", article(channel, "将被删除又恢复的文章", "PUBLISHED"), admin()));
        ok(put("/api/v1/articles/" + id, article(channel, "将被删除又恢复的文章（修订）", "PUBLISHED"), admin()));
        assertThat(post("/api/v1/articles/" + id + "/like", null, null).status()).isEqualTo(200);
        JsonNode before = ok(get("/api/v1/articles/" + id, admin()));

        assertThat(delete("/api/v1/articles/" + id, editor).status()).isEqualTo(204);
        assertThat(publicStatus(before)).isEqualTo(410);
        get("/api/v1/articles/" + id, admin()).problem(404);
        JsonNode trash = ok(get("/api/v1/trash?size=100", editor));
        assertThat(trash.path("items").findValues("id").stream().map(JsonNode::asLong)).contains(id);
        post("/api/v1/trash/" + id + "/restore", null, editor).problem(403);

        assertThat(post("/api/v1/trash/" + id + "/restore", null, admin()).status()).isEqualTo(204);
        JsonNode after = ok(get("/api/v1/articles/" + id, admin()));
        assertThat(after.path("url").asString()).isEqualTo(before.path("url").asString());
        assertThat(after.path("likeCount").asLong()).isEqualTo(1);
        assertThat(after.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(publicStatus(after)).isEqualTo(200);
        assertThat(ok(get("/api/v1/articles/" + id + "/revisions", admin())).path("items").size()).isEqualTo(2);

        assertThat(delete("/api/v1/articles/" + id, admin()).status()).isEqualTo(204);
        assertThat(delete("/api/v1/trash/" + id, admin()).status()).isEqualTo(204);
        delete("/api/v1/trash/" + id, admin()).problem(404);
        assertThat(publicStatus(before)).isEqualTo(404);
        JsonNode audit = ok(get("/api/v1/audit?object=article:" + id + "&size=100", admin()));
        assertThat(audit.toString()).contains("article.trash", "article.restore", "article.purge");
    }

    @Test
    void theAuditLogCannotBeChangedAndOnlyAdministratorsReadIt() {
        String editor = newAccount("EDITOR");
        get("/api/v1/audit", editor).problem(403);
        JsonNode entries = ok(get("/api/v1/audit?size=5", admin()));
        long id = entries.path("items").get(0).path("id").asLong();
        for (String method : List.of("PUT", "DELETE", "PATCH", "POST")) {
            assertThat(send(method, "/api/v1/audit", "{}", admin()).status()).isIn(403, 404, 405);
            assertThat(send(method, "/api/v1/audit/" + id, "{}", admin()).status()).isIn(403, 404, 405);
        }
        get("/api/v1/audit?from=yesterday", admin()).invalid("from");
        long failedBefore = ok(get("/api/v1/audit?action=login.failed", admin())).path("totalItems").asLong();
        String tried = unique("guessed_");
        assertThat(get("/api/v1/articles", basic(tried, "not-the-password")).status()).isEqualTo(401);
        JsonNode failed = ok(get("/api/v1/audit?action=login.failed", admin()));
        assertThat(failed.path("totalItems").asLong()).isEqualTo(failedBefore + 1);
        assertThat(failed.path("items").get(0).path("actor").asString()).isEqualTo(tried);
    }

    @Test
    void aPreviewAddressShowsTheUnpublishedArticleUntilItExpires() {
        String channel = newChannel("预览栏目");
        String author = newAccount("AUTHOR");
        long id = created(post("/api/v1/articles", article(channel, "尚未发布的预览稿件", "PENDING"), author));
        String link = articles.previewLink(id, username(author));
        Answer preview = get(link, null);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body()).contains("尚未发布的预览稿件", "预览：本文尚未发布", "noindex");
        assertThat(preview.headers().firstValue("Cache-Control").orElse("")).contains("no-store");

        char last = link.charAt(link.length() - 1);
        String tampered = link.substring(0, link.length() - 1) + (last == '0' ? '1' : '0');
        assertThat(get(tampered, null).status()).isEqualTo(404);
        assertThat(get(link.replace("/preview/" + id, "/preview/" + (id + 1)), null).status()).isEqualTo(404);
        assertThat(get(link.replaceAll("expires=\\d+", "expires=" + (System.currentTimeMillis() / 1000 + 999_999)),
                null).status()).isEqualTo(404);
        assertThat(get(link.replaceAll("expires=\\d+", "expires=1"), null).status()).isEqualTo(404);
        for (String junk : List.of("?expires=abc&signature=x", "?signature=%00%ff", "", "?expires=-1")) {
            assertThat(get("/preview/" + id + junk, null).status()).isIn(400, 404);
        }
        assertThat(get("/preview/abc?expires=1", null).status()).isIn(400, 404);
        String other = newAccount("AUTHOR");
        assertThat(send("GET", "/api/v1/articles/" + id, null, other).status()).isEqualTo(403);
        assertThatThrownBy(() -> articles.previewLink(id, username(other)))
                .isInstanceOf(cn.dayuan.system.ForbiddenException.class);
    }

    @Test
    void aReprintKeepsItsOriginAndACorrectionOrALapseIsShownToReaders() {
        String channel = newChannel("通知公告");
        Map<String, Object> reprint = article(channel, "关于冬季供暖的通知", "PUBLISHED");
        reprint.put("rightsType", "REPRINT");
        reprint.put("source", "市住建局");
        reprint.put("sourceUrl", "https://zjj.example.gov.cn/tz/1.html");
        reprint.put("originalTitle", "市住房和城乡建设局关于2026年冬季供暖的通知");
        reprint.put("originalAuthor", "市住建局办公室");
        reprint.put("originalPublishedAt", "2026-11-01T09:00:00+08:00");
        long id = created(post("/api/v1/articles", reprint, admin()));
        JsonNode stored = ok(get("/api/v1/articles/" + id, admin()));
        assertThat(stored.path("originalTitle").asString()).isEqualTo("市住房和城乡建设局关于2026年冬季供暖的通知");
        assertThat(stored.path("originalPublishedAt").asString()).isEqualTo("2026-11-01T09:00:00+08:00");
        assertThat(pageOf(stored)).contains("原标题：市住房和城乡建设局关于2026年冬季供暖的通知", "原作者：市住建局办公室");

        String editor = newAccount("EDITOR");
        String author = newAccount("AUTHOR");
        post("/api/v1/articles/" + id + "/correction", Map.of("note", "供暖起始日期应为11月15日"), author).problem(403);
        JsonNode corrected = ok(post("/api/v1/articles/" + id + "/correction",
                Map.of("note", "供暖起始日期应为11月15日，原文误作11月5日"), editor));
        assertThat(corrected.path("correctedAt").isNull()).isFalse();
        assertThat(pageOf(corrected)).contains("已更正", "供暖起始日期应为11月15日，原文误作11月5日");

        JsonNode lapsed = ok(post("/api/v1/articles/" + id + "/validity", Map.of("validity", "EXPIRED"), editor));
        assertThat(lapsed.path("validity").asString()).isEqualTo("EXPIRED");
        assertThat(pageOf(lapsed)).contains("已失效");
        assertThat(get("/" + channel + "/", null).body()).contains("关于冬季供暖的通知", "已失效");
        assertThat(ok(get("/api/v1/articles?channel=" + channel, admin())).path("items").get(0).path("validity")
                .asString()).isEqualTo("EXPIRED");
        post("/api/v1/articles/" + id + "/validity", Map.of("validity", "GONE"), editor).problem(400);
        JsonNode audit = ok(get("/api/v1/audit?object=article:" + id, admin()));
        assertThat(audit.toString()).contains("article.correct", "article.validity");
    }

    @Test
    void aReprintFromASourceOffTheListNeedsAnAdministrator() {
        String channel = newChannel("转载栏目");
        String editor = newAccount("EDITOR");
        articles.setReprintSources(List.of("新华社", " 人民日报 "), true, "admin");
        try {
            Map<String, Object> listed = article(channel, "新华社电：全国冬小麦播种基本结束", "PUBLISHED");
            listed.put("rightsType", "REPRINT");
            listed.put("source", "人民日报");
            long listedId = created(post("/api/v1/articles", listed, editor));
            assertThat(publicStatus(ok(get("/api/v1/articles/" + listedId, editor)))).isEqualTo(200);

            Map<String, Object> unlisted = article(channel, "某自媒体：冬小麦播种", "PUBLISHED");
            unlisted.put("rightsType", "REPRINT");
            unlisted.put("source", "某自媒体");
            assertThat(post("/api/v1/articles", unlisted, editor).problem(403).path("detail").asString())
                    .contains("稿源单位名单", "管理员");
            unlisted.put("status", "PENDING");
            long id = created(post("/api/v1/articles", unlisted, editor));
            post("/api/v1/articles/" + id + "/approve", null, editor).problem(403);
            assertThat(ok(post("/api/v1/articles/" + id + "/approve", null, admin())).path("status").asString())
                    .isEqualTo("PUBLISHED");
        } finally {
            articles.setReprintSources(List.of(), false, "admin");
        }
    }

    @Test
    void theListSearchesBodiesBylinesAndDaysAndBulkActionsAreAllOrNone() {
        String channel = newChannel("批量栏目");
        String other = newChannel("批量目标");
        String word = unique("湿地候鸟");
        Map<String, Object> first = article(channel, "第一篇批量稿件", "DRAFT");
        first.put("body", "<p>正文里提到" + word + "的迁徙。</p>");
        first.put("author", "记者 张三");
        long a = created(post("/api/v1/articles", first, admin()));
        long b = created(post("/api/v1/articles", article(channel, "第二篇批量稿件", "DRAFT"), admin()));
        long c = created(post("/api/v1/articles", article(channel, "第三篇批量稿件", "PUBLISHED"), admin()));

        assertThat(ids(get("/api/v1/articles?q=" + enc(word), admin()))).containsExactly(a);
        assertThat(ids(get("/api/v1/articles?author=" + enc("张三") + "&channel=" + channel, admin())))
                .containsExactly(a);
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        assertThat(ids(get("/api/v1/articles?channel=" + channel + "&from=" + today, admin())))
                .containsExactlyInAnyOrder(a, b, c);
        assertThat(ids(get("/api/v1/articles?channel=" + channel + "&to=2000-01-01", admin()))).isEmpty();
        get("/api/v1/articles?from=someday", admin()).invalid("from");
        assertThat(ids(get("/api/v1/articles?q=" + enc("%"), admin()))).doesNotContain(b);

        JsonNode refused = post("/api/v1/articles/bulk", Map.of("ids", List.of(a, b, c), "action", "SUBMIT"), admin())
                .problem(400);
        assertThat(refused.path("detail").asString()).contains("文章 " + c, "全部未处理");
        assertThat(ok(get("/api/v1/articles/" + a, admin())).path("status").asString()).isEqualTo("DRAFT");

        assertThat(ok(post("/api/v1/articles/bulk", Map.of("ids", List.of(a, b), "action", "PUBLISH"), admin()))
                .path("done").asInt()).isEqualTo(2);
        assertThat(ok(post("/api/v1/articles/bulk", Map.of("ids", List.of(a, b, c), "action", "MOVE",
                "channel", other), admin())).path("done").asInt()).isEqualTo(3);
        assertThat(ids(get("/api/v1/articles?channel=" + other, admin()))).containsExactlyInAnyOrder(a, b, c);
        String author = newAccount("AUTHOR");
        post("/api/v1/articles/bulk", Map.of("ids", List.of(a), "action", "PUBLISH"), author).problem(403);
        assertThat(ok(post("/api/v1/articles/bulk", Map.of("ids", List.of(a, b), "action", "DELETE"), admin()))
                .path("done").asInt()).isEqualTo(2);
        assertThat(ids(get("/api/v1/articles?channel=" + other, admin()))).containsExactly(c);
    }

    private List<Long> ids(Answer list) {
        return ok(list).path("items").findValues("id").stream().map(JsonNode::asLong).toList();
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private int publicStatus(JsonNode article) {
        return send(HttpRequest.newBuilder(URI.create(article.path("url").asString())).build()).status();
    }

    private String pageOf(JsonNode article) {
        return send(HttpRequest.newBuilder(URI.create(article.path("url").asString())).build()).body();
    }

    private static long created(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asLong();
    }
}
