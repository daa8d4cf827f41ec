package cn.dayuan.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class ArticleApiTest extends ApiTestSupport {

    /** The seed page's article, posted exactly as issue 2 shows it. */
    static Map<String, Object> seedArticle() {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("title", "振奋精神一鼓作气,抓实抓细集中攻坚");
        article.put("channel", "zcjh/jishixinwen");
        article.put("body", seedBody());
        article.put("author", "澎湃特约评论员 方圆");
        article.put("source", "澎湃新闻");
        article.put("sourceUrl", "https://www.thepaper.cn/");
        article.put("editor", "刘欢");
        article.put("tags", List.of("行动", "九大", "清零"));
        article.put("rightsType", "AUTHORIZED");
        article.put("publishedAt", "2022-04-23T06:07:12+08:00");
        article.put("status", "PUBLISHED");
        return article;
    }

    static Map<String, Object> article(String channel, String title, String status) {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("title", title);
        article.put("channel", channel);
        article.put("body", "<p>" + title + "：市民服务中心延长办理时间，周末照常受理社保、医保业务。</p>");
        article.put("tags", List.of("便民服务"));
        article.put("status", status);
        return article;
    }

    @Test
    void theSeedArticleGoesInThroughTheApiAndComesBackTheSame() {
        Answer root = post("/api/v1/channels", Map.of("name", "新闻资讯", "slug", "zcjh"), admin());
        assertThat(root.status()).as(root.body()).isEqualTo(201);
        Answer domestic = post("/api/v1/channels", Map.of("name", "国内", "slug", "jishixinwen", "parent", "zcjh"),
                admin());
        assertThat(domestic.status()).as(domestic.body()).isEqualTo(201);
        JsonNode channel = domestic.json();
        assertThat(domestic.headers().firstValue("Location"))
                .hasValue(base() + "/api/v1/channels/" + channel.path("id").asLong());
        assertThat(channel.path("name").asString()).isEqualTo("国内");
        assertThat(channel.path("slug").asString()).isEqualTo("jishixinwen");
        assertThat(channel.path("path").asString()).isEqualTo("zcjh/jishixinwen");
        assertThat(channel.path("parent").asString()).isEqualTo("zcjh");
        assertThat(channel.has("description")).isTrue();
        assertThat(channel.path("sortOrder").isInt()).isTrue();
        assertThat(channel.path("url").asString()).isEqualTo(base() + "/zcjh/jishixinwen/");

        List<String> paths = get("/api/v1/channels", admin()).json().findValues("path").stream()
                .map(JsonNode::asString).toList();
        assertThat(paths).containsSubsequence("zcjh", "zcjh/jishixinwen");

        Answer created = post("/api/v1/articles", seedArticle(), admin());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(created.headers().firstValue("Location")).hasValue(base() + "/api/v1/articles/" + id);
        assertThat(created.json().path("url").asString()).isEqualTo(base() + "/zcjh/jishixinwen/" + id + ".html");

        JsonNode read = get("/api/v1/articles/" + id, admin()).json();
        assertThat(read.path("title").asString()).isEqualTo("振奋精神一鼓作气,抓实抓细集中攻坚");
        assertThat(read.path("channel").asString()).isEqualTo("zcjh/jishixinwen");
        assertThat(read.path("channelName").asString()).isEqualTo("国内");
        assertThat(read.path("body").asString()).startsWith("<p>核酸筛查、抗原检测,生活暂时不便")
                .contains("开展“拔点”行动").endsWith("上海“社会面清零”一定会早日实现。</p>");
        assertThat(read.path("body").asString().split("<p>")).hasSize(13);
        assertThat(read.path("author").asString()).isEqualTo("澎湃特约评论员 方圆");
        assertThat(read.path("source").asString()).isEqualTo("澎湃新闻");
        assertThat(read.path("sourceUrl").asString()).isEqualTo("https://www.thepaper.cn/");
        assertThat(read.path("editor").asString()).isEqualTo("刘欢");
        assertThat(strings(read.path("tags"))).containsExactly("行动", "九大", "清零");
        assertThat(read.path("rightsType").asString()).isEqualTo("AUTHORIZED");
        assertThat(read.path("publishedAt").asString()).isEqualTo("2022-04-23T06:07:12+08:00");
        assertThat(read.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(read.path("publisher").asString()).isEqualTo("admin");
        assertThat(read.path("publisherName").asString()).isEqualTo("网络编辑");
        assertThat(read.path("summary").asString()).isNotBlank();
        assertThat(read.path("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
        assertThat(read.path("url").asString()).isEqualTo(base() + "/zcjh/jishixinwen/" + id + ".html");

        Map<String, Object> changed = seedArticle();
        changed.put("title", "振奋精神一鼓作气，抓实抓细集中攻坚（修订）");
        changed.put("editor", "王敏");
        changed.put("publishedAt", "2022-04-22T22:07:12Z");
        Answer updated = put("/api/v1/articles/" + id, changed, admin());
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        JsonNode reread = get("/api/v1/articles/" + id, admin()).json();
        assertThat(reread.path("title").asString()).isEqualTo("振奋精神一鼓作气，抓实抓细集中攻坚（修订）");
        assertThat(reread.path("editor").asString()).isEqualTo("王敏");
        assertThat(reread.path("publishedAt").asString()).isEqualTo("2022-04-23T06:07:12+08:00");
        assertThat(strings(reread.path("tags"))).containsExactly("行动", "九大", "清零");

        JsonNode published = get("/api/v1/articles?channel=zcjh&status=PUBLISHED", admin()).json();
        assertThat(published.path("items").findValues("id").stream().map(JsonNode::asLong)).contains(id);
        JsonNode drafts = get("/api/v1/articles?channel=zcjh/jishixinwen&status=DRAFT", admin()).json();
        assertThat(drafts.path("items").findValues("id").stream().map(JsonNode::asLong)).doesNotContain(id);

        assertThat(delete("/api/v1/articles/" + id, admin()).status()).isEqualTo(204);
        get("/api/v1/articles/" + id, admin()).problem(404);
    }

    @Test
    void aClientCanSendBackWhatItReadWithOneFieldChanged() {
        String channel = newChannel("回传测试");
        JsonNode created = post("/api/v1/articles", article(channel, "区政务服务中心周末照常办公", "DRAFT"), admin()).json();
        Map<String, Object> edited = JSON.convertValue(created, Map.class);
        edited.put("subtitle", "社保医保业务可预约");
        Answer updated = put("/api/v1/articles/" + created.path("id").asLong(), edited, admin());
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().path("subtitle").asString()).isEqualTo("社保医保业务可预约");
        assertThat(updated.json().path("title").asString()).isEqualTo("区政务服务中心周末照常办公");
        assertThat(strings(updated.json().path("tags"))).containsExactly("便民服务");
    }

    @Test
    void tagsKeepTheOrderTheEditorGaveThemEvenWhenSomeAlreadyExist() {
        String channel = newChannel("标签顺序");
        Map<String, Object> first = article(channel, "城区集中供暖今日试运行", "DRAFT");
        first.put("tags", List.of("供暖", "民生"));
        assertThat(post("/api/v1/articles", first, admin()).status()).isEqualTo(201);

        Map<String, Object> second = article(channel, "老旧小区供热管网改造完工", "DRAFT");
        second.put("tags", List.of("管网改造", "民生", "供暖"));
        JsonNode created = post("/api/v1/articles", second, admin()).json();
        assertThat(strings(created.path("tags"))).containsExactly("管网改造", "民生", "供暖");

        second.put("tags", List.of("供暖", "管网改造"));
        JsonNode updated = put("/api/v1/articles/" + created.path("id").asLong(), second, admin()).json();
        assertThat(strings(updated.path("tags"))).containsExactly("供暖", "管网改造");
    }

    @Test
    void listsFilterByChannelStatusAndTitleAndPageFromOne() {
        String channel = newChannel("分页测试");
        for (int i = 1; i <= 3; i++) {
            assertThat(post("/api/v1/articles", article(channel, "已发布稿件" + i, "PUBLISHED"), admin()).status())
                    .isEqualTo(201);
        }
        for (int i = 1; i <= 2; i++) {
            assertThat(post("/api/v1/articles", article(channel, "草稿" + i, "DRAFT"), admin()).status())
                    .isEqualTo(201);
        }

        JsonNode first = get("/api/v1/articles?channel=" + channel + "&size=2&page=1", admin()).json();
        assertThat(first.path("page").asInt()).isEqualTo(1);
        assertThat(first.path("size").asInt()).isEqualTo(2);
        assertThat(first.path("totalItems").asLong()).isEqualTo(5);
        assertThat(first.path("totalPages").asInt()).isEqualTo(3);
        assertThat(first.path("items")).hasSize(2);
        JsonNode last = get("/api/v1/articles?channel=" + channel + "&size=2&page=3", admin()).json();
        assertThat(last.path("items")).hasSize(1);
        assertThat(last.path("items").get(0).path("url").asString()).startsWith(base() + "/" + channel + "/");

        JsonNode published = get("/api/v1/articles?channel=" + channel + "&status=PUBLISHED", admin()).json();
        assertThat(published.path("totalItems").asLong()).isEqualTo(3);
        assertThat(published.path("items").findValues("status").stream().map(JsonNode::asString))
                .containsOnly("PUBLISHED");
        JsonNode searched = get("/api/v1/articles?channel=" + channel + "&q=%E8%8D%89%E7%A8%BF", admin()).json();
        assertThat(searched.path("totalItems").asLong()).isEqualTo(2);

        get("/api/v1/articles?page=0", admin()).invalid("page");
        get("/api/v1/articles?size=1000", admin()).invalid("size");
        get("/api/v1/articles?page=abc", admin()).invalid("page");
        get("/api/v1/articles?channel=no-such-channel", admin()).invalid("channel");
        JsonNode badStatus = get("/api/v1/articles?status=DONE", admin()).problem(400);
        assertThat(badStatus.path("field").asString()).isEqualTo("status");
        assertThat(badStatus.path("detail").asString()).contains("DRAFT", "PENDING", "PUBLISHED", "UNPUBLISHED");
    }

    @Test
    void anEmptyTitleIsRefusedAndNothingIsStored() {
        String channel = newChannel("空标题测试");
        Map<String, Object> untitled = article(channel, "  ", "PUBLISHED");
        String message = post("/api/v1/articles", untitled, admin()).invalid("title");
        assertThat(message).contains("标题");
        untitled.remove("title");
        post("/api/v1/articles", untitled, admin()).invalid("title");
        assertThat(totalArticlesIn(channel)).isZero();
    }

    @Test
    void anUnknownChannelIsRefusedAndNothingIsStored() {
        long before = get("/api/v1/articles", admin()).json().path("totalItems").asLong();
        String message = post("/api/v1/articles", article("zcjh/no-such-channel", "不存在的栏目", "DRAFT"), admin())
                .invalid("channel");
        assertThat(message).contains("栏目");
        assertThat(get("/api/v1/articles", admin()).json().path("totalItems").asLong()).isEqualTo(before);
    }

    @Test
    void malformedJsonWrongTypesAndUnknownEnumValuesAreNamedFieldByField() {
        String channel = newChannel("格式测试");
        send("POST", "/api/v1/articles", "{\"title\": \"缺了右括号\", ", admin()).problem(400);
        send("POST", "/api/v1/articles", null, admin()).problem(400);
        send("POST", "/api/v1/articles", "[1,2,3]", admin()).problem(400);

        Map<String, Object> badRights = article(channel, "版权类型错误", "DRAFT");
        badRights.put("rightsType", "STOLEN");
        JsonNode rights = post("/api/v1/articles", badRights, admin()).problem(400);
        assertThat(rights.path("field").asString()).isEqualTo("rightsType");
        assertThat(rights.path("detail").asString()).contains("STOLEN", "ORIGINAL", "AUTHORIZED", "REPRINT");
        assertThat(strings(rights.path("allowedValues"))).containsExactly("ORIGINAL", "AUTHORIZED", "REPRINT");

        Map<String, Object> badStatus = article(channel, "状态错误", "published!");
        assertThat(post("/api/v1/articles", badStatus, admin()).invalid("status")).contains("PUBLISHED");

        Map<String, Object> badTags = article(channel, "关键词类型错误", "DRAFT");
        badTags.put("tags", Map.of("a", 1));
        assertThat(post("/api/v1/articles", badTags, admin()).invalid("tags")).contains("数组");

        Map<String, Object> badFlag = article(channel, "头条标记错误", "DRAFT");
        badFlag.put("headline", "也许");
        post("/api/v1/articles", badFlag, admin()).invalid("headline");

        Map<String, Object> badTime = article(channel, "时间错误", "DRAFT");
        badTime.put("publishedAt", "2022年4月23日");
        assertThat(post("/api/v1/articles", badTime, admin()).invalid("publishedAt")).contains("ISO-8601");

        Map<String, Object> badUrl = article(channel, "来源网址错误", "DRAFT");
        badUrl.put("sourceUrl", "javascript:alert(1)");
        post("/api/v1/articles", badUrl, admin()).invalid("sourceUrl");

        assertThat(totalArticlesIn(channel)).isZero();
    }

    @Test
    void scriptsAndEventHandlersAreRemovedFromTheBody() {
        String channel = newChannel("安全测试");
        Map<String, Object> article = article(channel, "正文带脚本的稿件", "DRAFT");
        article.put("body", "<p onclick=\"steal()\">市民热线 12345 全天受理。</p><script>alert('x')</script>"
                + "<img src=\"javascript:alert(1)\"><a href=\"https://www.gov.cn/\">中国政府网</a>");
        JsonNode created = post("/api/v1/articles", article, admin()).json();
        String body = get("/api/v1/articles/" + created.path("id").asLong(), admin()).json().path("body").asString();
        assertThat(body).contains("市民热线 12345 全天受理。", "https://www.gov.cn/", "中国政府网")
                .doesNotContain("<script", "alert", "onclick", "steal", "javascript:");
    }

    @Test
    void unknownIdsPathsAndMethodsAreProblems() {
        get("/api/v1/articles/987654321", admin()).problem(404);
        get("/api/v1/articles/abc", admin()).problem(404);
        get("/api/v1/channels/987654321", admin()).problem(404);
        assertThat(get("/api/v1/no-such-thing", admin()).problem(404).path("detail").asString()).contains("接口不存在");
        put("/api/v1/articles/987654321", article("zcjh", "不存在的文章", "DRAFT"), admin()).problem(404);
        JsonNode wrongMethod = send("PATCH", "/api/v1/articles/1", "{}", admin()).problem(405);
        assertThat(wrongMethod.path("detail").asString()).contains("不支持 PATCH");
        Answer xml = send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/articles"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", admin()).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<article/>")).build());
        assertThat(xml.problem(415).path("detail").asString()).contains("application/json");
    }

    @Test
    void anAuthorWritesAndSubmitsButCannotPublish() {
        String channel = newChannel("作者权限测试");
        String author = newAccount("AUTHOR");

        Answer asked = post("/api/v1/articles", article(channel, "作者直接发布", "PUBLISHED"), author);
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        assertThat(asked.json().path("status").asString()).isEqualTo("PENDING");
        assertThat(asked.json().path("reviewLevel").asInt()).isEqualTo(1);
        assertThat(asked.json().path("notice").asString()).contains("已提交审核");
        assertThat(send(HttpRequest.newBuilder(URI.create(asked.json().path("url").asString())).build()).status())
                .isEqualTo(404);
        put("/api/v1/articles/" + asked.json().path("id").asLong(), article(channel, "作者再次要求发布", "PUBLISHED"),
                author);
        assertThat(get("/api/v1/articles/" + asked.json().path("id").asLong(), author).json().path("status")
                .asString()).isEqualTo("PENDING");
        post("/api/v1/articles/" + asked.json().path("id").asLong() + "/approve", null, author).problem(403);

        Answer draft = post("/api/v1/articles", article(channel, "作者的草稿", "DRAFT"), author);
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        long id = draft.json().path("id").asLong();
        post("/api/v1/articles/" + id + "/publish", null, author).problem(403);
        assertThat(get("/api/v1/articles/" + id, author).json().path("status").asString()).isEqualTo("DRAFT");

        Answer submitted = post("/api/v1/articles/" + id + "/submit", null, author);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().path("status").asString()).isEqualTo("PENDING");

        Answer published = post("/api/v1/articles/" + id + "/publish", null, admin());
        assertThat(published.json().path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(published.json().path("publishedAt").asString()).endsWith("+08:00");
        Answer unpublished = post("/api/v1/articles/" + id + "/unpublish", null, admin());
        assertThat(unpublished.json().path("status").asString()).isEqualTo("UNPUBLISHED");
    }

    @Test
    void suggestionsComeFromTheBody() {
        Answer answer = post("/api/v1/suggestions", Map.of("body", seedBody()), admin());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(strings(answer.json().path("tags"))).isNotEmpty();
        assertThat(answer.json().path("summary").asString()).isNotBlank();
        post("/api/v1/suggestions", Map.of(), admin()).invalid("body");
    }

    @Test
    void aDeclaredOversizedBodyIsRefusedBeforeItIsSent() throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            String head = "POST /api/v1/articles HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + admin()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + (RequestBodyLimit.MAX_BYTES + 1)
                    + "\r\nConnection: close\r\n\r\n{\"title\":\"";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json", "请求体过大");
        }
    }

    @Test
    void aStreamedOversizedBodyIsCutOffAt413() {
        byte[] huge = ("{\"title\":\"" + "大".repeat((int) RequestBodyLimit.MAX_BYTES / 3 + 10) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        Answer streamed = send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/articles"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", admin()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))).build());
        streamed.problem(413);
    }
}
