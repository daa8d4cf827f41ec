package cn.dayuan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ViewCounter;
import cn.dayuan.portal.ViewCounting;
import cn.dayuan.publish.StaticExporter;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an attacker tried, each closed for good: guessing API passwords, posing as another address, control
 * characters that broke the feeds, hostile query strings and bodies, cross-site state changes, pushing the view
 * counter, and pages without security headers. The server believes {@code X-Forwarded-For} from 127.0.0.1 (the
 * tests' own proxy), so each test plays its own client address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dayuan.data-dir=" + HardeningTest.DATA_DIR, "dayuan.admin-password=" + HardeningTest.ADMIN_PASSWORD,
        "dayuan.trusted-proxies=127.0.0.1,::1"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HardeningTest {

    static final String DATA_DIR = "target/test-data/HardeningTest";
    static final String ADMIN_PASSWORD = "hardening-admin-pw";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger ADDRESSES = new AtomicInteger(10);
    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/126.0 Safari/537.36";

    static {
        FileSystemUtils.deleteRecursively(Path.of(DATA_DIR).toFile());
    }

    @LocalServerPort
    int port;

    @Autowired
    ArticleService articles;

    @Autowired
    ViewCounter viewCounter;

    @Autowired
    StaticExporter exporter;
    @Autowired
    cn.dayuan.site.SiteService siteSettings;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private long published;
    private long draft;

    @BeforeAll
    void content() {
        api("POST", "/api/v1/channels", "{\"name\":\"加固\",\"slug\":\"jiagu\"}", admin()).expect(201);
        published = api("POST", "/api/v1/articles", "{\"title\":\"已发布的文章\",\"channel\":\"jiagu\","
                + "\"body\":\"<p>正文内容足够长。</p>\",\"status\":\"PUBLISHED\",\"tags\":[\"加固\"]}", admin())
                .expect(201).json().path("id").asLong();
        draft = api("POST", "/api/v1/articles", "{\"title\":\"草稿\",\"channel\":\"jiagu\",\"body\":\"<p>草稿</p>\"}",
                admin()).expect(201).json().path("id").asLong();
    }

    // ---- client address and login throttling ---------------------------------------------------------------

    @Test
    void wrongApiPasswordsLockTheAddressOutEvenForTheRightOneAndForTheNewsroom() {
        String address = nextAddress();
        Answer refused = null;
        for (int i = 0; i < 50 && refused == null; i++) {
            Answer answer = send(request("/api/v1/articles").header("Authorization", basic("admin", "wrong-" + i))
                    .header("X-Forwarded-For", address).GET());
            if (answer.status == 429) {
                refused = answer;
            } else {
                assertThat(answer.status).isEqualTo(401);
            }
        }
        assertThat(refused).as("50 wrong passwords are not all looked at").isNotNull();
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");

        Answer rightPassword = send(request("/api/v1/articles").header("Authorization", admin())
                .header("X-Forwarded-For", address).GET());
        assertThat(rightPassword.status).as("the right password waits too").isEqualTo(429);

        Answer elsewhere = send(request("/api/v1/articles").header("Authorization", admin())
                .header("X-Forwarded-For", nextAddress()).GET());
        assertThat(elsewhere.status).as("other addresses are not locked out").isEqualTo(200);

        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String csrf = csrfOf(send(browser, request("/admin/login").header("X-Forwarded-For", address).GET().build()).body);
        Answer newsroom = send(browser, request("/admin/login").header("X-Forwarded-For", address)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=" + ADMIN_PASSWORD
                        + "&_csrf=" + csrf)).build());
        assertThat(newsroom.status).as("the same lockout as the newsroom's").isEqualTo(429);
    }

    @Test
    void wrongTokensCountToo() {
        String address = nextAddress();
        int refused = 0;
        for (int i = 0; i < 30; i++) {
            Answer answer = send(request("/api/v1/articles").header("Authorization", "Bearer dyt_guess" + i)
                    .header("X-Forwarded-For", address).GET());
            if (answer.status == 429) {
                refused++;
            }
        }
        assertThat(refused).isGreaterThan(0);
    }

    @Test
    void onlyTheHopOurProxyAddedIsBelievedNotWhatTheClientWroteBeforeIt() {
        String address = nextAddress();
        boolean refused = false;
        for (int i = 0; i < 30 && !refused; i++) {
            // a client writing a new X-Forwarded-For each try; the proxy appends the address it saw
            Answer answer = send(request("/api/v1/articles").header("Authorization", basic("admin", "guess"))
                    .header("X-Forwarded-For", "198.51.100." + i + ", " + address).GET());
            refused = answer.status == 429;
        }
        assertThat(refused).isTrue();
    }

    @Test
    void theSessionCookieIsSecureBehindAnHttpsProxyAndHttpOnlyAlways() {
        Answer overHttps = send(request("/admin/login").header("X-Forwarded-Proto", "https").GET());
        String cookie = overHttps.header("Set-Cookie");
        assertThat(cookie).isNotNull().containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax");

        String plain = send(request("/admin/login").GET()).header("Set-Cookie");
        assertThat(plain).isNotNull().containsIgnoringCase("HttpOnly").doesNotContainIgnoringCase("Secure");
    }

    // ---- control characters ----------------------------------------------------------------------------

    @Test
    void controlCharactersInATitleLeaveFeedsAndTheExportWorking() throws Exception {
        String title = "控制\\u0001字符\\u0000标\\u000b题\\ufffe与\\ud800半个";
        JsonNode article = api("POST", "/api/v1/articles", "{\"title\":\"" + title + "\",\"channel\":\"jiagu\","
                + "\"subtitle\":\"副\\u0002标题\",\"author\":\"作\\u0003者\",\"source\":\"来\\ufffe源\","
                + "\"body\":\"<p>正文\\u0001含控制字符\\u0000。</p>\",\"status\":\"PUBLISHED\","
                + "\"tags\":[\"标\\u0007签\"]}", admin()).expect(201).json();
        assertThat(article.path("title").asString()).isEqualTo("控制字符标题与半个");
        assertThat(article.path("tags").get(0).asString()).isEqualTo("标签");

        for (String feed : List.of("/feed.xml", "/jiagu/feed.xml", "/atom.xml", "/jiagu/atom.xml", "/sitemap.xml",
                "/sitemap-news.xml")) {
            Answer answer = send(request(feed).GET());
            assertThat(answer.status).as(feed).isEqualTo(200);
            DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(answer.body.getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(send(request("/feed.xml").GET()).body).contains("控制字符标题与半个");

        Path folder = Files.createTempDirectory("hardening-export");
        Path export = folder.resolve("site");
        String address = cn.dayuan.site.SiteAddress.set(siteSettings, "http://localhost:" + port);
        try {
            exporter.export(export, null);
            DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(export.resolve("feed.xml").toFile());
            DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(export.resolve("jiagu/feed.xml").toFile());
            DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(export.resolve("jiagu/atom.xml").toFile());
            DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(export.resolve("sitemap-news.xml").toFile());
        } finally {
            cn.dayuan.site.SiteAddress.set(siteSettings, address);
            FileSystemUtils.deleteRecursively(folder);
        }
    }

    @Test
    void aHugeBodyGetsASummaryAndKeywordsWithoutEatingTheServer() {
        String sentence = "新建的城市轨道交通线路将连接南部新区与高铁站，市民关心通车时间与票价。";
        String body = "<p>" + sentence.repeat(300_000 / sentence.length() + 1) + "</p>";
        Answer answer = api("POST", "/api/v1/suggestions", "{\"body\":\"" + body + "\"}", admin()).expect(200);
        assertThat(answer.json().path("summary").asString()).isNotBlank().contains("轨道交通");
    }

    // ---- hostile requests: 4xx or empty, never 500 --------------------------------------------------------

    @Test
    void malformedRequestsAreRefusedNotFailed() {
        List<String> paths = List.of("/api/v1/articles?q=%FF", "/api/v1/articles?page=2147483647",
                "/api/v1/articles?q=%E9%80%9A%E7%9F%A5&page=2147483647&size=100",
                "/api/v1/articles?page=-2147483648&size=2147483647",
                "/api/v1/articles?status=%27%20OR%201%3D1--", "/api/v1/articles?q=%27%20OR%201%3D1--",
                "/api/v1/articles?channel=..%2F..%2Fetc%2Fpasswd", "/api/v1/articles/..%2F..%2Fetc%2Fpasswd",
                "/api/v1/articles/99999999999999999999", "/api/v1/channels/%2e%2e%2f", "/api/v1/links?categoryId=%00");
        for (String path : paths) {
            Answer answer = send(request(path).header("Authorization", admin()).GET());
            assertThat(answer.status).as(path).isBetween(200, 499);
            assertThat(answer.body).as(path).doesNotContain("Exception", "\tat ");
        }
        Answer page = send(request("/api/v1/articles?page=2147483647").header("Authorization", admin()).GET());
        assertThat(page.status).isEqualTo(200);

        for (String path : List.of("/?q=%FF", "/jiagu/index_2147483647.html", "/jiagu/index_99999999999.html",
                "/tag/%E5%8A%A0%E5%9B%BA/index_999999999.html", "/jiagu/..%2F..%2Fetc%2Fpasswd",
                "/%2e%2e/%2e%2e/etc/passwd", "/jiagu/%00.html", "/tag/%FF/", "/tag/..%2F/", "/counter/1%27/view",
                "/jiagu/" + published + ".html?page=%FF")) {
            Answer answer = send(request(path).header("User-Agent", BROWSER).GET());
            assertThat(answer.status).as(path).isBetween(200, 499);
            assertThat(answer.body).as(path).doesNotContain("Exception", "\tat ");
        }
        for (String traversal : List.of("/jiagu/..%2F..%2Fetc%2Fpasswd", "/tag/..%2F..%2Fetc%2Fpasswd/",
                "/media/..%2F..%2Fdb%2Fdayuan.mv.db")) {
            assertThat(send(request(traversal).GET()).status).as(traversal).isIn(400, 404);
        }
    }

    @Test
    void aBadlyEscapedFormBodyIsABadRequest() {
        Answer api = send(request("/api/v1/articles").header("Authorization", admin())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("a=%zz")));
        assertThat(api.status).isEqualTo(400);
        Answer counter = send(request("/counter/" + published + "/like").header("X-Forwarded-For", nextAddress())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("a=%zz&b=%")));
        assertThat(counter.status).isBetween(200, 499);

        for (String path : List.of("/jiagu/", "/api/v1/articles/" + draft)) {
            Answer delete = send(request(path).header("Authorization", admin())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .method("DELETE", HttpRequest.BodyPublishers.ofString("a=%zz&b=%")));
            assertThat(delete.status).as("DELETE " + path).isBetween(400, 499);
        }
        Answer wildcard = send(request("/api/v1/suggestions").header("Authorization", admin())
                .header("Content-Type", "*/*").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(wildcard.status).isEqualTo(415);

        Newsroom newsroom = signIn();
        for (String path : List.of("/admin/articles?page=2147483647", "/admin/articles?q=%FF",
                "/admin/articles?keyword=%E9%80%9A%E7%9F%A5&page=2147483647",
                "/admin/articles?page=-1&status=%27%20OR%201%3D1--", "/admin/articles?channel=%27%22")) {
            Answer answer = newsroom.get(path);
            assertThat(answer.status).as(path).isBetween(200, 499);
            assertThat(answer.body).as(path).doesNotContain("Exception", "\tat ");
        }
        Answer form = newsroom.post("/admin/articles/new", "a=%zz&_csrf=" + newsroom.csrf);
        assertThat(form.status).isBetween(200, 499);
    }

    // ---- state changes through the API --------------------------------------------------------------------

    @Test
    void stateChangesNeedJsonOrComeFromThisSite() {
        Answer form = send(request("/api/v1/channels").header("Authorization", admin())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=x&slug=x")));
        assertThat(form.status).isEqualTo(415);
        assertThat(form.header("Content-Type")).startsWith("application/problem+json");

        long id = api("POST", "/api/v1/articles", "{\"title\":\"将被撤下\",\"channel\":\"jiagu\","
                + "\"body\":\"<p>正文</p>\",\"status\":\"PUBLISHED\"}", admin()).expect(201).json().path("id").asLong();
        Answer crossSite = send(request("/api/v1/articles/" + id + "/unpublish").header("Authorization", admin())
                .header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(crossSite.status).isEqualTo(403);
        assertThat(articles.findPublic(id)).as("still public").isPresent();
        Answer crossSiteDelete = send(request("/api/v1/articles/" + id).header("Authorization", admin())
                .header("Origin", "null").DELETE());
        assertThat(crossSiteDelete.status).isEqualTo(403);

        Answer bodiless = send(request("/api/v1/articles/" + id + "/unpublish").header("Authorization", admin())
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(bodiless.status).isEqualTo(200);
        Answer sameSite = send(request("/api/v1/articles/" + id + "/publish").header("Authorization", admin())
                .header("Origin", "http://localhost:" + port).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(sameSite.status).isEqualTo(200);
        assertThat(send(request("/api/v1/articles/" + id).header("Authorization", admin()).DELETE()).status)
                .isEqualTo(204);
    }

    // ---- the view counter ---------------------------------------------------------------------------------

    @Test
    void oneAddressFloodingTheViewCounterAddsOnlyItsFewViews() {
        long before = articles.counts(published).views();
        String address = nextAddress();
        for (int i = 0; i < 200; i++) {
            assertThat(view(published, address, BROWSER).status).isEqualTo(200);
        }
        assertThat(articles.counts(published).views()).isEqualTo(before + ViewCounting.VIEWS_PER_ADDRESS);
    }

    @Test
    void crawlersAndPrefetchesAreNotReaders() {
        long before = articles.counts(published).views();
        for (String agent : List.of("Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)",
                "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                "Mozilla/5.0 (compatible; bingbot/2.0)", "Sogou web spider/4.0", "360Spider", "YandexBot/3.0",
                "curl/8.5.0", "python-requests/2.31")) {
            view(published, nextAddress(), agent);
        }
        send(request("/counter/" + published + "/view").header("User-Agent", BROWSER)
                .header("X-Forwarded-For", nextAddress()).header("Sec-Purpose", "prefetch")
                .POST(HttpRequest.BodyPublishers.noBody()));
        send(request("/counter/" + published + "/view").header("User-Agent", BROWSER)
                .header("X-Forwarded-For", nextAddress()).header("Purpose", "prefetch")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(articles.counts(published).views()).isEqualTo(before);
    }

    @Test
    void draftsAndMissingArticlesAnswerLikeAnyOther() {
        Answer ofDraft = view(draft, nextAddress(), BROWSER);
        Answer ofNothing = view(987_654_321L, nextAddress(), BROWSER);
        assertThat(ofDraft.status).isEqualTo(200);
        assertThat(ofNothing.status).isEqualTo(200);
        assertThat(ofDraft.body).isEqualTo(ofNothing.body).isEqualTo("{\"views\":0,\"likes\":0,\"comments\":0}");
        viewCounter.flush();
        assertThat(articles.counts(draft).views()).isZero();
    }

    // ---- security headers ---------------------------------------------------------------------------------

    @Test
    void everyDoorSendsItsSecurityHeadersAlsoFromThePageCache() {
        String page = "/jiagu/" + published + ".html";
        send(request(page).GET());
        Answer hit = send(request(page).GET());
        assertThat(hit.header("X-Dayuan-Cache")).isEqualTo("HIT");
        for (Answer answer : List.of(hit, send(request("/").GET()), send(request("/no-such-page").GET()),
                send(request("/feed.xml").GET()))) {
            String policy = answer.header("Content-Security-Policy");
            assertThat(policy).isNotNull().contains("script-src 'self'", "frame-ancestors").doesNotContain("unsafe");
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        }
        assertThat(hit.body).doesNotContainPattern("<script>|<script(?![^>]*(src=|application/ld\\+json))")
                .doesNotContain("style=\"", "<style");

        Answer newsroom = send(request("/admin/login").GET());
        assertThat(newsroom.header("Content-Security-Policy")).contains("script-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe");
        assertThat(newsroom.header("X-Content-Type-Options")).isEqualTo("nosniff");
        Answer api = send(request("/api/v1/articles").GET());
        assertThat(api.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(api.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    record Answer(int status, java.net.http.HttpHeaders headers, String body) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        Answer expect(int expected) {
            assertThat(status).as(body).isEqualTo(expected);
            return this;
        }

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private static String nextAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "203.0." + (n / 250) + "." + (n % 250 + 1);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String admin() {
        return basic("admin", ADMIN_PASSWORD);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60));
    }

    private Answer send(HttpRequest.Builder request) {
        return send(http, request.build());
    }

    private static Answer send(HttpClient client, HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Answer api(String method, String path, String json, String authorization) {
        return send(request(path).header("Authorization", authorization).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    private Answer view(long id, String address, String agent) {
        HttpRequest.Builder request = request("/counter/" + id + "/view").header("X-Forwarded-For", address)
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody());
        if (!agent.isEmpty()) {
            request.header("User-Agent", agent);
        }
        return send(request);
    }

    /** A browser signed in to the newsroom as admin: its cookies and CSRF token. */
    private Newsroom signIn() {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        Answer login = send(browser, request("/admin/login").GET().build());
        String csrf = csrfOf(login.body);
        Answer signedIn = send(browser, request("/admin/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password="
                        + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf)).build());
        assertThat(signedIn.status).isEqualTo(302);
        Answer dashboard = send(browser, request("/admin/articles").GET().build());
        return new Newsroom(browser, csrfOf(dashboard.body));
    }

    private static String csrfOf(String page) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        if (matcher.find()) {
            return matcher.group(1);
        }
        Matcher header = Pattern.compile("\"X-CSRF-TOKEN\": \"([^\"]+)\"").matcher(page);
        assertThat(header.find()).as("a CSRF token on the page").isTrue();
        return header.group(1);
    }

    private final class Newsroom {

        final HttpClient browser;
        final String csrf;

        Newsroom(HttpClient browser, String csrf) {
            this.browser = browser;
            this.csrf = csrf;
        }

        Answer get(String path) {
            return send(browser, request(path).GET().build());
        }

        Answer post(String path, String form) {
            return send(browser, request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        }
    }
}
