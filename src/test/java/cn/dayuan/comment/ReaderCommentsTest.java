package cn.dayuan.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

import cn.dayuan.ReaderClient;
import cn.dayuan.article.ArticleDetail;
import cn.dayuan.article.ArticleDraft;
import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleStatus;
import cn.dayuan.article.RightsType;
import cn.dayuan.captcha.KnownCaptchaCodes;
import cn.dayuan.channel.ChannelService;
import cn.dayuan.sensitive.SensitiveWordService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Readers' comments through real HTTP: the JSON contract, the form that works without JavaScript, review before
 * publication, sensitive words, captcha rules, closed comments, spam and floods, and what the page shows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dayuan.data-dir=target/test-data/ReaderCommentsTest", "dayuan.admin-password=comments-test-pw",
        "dayuan.captcha-min-solve-time=0s"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReaderCommentsTest {

    static {
        FileSystemUtils.deleteRecursively(Path.of("target/test-data/ReaderCommentsTest").toFile());
    }

    private static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString("admin:comments-test-pw".getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;
    @Autowired
    ArticleService articles;
    @Autowired
    ChannelService channels;
    @Autowired
    CommentService comments;
    @Autowired
    SensitiveWordService sensitiveWords;
    @Autowired
    JsonMapper json;

    private ReaderClient reader;
    private ArticleDetail article;
    private ArticleDetail closed;
    private long draftId;

    @BeforeAll
    void content() {
        reader = ReaderClient.of(port);
        channels.create("评论测试", "pinglun", null, null, null);
        article = publish("读者评论的文章", true);
        closed = publish("关闭评论的文章", false);
        draftId = articles.create(new ArticleDraft("草稿", null, null, "<p>草稿</p>", "pinglun", null, null, null,
                null, List.of(), RightsType.ORIGINAL, null, ArticleStatus.DRAFT, null, false, false, true), "admin").id();
        comments.setPostsPerTenMinutes(1000);
    }

    private ArticleDetail publish(String title, boolean commentsOpen) {
        return articles.create(new ArticleDraft(title, null, null, "<p>" + title + "的正文。</p>", "pinglun", null, null,
                null, null, List.of(), RightsType.ORIGINAL, Instant.now().minusSeconds(60), ArticleStatus.PUBLISHED,
                null, false, false, commentsOpen), "admin");
    }

    @Test
    void aCommentWaitsForReviewThenShowsOnThePageWithItsCount() throws Exception {
        ArticleDetail article = publish("审核流程的文章", true);
        HttpResponse<String> posted = postComment(article.id(), Map.of("name", "老王", "content", "写得好，支持！"));
        assertThat(posted.statusCode()).isEqualTo(201);
        JsonNode answer = json.readTree(posted.body());
        assertThat(answer.get("status").asString()).isEqualTo("PENDING");
        long id = answer.get("id").asLong();

        assertThat(get(article.url()).body()).doesNotContain("写得好，支持！").contains("共有 0 条评论");
        assertThat(json.readTree(get("/api/v1/articles/" + article.id() + "/comments").body()).get("totalItems").asLong())
                .isZero();

        HttpResponse<String> approved = reader.send(reader.request("/api/v1/comments/" + id + "/approve")
                .header("Authorization", ADMIN).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(json.readTree(approved.body()).get("status").asString()).isEqualTo("APPROVED");

        String page = get(article.url()).body();
        assertThat(page).contains("写得好，支持！").contains("老王").contains("[127.0.*.*]");
        assertThat(page).contains("共有 1 条评论");
        JsonNode counters = json.readTree(get("/api/v1/articles/" + article.id() + "/counters").body());
        assertThat(counters.get("comments").asLong()).isEqualTo(1);
        JsonNode listed = json.readTree(get("/api/v1/articles/" + article.id() + "/comments").body());
        assertThat(listed.get("items").findValuesAsString("content")).contains("写得好，支持！");
    }

    @Test
    void aWrongOrReusedCaptchaIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        JsonNode captcha = json.readTree(get("/api/v1/captcha").body());
        assertThat(captcha.get("image").asString()).startsWith("data:image/png;base64,");
        String id = captcha.get("id").asString();
        HttpResponse<String> wrong = reader.postJson("/api/v1/articles/" + article.id() + "/comments",
                Map.of("content", "错误验证码的评论", "captchaId", id, "captchaAnswer", "nope"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("captchaAnswer");
        HttpResponse<String> reused = reader.postJson("/api/v1/articles/" + article.id() + "/comments",
                Map.of("content", "错误验证码的评论", "captchaId", id, "captchaAnswer", KnownCaptchaCodes.ANSWER));
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(reused.body()).contains("captchaId");
        assertThat(comments.queue(null, article.id(), null, null, 0, 100).getContent())
                .noneMatch(c -> c.content().equals("错误验证码的评论"));
    }

    @Test
    void publishFirstModeShowsCleanCommentsAtOnceButHoldsSensitiveOnes() throws Exception {
        comments.setMode(CommentMode.PUBLISH_FIRST);
        try {
            sensitiveWords.put("违禁测试词", false, "admin");
            assertThat(json.readTree(postComment(article.id(), Map.of("content", "干净的评论")).body())
                    .get("status").asString()).isEqualTo("APPROVED");
            HttpResponse<String> flagged = postComment(article.id(), Map.of("content", "这里有违禁测试词哦"));
            assertThat(json.readTree(flagged.body()).get("status").asString()).isEqualTo("PENDING");
            CommentService.QueueItem held = comments.get(json.readTree(flagged.body()).get("id").asLong());
            assertThat(held.flaggedWords()).contains("违禁测试词");
            assertThat(get(article.url()).body()).contains("干净的评论").doesNotContain("这里有违禁测试词哦");

            ArticleDetail sensitiveTopic = publish("敏感话题的文章", true);
            comments.setArticleAlwaysReviewed(sensitiveTopic.id(), true);
            assertThat(json.readTree(postComment(sensitiveTopic.id(), Map.of("content", "也要先审")).body())
                    .get("status").asString()).isEqualTo("PENDING");
        } finally {
            comments.setMode(CommentMode.REVIEW_FIRST);
        }
    }

    @Test
    void closedCommentsDraftsAndBadFieldsAreRefused() throws Exception {
        assertThat(postComment(closed.id(), Map.of("content", "关闭了还能评论吗")).statusCode()).isEqualTo(409);
        assertThat(postComment(draftId, Map.of("content", "草稿")).statusCode()).isEqualTo(404);
        HttpResponse<String> tooLong = postComment(article.id(), Map.of("content", "长".repeat(501)));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("content");
        assertThat(postComment(article.id(), Map.of("content", "  ")).statusCode()).isEqualTo(400);
        assertThat(postComment(article.id(), Map.of("content", "回复", "replyTo", 999999)).statusCode()).isEqualTo(400);
        assertThat(get(closed.url()).body()).contains("本文已关闭评论");

        channels.create("关闭评论的栏目", "guanbi", null, null, null);
        ArticleDetail inClosedChannel = articles.create(new ArticleDraft("栏目关闭评论", null, null, "<p>正文</p>",
                "guanbi", null, null, null, null, List.of(), RightsType.ORIGINAL, Instant.now().minusSeconds(60),
                ArticleStatus.PUBLISHED, null, false, false, true), "admin");
        comments.setChannelRule(channels.getByPath("guanbi").getId(), ChannelRule.CLOSED);
        assertThat(postComment(inClosedChannel.id(), Map.of("content", "栏目关了")).statusCode()).isEqualTo(409);
        assertThat(get(inClosedChannel.url()).body()).contains("本栏目已关闭评论");
    }

    @Test
    void hostileNamesAndTextsRenderInert() throws Exception {
        List<String> payloads = List.of("<script>alert(1)</script>", "<img src=x onerror=alert(2)>",
                "\"><svg onload=alert(3)>", "javascript:alert(4)", "<a href=\"javascript:alert(5)\">x</a>",
                "'><iframe src=//evil>", "<style>*{}</style>", "{{7*7}}${7*7}");
        for (String payload : payloads) {
            long id = json.readTree(postComment(article.id(), Map.of("name", payload.substring(0, Math.min(20,
                    payload.length())), "content", "内容" + payload)).body()).get("id").asLong();
            comments.decide(List.of(id), ModerationAction.APPROVE, "admin");
        }
        String page = get(article.url()).body();
        assertThat(page).doesNotContain("<script>alert(1)").doesNotContain("<img src=x onerror")
                .doesNotContain("<svg onload").doesNotContain("<iframe src=//evil").doesNotContain("<style>*{}")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void theFormWorksWithoutJavaScript() throws Exception {
        HttpResponse<String> wrong = reader.postForm("/comment/" + article.id(), Map.of("name", "无脚本读者",
                "content", "不用脚本也能评论", "captchaAnswer", "0000"), "Cookie", reader.captchaCookie());
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("验证码输入错误").contains("不用脚本也能评论").contains("无脚本读者");

        HttpResponse<String> posted = reader.postForm("/comment/" + article.id(), Map.of("name", "无脚本读者",
                "content", "不用脚本也能评论", "captchaAnswer", KnownCaptchaCodes.ANSWER.toLowerCase()),
                "Cookie", reader.captchaCookie());
        assertThat(posted.statusCode()).isEqualTo(303);
        String location = posted.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo(article.url() + "?comment=pending#comments");
        assertThat(get(location.substring(0, location.indexOf('#'))).body()).contains("评论已提交，审核通过后显示");
        assertThat(reader.get("/captcha.png").headers().firstValue("Content-Type")).hasValue("image/png");
    }

    @Test
    void aFilledHoneypotIsAnsweredLikeAnyCommentButKeptAsSpam() throws Exception {
        HttpResponse<String> posted = postComment(article.id(), Map.of("content", "机器人的评论", "website", "http://spam"));
        assertThat(posted.statusCode()).isEqualTo(201);
        JsonNode answer = json.readTree(posted.body());
        assertThat(answer.get("status").asString()).isEqualTo("PENDING");
        assertThat(comments.get(answer.get("id").asLong()).status()).isEqualTo(CommentStatus.SPAM);
    }

    @Test
    void aFloodFromOneAddressIsSlowedToTheConfiguredRate() throws Exception {
        comments.setPostsPerTenMinutes(3);
        try {
            List<Integer> codes = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                codes.add(postComment(article.id(), Map.of("content", "刷屏" + i)).statusCode());
            }
            assertThat(codes).containsExactly(201, 201, 201, 429, 429, 429);
        } finally {
            comments.setPostsPerTenMinutes(1000);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** Posts as the page's script does, with a fresh captcha; with a honeypot value, through the plain form. */
    private HttpResponse<String> postComment(long articleId, Map<String, Object> fields) {
        Map<String, Object> all = new HashMap<>(fields);
        all.put("captchaId", reader.captchaId());
        all.put("captchaAnswer", KnownCaptchaCodes.ANSWER);
        if (all.containsKey("website")) {
            return reader.postForm("/comment/" + articleId, all, "Accept", "application/json");
        }
        return reader.postJson("/api/v1/articles/" + articleId + "/comments", all);
    }

    private HttpResponse<String> get(String path) {
        return reader.get(path);
    }
}
