package cn.dayuan.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

import cn.dayuan.site.SiteService;
import cn.dayuan.site.SiteSettings;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.Texts;

/**
 * The footer and the about page as a reader sees them after the newsroom changed the settings: the licence and
 * filing numbers with their links, the 举报 contacts, and nothing at all for a field left empty.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dayuan.data-dir=target/test-data/FooterTest", "dayuan.admin-password=footer-test-pw"})
class FooterTest {

    static {
        FileSystemUtils.deleteRecursively(Path.of("target/test-data/FooterTest").toFile());
    }

    static final Map<String, String> EVERY_FIELD = Map.of(
            "newsLicence", "14120170003",
            "icpNumber", "晋ICP备12345678号-1",
            "policeFiling", "晋公网安备 14010502000123号",
            "reportPhone", "0351-12377000",
            "reportEmail", "jubao@example.cn",
            "reportCentreName", "中央网信办违法和不良信息举报中心",
            "reportCentreUrl", "https://www.12377.cn/");

    final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    SiteService site;

    @Autowired
    Texts texts;

    @AfterEach
    void restoreTheDefaults() {
        site.update(SiteSettings.DEFAULTS);
    }

    @Test
    void everyFieldShowsWithItsLinkInTheFooterAndOnTheAboutPage() throws Exception {
        site.update(with(EVERY_FIELD));

        String footer = footer("/");
        assertThat(footer)
                .contains("互联网新闻信息服务许可证：14120170003")
                .contains("<a class=\"beian\" href=\"https://beian.miit.gov.cn/\" target=\"_blank\" rel=\"noopener\">"
                        + "晋ICP备12345678号-1</a>")
                .contains("<a class=\"police-filing\" href=\"https://beian.mps.gov.cn/#/query/webSearch?code=14010502000123\""
                        + " target=\"_blank\" rel=\"noopener\">晋公网安备 14010502000123号</a>")
                .contains("举报电话：0351-12377000")
                .contains("举报邮箱：<a href=\"mailto:jubao@example.cn\">jubao@example.cn</a>")
                .contains("<a class=\"report-page\" href=\"/jubao/\">违法和不良信息举报</a>")
                .contains("<a class=\"report-centre\" href=\"https://www.12377.cn/\" target=\"_blank\" rel=\"noopener\">"
                        + "中央网信办违法和不良信息举报中心</a>");

        String about = page("/about.html");
        assertThat(about).contains("<li>互联网新闻信息服务许可证：14120170003</li>")
                .contains("href=\"https://beian.mps.gov.cn/#/query/webSearch?code=14010502000123\"")
                .contains("<li>举报电话：0351-12377000</li>")
                .contains("<a href=\"mailto:jubao@example.cn\">jubao@example.cn</a>")
                .contains("<a href=\"https://www.12377.cn/\" target=\"_blank\" rel=\"noopener\">中央网信办违法和不良信息举报中心</a>");
    }

    @Test
    void emptyFieldsShowNothingNotEvenTheirLabels() throws Exception {
        Map<String, String> empty = new HashMap<>();
        for (String field : new String[] {"newsLicence", "icpNumber", "policeFiling", "reportPhone", "reportEmail",
                "reportCentreUrl", "copyright", "disclaimer", "disclaimerEn", "aboutServices"}) {
            empty.put(field, "");
        }
        site.update(with(empty));

        String footer = footer("/");
        assertThat(footer).doesNotContain("许可证", "beian.miit.gov.cn", "beian.mps.gov.cn", "举报电话", "举报邮箱",
                "12377", "举报中心", "copyright protection", "版权声明：", "class=\"disclaimer\"", "class=\"copyright\"",
                "class=\"licences\"");
        assertThat(footer).as("the site's own 举报 page is always linked")
                .contains("<a class=\"report-page\" href=\"/jubao/\">违法和不良信息举报</a>");

        String about = page("/about.html");
        assertThat(about).doesNotContain("我们提供什么", "许可与备案", "许可证", "举报电话", "举报邮箱", "12377")
                .contains("href=\"/jubao/\"");
        assertThat(page("/copyright.html")).doesNotContain("<p lang=\"en\">", "<p></p>");
    }

    @Test
    void theDisclaimerLabelsFollowTheSettingsAndGoWithTheirText() throws Exception {
        site.update(with(Map.of("disclaimerEnLabel", "Copyright notice:", "disclaimerLabel", "免责声明：")));
        assertThat(footer("/")).contains("<p class=\"disclaimer\" lang=\"en\">Copyright notice: All articles")
                .contains("<p class=\"disclaimer\">免责声明：本站所有文章")
                .doesNotContain("copyright protection", "版权声明：");

        site.update(with(Map.of("disclaimerEn", "")));
        assertThat(footer("/")).as("the English label goes with the English text")
                .doesNotContain("copyright protection", "lang=\"en\"")
                .contains("<p class=\"disclaimer\">版权声明：本站所有文章");

        site.update(with(Map.of("disclaimerEnLabel", "")));
        assertThat(footer("/")).contains("<p class=\"disclaimer\" lang=\"en\">All articles");
    }

    @Test
    void theAboutPageListsWhatTheSiteOffersFromTheSettings() throws Exception {
        site.update(with(Map.of("aboutServices", "  县域新闻：十一个县区的消息\n\n政务导航：一站直达  \n")));
        assertThat(page("/about.html")).contains("<h2>我们提供什么</h2>")
                .contains("<li>县域新闻：十一个县区的消息</li>")
                .contains("<li>政务导航：一站直达</li>")
                .doesNotContain("本地新闻与时政要闻");
    }

    @Test
    void hostileTextRendersAsText() throws Exception {
        String script = "<script>alert(1)</script>";
        site.update(with(Map.of("newsLicence", script, "policeFiling", script + "晋公网安备 14010502000123号",
                "reportCentreName", script, "disclaimerLabel", script, "disclaimerEnLabel", script,
                "aboutServices", script)));

        for (String path : new String[] {"/", "/about.html", "/copyright.html"}) {
            String html = page(path);
            assertThat(html).as(path).doesNotContain("<script>alert")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        }
        assertThat(footer("/")).as("the link uses the digits only")
                .contains("href=\"https://beian.mps.gov.cn/#/query/webSearch?code=114010502000123\"");
    }

    @Test
    void addressesAndNumbersThatCannotWorkAreRefusedNamingTheField() {
        refused("reportEmail", "jubao<script>@example.cn", "举报邮箱");
        refused("reportEmail", "not-an-address", "举报邮箱");
        refused("webmasterEmail", "web master@example.cn", "站长邮箱");
        refused("reportPhone", "<script>alert(1)</script>", "举报电话");
        refused("reportPhone", "请拨打热线", "举报电话");
        refused("reportCentreUrl", "javascript:alert(1)", "举报中心网址");
        refused("reportCentreUrl", "https://www.12377.cn/?a=\"><script>alert(1)</script>", "举报中心网址");
        refused("policeFiling", "晋公网安备号", "公安备案号");
        refused("newsLicence", "1".repeat(51), "互联网新闻信息服务许可证编号");
        refused("disclaimerEnLabel", "x".repeat(31), "英文免责声明的标签");
        refused("aboutServices", "项".repeat(2001), "我们提供什么");
        assertThat(site.settings()).isEqualTo(SiteSettings.DEFAULTS);
    }

    private void refused(String field, String value, String named) {
        assertThatThrownBy(() -> site.update(with(Map.of(field, value))))
                .as(field + " = " + value)
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(texts.of(e)).contains(named);
                });
    }

    /** The defaults with some fields changed, by their names in the API. */
    static SiteSettings with(Map<String, String> changes) throws ReflectiveOperationException {
        RecordComponent[] components = SiteSettings.class.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            values[i] = changes.containsKey(name) ? changes.get(name)
                    : components[i].getAccessor().invoke(SiteSettings.DEFAULTS);
        }
        assertThat(Arrays.stream(components).map(RecordComponent::getName).toList()).containsAll(changes.keySet());
        return SiteSettings.class.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                .toArray(Class<?>[]::new)).newInstance(values);
    }

    private String footer(String path) throws Exception {
        String html = page(path);
        return html.substring(html.indexOf("<footer"), html.indexOf("</footer>"));
    }

    private String page(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }
}
