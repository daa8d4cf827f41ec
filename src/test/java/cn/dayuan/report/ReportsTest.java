package cn.dayuan.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
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
import cn.dayuan.comment.CommentService;
import cn.dayuan.comment.CommentService.CommentDraft;
import cn.dayuan.comment.CommentStatus;
import cn.dayuan.comment.ModerationAction;
import cn.dayuan.captcha.CaptchaService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 举报 through real HTTP: a reader files a report from an article, gets a case number, the editor withdraws the
 * article from the queue, the article page answers 404 and the case shows 已处理 to the reporter; reports on a
 * comment, the form without JavaScript, and what is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dayuan.data-dir=target/test-data/ReportsTest", "dayuan.admin-password=reports-test-pw",
        "dayuan.captcha-min-solve-time=0s", "dayuan.trusted-proxies=127.0.0.1,::1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsTest {

    static {
        FileSystemUtils.deleteRecursively(Path.of("target/test-data/ReportsTest").toFile());
    }

    private static final String ADMIN = "Basic " + Base64.getEncoder()
            .encodeToString("admin:reports-test-pw".getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;
    @Autowired
    ArticleService articles;
    @Autowired
    ChannelService channels;
    @Autowired
    CommentService comments;
    @Autowired
    CaptchaService captcha;
    @Autowired
    ReportService reports;
    @Autowired
    JsonMapper json;

    private ReaderClient reader;

    @BeforeAll
    void channel() {
        reader = ReaderClient.fromManyAddresses(port);
        channels.create("举报测试", "jubaoceshi", null, null, null);
    }

    private ArticleDetail publish(String title) {
        return articles.create(new ArticleDraft(title, null, null, "<p>" + title + "</p>", "jubaoceshi", null, null,
                null, null, List.of(), RightsType.ORIGINAL, Instant.now().minusSeconds(60), ArticleStatus.PUBLISHED,
                null, false, false, true), "admin");
    }

    @Test
    void aReportedArticleIsWithdrawnFromTheQueueAndTheReporterSeesTheCaseHandled() throws Exception {
        ArticleDetail article = publish("被举报的文章");
        String articleUrl = "http://127.0.0.1:" + port + article.url();
        assertThat(get(article.url()).body()).contains("/jubao/?url=");

        HttpResponse<String> filed = postJson("/api/v1/reports", withCaptcha(Map.of("kind", "ILLEGAL",
                "url", articleUrl, "description", "文章含有虚假信息", "contact", "13800000000")));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String caseNumber = json.readTree(filed.body()).get("caseNumber").asString();
        assertThat(caseNumber).matches("JB\\d{8}-[A-Z0-9]{8}");

        JsonNode status = json.readTree(get("/api/v1/reports/" + caseNumber).body());
        assertThat(status.get("statusLabel").asString()).isEqualTo("新");
        assertThat(status.has("contact")).as("the lookup shows no contact details").isFalse();

        JsonNode queue = json.readTree(send(HttpRequest.newBuilder(uri("/api/v1/reports?status=NEW"))
                .header("Authorization", ADMIN).GET()).body());
        JsonNode reported = queue.get("items").valueStream()
                .filter(c -> c.get("caseNumber").asString().equals(caseNumber)).findFirst().orElseThrow();
        assertThat(reported.get("article").asLong()).isEqualTo(article.id());
        assertThat(reported.get("contact").asString()).isEqualTo("13800000000");

        HttpResponse<String> withdrawn = send(HttpRequest.newBuilder(
                        uri("/api/v1/reports/" + reported.get("id").asLong() + "/withdraw"))
                .header("Authorization", ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"note\":\"经核实内容失实\"}")));
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        assertThat(json.readTree(withdrawn.body()).get("steps").get(0).get("note").asString()).isEqualTo("经核实内容失实");

        assertThat(get(article.url()).statusCode()).isEqualTo(404);
        JsonNode handled = json.readTree(get("/api/v1/reports/" + caseNumber).body());
        assertThat(handled.get("statusLabel").asString()).isEqualTo("已处理");
        assertThat(handled.get("resolution").asString()).contains("已撤下相关文章").contains("经核实内容失实");
        assertThat(get("/jubao/case?number=" + caseNumber).body()).contains("已处理").contains(caseNumber);
    }

    @Test
    void theFormWorksWithoutJavaScriptAndKeepsWhatWasTypedAfterAMistake() throws Exception {
        ArticleDetail article = publish("无脚本举报的文章");
        HttpResponse<String> wrong = reader.postForm("/jubao/", Map.of("kind", "INFRINGEMENT", "url", article.url(),
                "description", "侵犯了我的著作权", "captchaAnswer", "0000"), "Cookie", reader.captchaCookie());
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("验证码输入错误").contains("侵犯了我的著作权");
        assertThat(reports.queue(null, 0, 100).getContent()).noneMatch(c -> c.description().equals("侵犯了我的著作权"));

        HttpResponse<String> filed = reader.postForm("/jubao/", Map.of("kind", "INFRINGEMENT", "url", article.url(),
                "description", "侵犯了我的著作权", "captchaAnswer", KnownCaptchaCodes.ANSWER),
                "Cookie", reader.captchaCookie());
        assertThat(filed.statusCode()).isEqualTo(303);
        String location = filed.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/jubao/case?number=JB");
        String page = get(location).body();
        assertThat(page).contains("举报已收到").contains("新");
    }

    @Test
    void aReportOnACommentLandsInTheSameQueueAndTakesTheCommentDown() throws Exception {
        ArticleDetail article = publish("评论被举报的文章");
        comments.setPostsPerTenMinutes(1000);
        CaptchaService.Challenge challenge = captcha.issue();
        long commentId = comments.post(article.id(), new CommentDraft("路人", "一条不当评论", null, challenge.id(),
                KnownCaptchaCodes.ANSWER, null), "198.51.100.9").id();
        comments.decide(List.of(commentId), ModerationAction.APPROVE, "admin");
        assertThat(get(article.url()).body()).contains("一条不当评论").contains("/jubao/?url=");

        HttpResponse<String> filed = postJson("/api/v1/reports", withCaptcha(Map.of("kind", "ILLEGAL",
                "comment", commentId, "description", "评论辱骂他人")));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        ReportService.CaseView c = reports.queue(ReportStatus.NEW, 0, 100).getContent().stream()
                .filter(v -> commentId == (v.commentId() == null ? -1 : v.commentId())).findFirst().orElseThrow();
        assertThat(c.articleId()).isEqualTo(article.id());

        reports.act(c.id(), ReportStep.REMOVE_COMMENT, "辱骂他人", "admin");
        assertThat(comments.get(commentId).status()).isEqualTo(CommentStatus.REJECTED);
        assertThat(get(article.url()).body()).doesNotContain("一条不当评论");
        assertThat(reports.get(c.id()).status()).isEqualTo(ReportStatus.RESOLVED);
    }

    @Test
    void badReportsAreRefusedNamingTheField() throws Exception {
        assertThat(postJson("/api/v1/reports", withCaptcha(Map.of("kind", "ILLEGAL", "url", "/x/1.html")))
                .body()).contains("description");
        assertThat(postJson("/api/v1/reports", withCaptcha(Map.of("url", "/x/1.html", "description", "说明")))
                .body()).contains("kind");
        HttpResponse<String> noCaptcha = postJson("/api/v1/reports", Map.of("kind", "OTHER", "url", "/x/1.html",
                "description", "说明"));
        assertThat(noCaptcha.statusCode()).isEqualTo(400);
        assertThat(noCaptcha.body()).contains("captchaId");
        assertThat(get("/api/v1/reports/JB00000000-NOSUCH00").statusCode()).isEqualTo(404);
        assertThat(send(reader.request("/api/v1/reports/1/explode").header("Authorization", ADMIN)
                .POST(HttpRequest.BodyPublishers.noBody())).statusCode()).as("an unknown step").isEqualTo(404);
        assertThat(get("/jubao/case?number=%3Cscript%3E").body()).doesNotContain("<script>").contains("没有找到");
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private Map<String, Object> withCaptcha(Map<String, Object> fields) {
        Map<String, Object> all = new HashMap<>(fields);
        all.put("captchaId", reader.captchaId());
        all.put("captchaAnswer", KnownCaptchaCodes.ANSWER);
        return all;
    }

    private HttpResponse<String> postJson(String path, Map<String, Object> body) {
        return reader.postJson(path, body);
    }

    private HttpResponse<String> get(String path) {
        return reader.get(path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return reader.send(request);
    }

    private URI uri(String path) {
        return reader.request(path).build().uri();
    }
}
