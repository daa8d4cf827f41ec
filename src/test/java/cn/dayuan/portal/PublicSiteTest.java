package cn.dayuan.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.dayuan.article.ArticleDetail;
import cn.dayuan.article.ArticleDraft;
import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleStatus;
import cn.dayuan.article.ReaderLikes;
import cn.dayuan.article.RightsType;
import cn.dayuan.channel.ChannelService;
import cn.dayuan.directory.DirectoryService;
import cn.dayuan.site.SiteService;
import cn.dayuan.site.SiteSettings;

/** The public site as a reader meets it: real HTTP against a running server, content made through the services. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dayuan.data-dir=target/test-data/PublicSiteTest", "dayuan.admin-password=portal-test-pw"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicSiteTest {

    static {
        // A fresh database each run: the channels and articles below are created once per run.
        FileSystemUtils.deleteRecursively(Path.of("target/test-data/PublicSiteTest").toFile());
    }

    static final String SEED_TITLE = "振奋精神一鼓作气,抓实抓细集中攻坚";
    static final int LOCAL_ARTICLES = 21;

    @LocalServerPort
    int port;
    @Autowired
    ArticleService articles;
    @Autowired
    ChannelService channels;
    @Autowired
    SiteService sites;
    @Autowired
    DirectoryService directory;
    @Autowired
    JsonMapper json;
    @Autowired
    TransactionTemplate transactions;

    final HttpClient http = HttpClient.newHttpClient();
    long seedId;
    long relatedId;
    long draftId;
    long withdrawnId;
    long scriptId;
    List<String> seedParagraphs;

    @BeforeAll
    void createContent() throws IOException {
        SiteSettings defaults = SiteSettings.DEFAULTS;
        sites.update(new SiteSettings("大院网", "山西大院资讯网", "", "山西本地新闻与便民服务门户", "山西,新闻",
                "关于山西大院新闻网",
                "山西大院是公共的资讯平台,公开,绿色,守法,其主要目的服务于广大本地网民的综合门户网站。",
                "Copyright ©山西大院新闻网", "晋ICP备12345678号-1", defaults.disclaimer(), defaults.disclaimerEn(),
                "webmaster@example.cn", defaults.rightsOriginal(), defaults.rightsAuthorized(),
                defaults.rightsReprint(), defaults.opinionNotice(), "14120170003", "晋公网安备 14010502000123号",
                "0351-12345678", "jubao@example.cn", defaults.reportCentreName(), defaults.reportCentreUrl(),
                defaults.disclaimerLabel(), defaults.disclaimerEnLabel(), defaults.aboutServices()));
        channels.create("时政聚焦", "zcjh", null, "时政要闻与评论", null);
        channels.create("国内", "jishixinwen", "zcjh", null, null);
        channels.create("本地新闻", "bendi", null, "本地新闻", null);
        directory.createLink(directory.createCategory("政务服务", "政府办事平台", null).id(),
                "山西政务服务网", "https://www.shanxi.gov.cn/", "在线办理政务服务事项", null);

        try (InputStream in = getClass().getResourceAsStream("seed-article-body.txt")) {
            seedParagraphs = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank()).toList();
        }
        String body = String.join("", seedParagraphs.stream().map(p -> "<p>" + p + "</p>").toList());
        relatedId = publish("上海开展社会面清零攻坚九大行动", "zcjh/jishixinwen", "<p>九大行动全面展开。</p>",
                List.of("行动"), "2022-04-22T10:00:00+08:00").id();
        seedId = articles.create(new ArticleDraft(SEED_TITLE, null, null, body, "zcjh/jishixinwen",
                "澎湃特约评论员 方圆", "澎湃新闻", "https://www.thepaper.cn/", "刘欢", List.of("行动", "九大", "清零"),
                RightsType.AUTHORIZED, OffsetDateTime.parse("2022-04-23T06:07:12+08:00").toInstant(),
                ArticleStatus.PUBLISHED, null, true, false, true), "admin").id();
        for (int i = 1; i <= LOCAL_ARTICLES; i++) {
            publish("本地新闻第" + i + "篇：社区便民服务点开放", "bendi", "<p>第" + i + "个社区便民服务点今天开放。</p>",
                    List.of("便民"), "2022-05-%02dT09:00:00+08:00".formatted(i));
        }
        draftId = articles.create(new ArticleDraft("尚未发布的草稿", null, null, "<p>草稿正文</p>", "bendi", null,
                null, null, null, List.of(), RightsType.ORIGINAL, null, ArticleStatus.DRAFT, null, false, false,
                true), "admin").id();
        withdrawnId = publish("已撤下的文章", "bendi", "<p>撤下</p>", List.of(), "2022-05-30T09:00:00+08:00").id();
        articles.unpublish(withdrawnId, "admin");
        scriptId = publish("正文带脚本的文章", "bendi", "<p>安全测试</p><script>alert(1)</script>", List.of(),
                "2022-05-31T09:00:00+08:00").id();
    }

    private ArticleDetail publish(String title, String channel, String body, List<String> tags, String at) {
        return articles.create(new ArticleDraft(title, null, null, body, channel, "本网记者", null, null, "王编辑",
                tags, RightsType.ORIGINAL, OffsetDateTime.parse(at).toInstant(), ArticleStatus.PUBLISHED, null,
                false, false, true), "admin");
    }

    @Test
    void seedArticleShowsEveryPartOfTheSeedPageInOrder() throws Exception {
        String url = "/zcjh/jishixinwen/" + seedId + ".html";
        HttpResponse<String> page = get(url);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("text/html"));
        String html = page.body();
        assertThat(html).contains("<html lang=\"zh-CN\">")
                .contains("<title>" + SEED_TITLE + " - 大院网</title>")
                .contains("<link rel=\"canonical\" href=\"" + base() + url + "\">")
                .contains("<meta name=\"description\" content=\"")
                .contains("<meta property=\"og:title\" content=\"" + SEED_TITLE + "\">")
                .contains("\"@type\":\"NewsArticle\"")
                .contains("\"datePublished\":\"2022-04-23T06:07:12+08:00\"")
                .contains("\"mainEntityOfPage\":{\"@type\":\"WebPage\",\"@id\":\"" + base() + url + "\"}");

        List<String> inOrder = new ArrayList<>(List.of(
                "<body>", "大院网-山西大院资讯网", "时政聚焦", "data-views", SEED_TITLE,
                "网络编辑", "href=\"/zcjh/jishixinwen/\">国内</a>", "2022-04-23 06:07:12", "class=\"comment-count\"",
                tagLink("行动"), tagLink("九大"), tagLink("清零")));
        inOrder.addAll(seedParagraphs);
        inOrder.addAll(List.of(
                "澎湃特约评论员 方圆", "href=\"https://www.thepaper.cn/\"", "澎湃新闻", "【编辑:刘欢】",
                "action=\"/counter/" + seedId + "/like\"", "顶", "data-likes",
                "版权声明", "本文仅代表作者观点，不代表本站立场。", "本文系作者授权发表，未经许可，不得转载。",
                "本文地址:" + base() + url,
                "相关阅读", "上海开展社会面清零攻坚九大行动",
                "留言与评论(共有 0 条评论)", "action=\"/comment/" + seedId + "\"", "验证码", "src=\"/captcha.png\"", "发表评论",
                "关于山西大院新闻网", "山西大院是公共的资讯平台",
                "<footer", "href=\"/about.html\"", "href=\"/copyright.html\"", "href=\"/jubao/\"",
                "山西大院资讯网", "Copyright ©山西大院新闻网",
                "互联网新闻信息服务许可证：14120170003",
                "href=\"https://beian.miit.gov.cn/\"", "晋ICP备12345678号-1",
                "href=\"https://beian.mps.gov.cn/#/query/webSearch?code=14010502000123\"", "晋公网安备 14010502000123号",
                "举报电话：0351-12345678", "mailto:jubao@example.cn", "违法和不良信息举报",
                "href=\"https://www.12377.cn/\"", "中央网信办违法和不良信息举报中心",
                "copyright protection: All articles", "版权声明：本站所有文章",
                "mailto:webmaster@example.cn", "</footer>"));
        assertInOrder(html, inOrder);
    }

    @Test
    void articleBodyScriptsNeverReachThePage() throws Exception {
        String html = get("/bendi/" + scriptId + ".html").body();
        assertThat(html).contains("安全测试").doesNotContain("<script>alert").doesNotContain("alert(1)");
    }

    @Test
    void articleUnderAnotherChannelPathRedirectsToItsAddress() throws Exception {
        String canonical = "/zcjh/jishixinwen/" + seedId + ".html";
        for (String wrong : List.of("/bendi/" + seedId + ".html", "/zcjh/" + seedId + ".html")) {
            HttpResponse<String> response = get(wrong);
            assertThat(response.statusCode()).as(wrong).isEqualTo(301);
            assertThat(response.headers().firstValue("Location")).as(wrong)
                    .hasValueSatisfying(location -> assertThat(location).endsWith(canonical));
        }
    }

    @Test
    void unpublishedUnknownAndMalformedArticlesAreNotFound() throws Exception {
        for (String path : List.of("/bendi/" + draftId + ".html", "/bendi/" + withdrawnId + ".html",
                "/bendi/999999.html", "/bendi/abc.html", "/bendi/99999999999999999999.html")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).contains("页面不存在");
        }
    }

    @Test
    void channelPagesArePaginatedTwentyAtATime() throws Exception {
        HttpResponse<String> first = get("/bendi/");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("<title>本地新闻 - 大院网</title>")
                .contains("<link rel=\"canonical\" href=\"" + base() + "/bendi/\">");
        assertThat(main(first.body()))
                .contains("本地新闻第21篇").contains("href=\"/bendi/index_2.html\"")
                .doesNotContain("尚未发布的草稿").doesNotContain("已撤下的文章");

        HttpResponse<String> second = get("/bendi/index_2.html");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(main(second.body())).contains("本地新闻第1篇").doesNotContain("本地新闻第21篇");

        assertThat(get("/bendi/index_99.html").statusCode()).isEqualTo(404);
        assertThat(get("/bendi/index_0.html").statusCode()).isEqualTo(404);
        assertRedirect("/bendi/index_1.html", "/bendi/");
        assertRedirect("/bendi", "/bendi/");
    }

    @Test
    void parentChannelListsItsSubChannelsArticles() throws Exception {
        HttpResponse<String> parent = get("/zcjh/");
        assertThat(parent.statusCode()).isEqualTo(200);
        assertThat(parent.body()).contains(SEED_TITLE).contains("href=\"/zcjh/jishixinwen/\"");
        HttpResponse<String> child = get("/zcjh/jishixinwen/");
        assertThat(child.statusCode()).isEqualTo(200);
        assertThat(child.body()).contains("当前位置").contains(">时政聚焦</a>").contains(SEED_TITLE);
    }

    @Test
    void unknownAddressesGetTheChinese404Page() throws Exception {
        for (String path : List.of("/no-such-channel/", "/nope.php", "/zcjh/jishixinwen/nope/", tagLink("没有这个词"),
                "/assets/none.css")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).as(path)
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(response.body()).as(path)
                    .contains("<html lang=\"zh-CN\">").contains("页面不存在").contains("返回首页")
                    .contains("href=\"/zcjh/\"")
                    .doesNotContain("Exception").doesNotContain("at cn.dayuan").doesNotContain("Whitelabel");
        }
    }

    @Test
    void apiErrorsAreProblemDetails() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/nope"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "admin:portal-test-pw".getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("title").asString()).isEqualTo("Not Found");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/nope");
        assertThat(problem.has("type")).isTrue();
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    @Test
    void tagPagesListTheirArticles() throws Exception {
        HttpResponse<String> page = get(tagLink("行动"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("关键词：行动").contains(SEED_TITLE).contains("上海开展社会面清零攻坚九大行动");
        assertThat(get(tagLink("便民")).body()).contains("href=\"" + tagLink("便民") + "index_2.html\"");
        assertThat(get(tagLink("便民") + "index_2.html").statusCode()).isEqualTo(200);
        assertRedirect(tagLink("便民") + "index_1.html", tagLink("便民"));
        assertThat(get(tagLink("便民") + "index_9.html").statusCode()).isEqualTo(404);
    }

    @Test
    void feedsAreRssThatRomeReads() throws Exception {
        String articleUrl = base() + "/zcjh/jishixinwen/" + seedId + ".html";
        HttpResponse<String> site = get("/feed.xml");
        assertThat(site.statusCode()).isEqualTo(200);
        assertThat(site.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/rss+xml"));
        SyndFeed siteFeed = new SyndFeedInput().build(new StringReader(site.body()));
        assertThat(siteFeed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(siteFeed.getTitle()).isEqualTo("大院网-山西大院资讯网");
        assertThat(siteFeed.getEntries()).extracting(SyndEntry::getTitle).contains(SEED_TITLE)
                .doesNotContain("尚未发布的草稿");

        SyndFeed channelFeed = new SyndFeedInput().build(new StringReader(get("/zcjh/feed.xml").body()));
        assertThat(channelFeed.getTitle()).isEqualTo("时政聚焦 - 大院网");
        assertThat(channelFeed.getEntries()).extracting(SyndEntry::getLink).contains(articleUrl);
        assertThat(channelFeed.getEntries()).extracting(SyndEntry::getTitle)
                .noneMatch(title -> title.startsWith("本地新闻"));
    }

    @Test
    void sitemapAndRobotsPointSearchEnginesAtPublicPages() throws Exception {
        HttpResponse<String> sitemap = get("/sitemap.xml");
        assertThat(sitemap.statusCode()).isEqualTo(200);
        assertThat(sitemap.body()).contains("<loc>" + base() + "/zcjh/jishixinwen/" + seedId + ".html</loc>")
                .contains("<loc>" + base() + "/bendi/</loc>")
                .doesNotContain("/" + draftId + ".html");
        String robots = get("/robots.txt").body();
        assertThat(robots).contains("Disallow: /admin/").contains("Disallow: /api/")
                .contains("Sitemap: " + base() + "/sitemap.xml");
    }

    @Test
    void countersCountAndAReaderLikesOnceADay() throws Exception {
        String counter = "/counter/" + relatedId;
        HttpResponse<String> view = post(counter + "/view", "application/json");
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(json.readTree(view.body()).get("views").asLong()).isEqualTo(1);
        assertThat(json.readTree(post(counter + "/view", "application/json").body()).get("views").asLong())
                .as("a reader behind the same address counts too").isEqualTo(2);
        for (int i = 0; i < 3 * ViewCounting.VIEWS_PER_ADDRESS; i++) {
            post(counter + "/view", "application/json");
        }
        assertThat(json.readTree(post(counter + "/view", "application/json").body()).get("views").asLong())
                .as("a flood from one address adds its few views only").isEqualTo(ViewCounting.VIEWS_PER_ADDRESS);

        HttpResponse<String> like = post(counter + "/like", "application/json");
        assertThat(like.statusCode()).isEqualTo(200);
        assertThat(json.readTree(like.body()).get("likes").asLong()).isEqualTo(1);

        HttpResponse<String> formLike = post(counter + "/like", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(formLike.statusCode()).isEqualTo(303);
        assertThat(formLike.headers().firstValue("Location"))
                .hasValue("/zcjh/jishixinwen/" + relatedId + ".html#like");
        assertThat(articles.counts(relatedId).likes()).as("one like per reader and article a day").isEqualTo(1);

        assertThat(post("/counter/" + draftId + "/like", "application/json").statusCode()).isEqualTo(404);

        HttpResponse<String> limited = null;
        for (int i = 0; i < 2 * ReaderLikes.LIKES_PER_MINUTE && limited == null; i++) {
            HttpResponse<String> response = post(counter + "/like", "text/html");
            if (response.statusCode() == 429) {
                limited = response;
            }
        }
        assertThat(limited).as("likes beyond the limit are refused").isNotNull();
        assertThat(limited.body()).contains("点赞太频繁");
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void siteAndNavigationPagesExist() throws Exception {
        HttpResponse<String> home = get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("<title>大院网-山西大院资讯网</title>")
                .contains("<link rel=\"canonical\" href=\"" + base() + "/\">")
                .contains(SEED_TITLE).contains("最新资讯").contains("阅读排行").contains("便民服务导航")
                .contains("山西政务服务网").contains("href=\"/zcjh/\"").contains("href=\"/zcjh/jishixinwen/\"")
                .contains("关于山西大院新闻网");

        String nav = get("/nav/").body();
        assertThat(nav).contains("<title>便民服务导航 - 大院网</title>")
                .contains("<a href=\"https://www.shanxi.gov.cn/\" target=\"_blank\" rel=\"noopener\">山西政务服务网</a>")
                .contains("在线办理政务服务事项");

        String about = get("/about.html").body();
        assertThat(about).contains("关于大院网").contains("山西大院是公共的资讯平台");

        String copyright = get("/copyright.html").body();
        assertThat(copyright).contains("本文为本站原创，转载请注明出处。").contains("本文系作者授权发表，未经许可，不得转载。")
                .contains("本文转载自来源媒体").contains("侵权处理").contains("mailto:webmaster@example.cn");
    }

    @Test
    void channelCreatedWhileReadersBrowseAppearsInTheMenu() throws Exception {
        transactions.executeWithoutResult(status -> {
            channels.create("体育", "tiyu", null, null, null);
            try {
                // A reader loads a page before the newsroom's transaction commits.
                assertThat(get("/").body()).doesNotContain("href=\"/tiyu/\"");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(get("/").body()).contains("href=\"/tiyu/\">体育</a>");
        assertThat(get("/tiyu/").statusCode()).isEqualTo(200);
    }

    @Test
    void publicPagesSetNoCookies() throws Exception {
        for (String path : List.of("/", "/zcjh/", "/zcjh/jishixinwen/" + seedId + ".html", tagLink("行动"),
                "/nav/", "/about.html", "/copyright.html", "/feed.xml", "/no-such-page/")) {
            HttpResponse<String> response = get(path);
            assertThat(response.headers().allValues("Set-Cookie")).as(path).isEmpty();
            assertThat(response.body()).as(path).doesNotContain("_csrf");
        }
    }

    private static String tagLink(String name) {
        return "/tag/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "/";
    }

    /** The page's own content, without the menu and the sidebar's lists. */
    private static String main(String html) {
        return html.substring(html.indexOf("<main"), html.indexOf("</main>"));
    }

    private static void assertInOrder(String html, List<String> parts) {
        int from = 0;
        for (String part : parts) {
            int at = html.indexOf(part, from);
            assertThat(at).as("「%s」 after position %d", part, from).isGreaterThanOrEqualTo(0);
            from = at + part.length();
        }
    }

    private void assertRedirect(String path, String target) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).as(path)
                .hasValueSatisfying(location -> assertThat(location).endsWith(target));
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /**
     * Many readers at once on pages nobody has read yet (a query string makes each one render): every page renders,
     * none waits for a database connection another render holds.
     */
    @Test
    void manyReadersAtOnceAllGetTheirPage() throws Exception {
        String article = "/zcjh/jishixinwen/" + seedId + ".html";
        List<String> pages = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            pages.add((i % 3 == 0 ? "/bendi/" : i % 3 == 1 ? "/" : article) + "?reader=" + i);
        }
        ExecutorService readers = Executors.newFixedThreadPool(pages.size());
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (String page : pages) {
                answers.add(readers.submit(() -> http.send(HttpRequest.newBuilder(URI.create(base() + page))
                        .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString())));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(25, TimeUnit.SECONDS);
                assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(200);
                assertThat(response.body()).contains("</html>");
            }
        } finally {
            readers.shutdownNow();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
