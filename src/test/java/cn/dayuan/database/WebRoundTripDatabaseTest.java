package cn.dayuan.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole way through the web layers on each database: the seed article posted to the JSON API exactly as
 * issue 2 shows it, read back, rendered on the public site from the page cache, and found in the newsroom.
 */
class WebRoundTripDatabaseTest extends DatabaseTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TITLE = "振奋精神一鼓作气,抓实抓细集中攻坚";

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void theSeedArticleGoesFromTheApiToThePublicPageAndTheNewsroom() throws Exception {
        String top = unique("zcjh");
        assertThat(postJson("/api/v1/channels", Map.of("name", "政策解读", "slug", top)).statusCode()).isEqualTo(201);
        HttpResponse<String> channel = postJson("/api/v1/channels",
                Map.of("name", "国内", "slug", "jishixinwen", "parent", top));
        assertThat(channel.statusCode()).as(channel.body()).isEqualTo(201);
        assertThat(JSON.readTree(channel.body()).path("path").asString()).isEqualTo(top + "/jishixinwen");

        HttpResponse<String> created = postJson("/api/v1/articles", Map.ofEntries(
                Map.entry("title", TITLE),
                Map.entry("channel", top + "/jishixinwen"),
                Map.entry("body", seedBody()),
                Map.entry("author", "澎湃特约评论员 方圆"),
                Map.entry("source", "澎湃新闻"),
                Map.entry("sourceUrl", "https://www.thepaper.cn/"),
                Map.entry("editor", "刘欢"),
                Map.entry("tags", List.of("行动", "九大", "清零")),
                Map.entry("rightsType", "AUTHORIZED"),
                Map.entry("publishedAt", "2022-04-23T06:07:12+08:00"),
                Map.entry("status", "PUBLISHED")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode article = JSON.readTree(created.body());
        long id = article.path("id").asLong();
        assertThat(article.path("url").asString()).isEqualTo(url("/" + top + "/jishixinwen/" + id + ".html"));

        JsonNode read = JSON.readTree(send(api("/api/v1/articles/" + id).GET()).body());
        assertThat(read.path("publishedAt").asString()).isEqualTo("2022-04-23T06:07:12+08:00");
        assertThat(read.path("body").asString()).contains("核酸筛查、抗原检测");

        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(article.path("url").asString())).GET());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(TITLE, "2022-04-23 06:07:12", "留言与评论(共有 0 条评论)",
                "只要各级干部振奋精神、一鼓作气", "【编辑:刘欢】", "本文系作者授权发表，未经许可，不得转载。");
        HttpResponse<String> again = send(HttpRequest.newBuilder(URI.create(article.path("url").asString())).GET());
        assertThat(again.headers().firstValue("X-Dayuan-Cache")).hasValue("HIT");
        assertThat(again.body()).isEqualTo(page.body());

        HttpResponse<String> channelPage = send(HttpRequest.newBuilder(URI.create(url("/" + top + "/jishixinwen/"))).GET());
        assertThat(channelPage.body()).contains(TITLE);
        HttpResponse<String> tagPage = send(HttpRequest.newBuilder(URI.create(
                url("/tag/" + URLEncoder.encode("九大", StandardCharsets.UTF_8) + "/"))).GET());
        assertThat(tagPage.body()).contains(TITLE);

        logIntoNewsroom();
        HttpResponse<String> list = send(HttpRequest.newBuilder(URI.create(url("/admin/articles?channel=" + top))).GET());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(TITLE);
    }

    @Test
    void badInputIsRefusedWithTheFieldAndNothingIsStored() throws Exception {
        String title = unique("无栏目的文章");
        HttpResponse<String> refused = postJson("/api/v1/articles",
                Map.of("title", title, "channel", "no/such/channel", "body", "<p>正文</p>"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).path("field").asString()).isEqualTo("channel");
        assertThat(jdbc.queryForObject("select count(*) from article where title = ?", Integer.class, title))
                .isZero();
    }

    private void logIntoNewsroom() throws IOException, InterruptedException {
        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(url("/admin/login"))).GET());
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
        String body = "username=" + ADMIN + "&password=" + ADMIN_PASSWORD + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(url("/admin/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    private HttpResponse<String> postJson(String path, Object body) throws IOException, InterruptedException {
        return send(api(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private HttpRequest.Builder api(String path) {
        return HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String seedBody() {
        try (var in = WebRoundTripDatabaseTest.class.getResourceAsStream("/seed/zcjh-jishixinwen-67833.txt")) {
            StringBuilder html = new StringBuilder();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(p -> !p.isBlank())
                    .forEach(p -> html.append("<p>").append(p).append("</p>"));
            return html.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
