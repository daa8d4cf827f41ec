package cn.dayuan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

import cn.dayuan.article.ArticleDetail;
import cn.dayuan.article.ArticleDraft;
import cn.dayuan.article.ArticleHtml;
import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleStatus;
import cn.dayuan.article.RightsType;
import cn.dayuan.channel.ChannelService;
import cn.dayuan.directory.DirectoryService;

/**
 * A newsroom round trip in Debian's Chromium: sign in, write an article in the rich-text editor, publish it and
 * read it on the public site.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dayuan.data-dir=" + NewsroomBrowserTest.DATA_DIR, "dayuan.admin-password=" + NewsroomBrowserTest.PASSWORD})
class NewsroomBrowserTest {

    static final String DATA_DIR = "target/test-data/NewsroomBrowserTest";
    static final String PASSWORD = "browser-admin-pw";
    private static final String TITLE = "振奋精神一鼓作气，抓实抓细集中攻坚";
    private static final String BODY = "各地各部门振奋精神、一鼓作气，抓实抓细集中攻坚，推动疫情防控形势持续向好。";
    private static final String IME_WORD = "重视";
    private static final String LIST_ITEM = "Dayuan news portal 大院";

    static {
        FileSystemUtils.deleteRecursively(Path.of(DATA_DIR).toFile());
    }

    @LocalServerPort
    int port;
    @Autowired
    ChannelService channels;
    @Autowired
    ArticleService articles;
    @Autowired
    DirectoryService directory;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startChromium() throws IOException {
        browser = Chromium.start(true);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void adminWritesPublishesAndReadsAnArticle() throws IOException {
        if (channels.tree().byPath("zcjh/jishixinwen").isEmpty()) {
            channels.create("时政聚焦", "zcjh", null, null, null);
            channels.create("国内", "jishixinwen", "zcjh", null, null);
        }

        open("/admin");
        wait.until(ExpectedConditions.urlContains("/admin/login"));
        screenshot("newsroom-login");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "概览"));
        screenshot("newsroom-dashboard");

        open("/admin/articles/new");
        browser.findElement(By.id("title")).sendKeys(TITLE);
        // the plain textarea has become a Quill editor
        WebElement editor = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ql-editor")));
        editor.click();
        editor.sendKeys(BODY);
        assertThat(((JavascriptExecutor) browser).executeScript("return Quill.version")).asString()
                .as("the editor is Quill 2").startsWith("2.");
        // a word through a Chinese input method: pinyin composed in the editor, then the chosen characters committed
        ChromeDriver chrome = (ChromeDriver) browser;
        for (String pinyin : List.of("z", "zhong", "zhongshi")) {
            chrome.executeCdpCommand("Input.imeSetComposition",
                    Map.of("text", pinyin, "selectionStart", pinyin.length(), "selectionEnd", pinyin.length()));
        }
        chrome.executeCdpCommand("Input.insertText", Map.of("text", IME_WORD));
        // a list from the toolbar, and words with spaces between them
        editor.sendKeys(Keys.ENTER);
        browser.findElement(By.cssSelector(".ql-toolbar button.ql-list[value=bullet]")).click();
        editor.sendKeys(LIST_ITEM);
        new Select(browser.findElement(By.id("channel"))).selectByValue("zcjh/jishixinwen");
        browser.findElement(By.id("author")).sendKeys("澎湃特约评论员 方圆");
        browser.findElement(By.id("editor")).sendKeys("刘欢");

        browser.findElement(By.cssSelector("button[value=suggest]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("suggest-status"), "候选关键词"));
        // Suggestions are offered, not taken: the field fills only with what the editor clicks.
        assertThat(browser.findElement(By.id("tags")).getAttribute("value")).isBlank();
        WebElement suggestion = browser.findElement(By.cssSelector("[data-add-tag]"));
        String picked = suggestion.getAttribute("data-add-tag");
        suggestion.click();
        assertThat(browser.findElement(By.id("tags")).getAttribute("value")).isEqualTo(picked);
        assertThat(suggestion.isEnabled()).isFalse();
        assertThat(browser.findElement(By.id("summary")).getAttribute("value")).contains("振奋精神");
        screenshot("newsroom-article-form");

        browser.findElement(By.cssSelector("button[name=action][value=publish]")).click();
        WebElement publicLink = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".public-url")));
        screenshot("newsroom-published");
        String href = publicLink.getAttribute("href");
        assertThat(href).matches("http://localhost:" + port + "/zcjh/jishixinwen/\\d+\\.html");
        long id = Long.parseLong(href.replaceAll(".*/(\\d+)\\.html$", "$1"));
        ArticleDetail stored = articles.findPublic(id).orElseThrow(() -> new AssertionError("article is not public"));
        assertThat(stored.title()).isEqualTo(TITLE);
        assertThat(ArticleHtml.text(stored.body())).contains(BODY + IME_WORD).doesNotContain("zhong");
        // stored as plain HTML: a real bullet list, and spaces that let a line break between words
        assertThat(stored.body()).contains("<ul><li>" + LIST_ITEM + "</li></ul>").doesNotContain("&nbsp;", "\u00a0");
        assertThat(Chromium.policyViolations(browser)).as("Content-Security-Policy violations").isEmpty();

        for (Map.Entry<String, String> page : Map.of(
                "/admin/articles", "文章管理", "/admin/channels", "栏目", "/admin/directory", "便民导航",
                "/admin/settings", "网站设置", "/admin/accounts", "账号管理", "/admin/profile", "个人设置").entrySet()) {
            open(page.getKey());
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(page.getValue());
            screenshot("newsroom-" + page.getKey().substring("/admin/".length()));
        }

        // The keyword pages fit a phone and a laptop without a horizontal scroll bar.
        for (int width : new int[] {1366, 390}) {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
            open("/admin/tags");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("关键词");
            assertFitsTheWindow("/admin/tags", width);
            screenshot("newsroom-tags-" + width);
            browser.findElement(By.linkText(picked)).click();
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("关键词：" + picked);
            assertFitsTheWindow("/admin/tags/…/edit", width);
            screenshot("newsroom-tag-edit-" + width);
        }
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1600));

        // the public article page is the portal's; the newsroom's link must lead to it
        browser.get(href);
        screenshot("newsroom-public-article");
        assertThat(browser.findElements(By.tagName("h1")))
                .as("the public page at %s (rendered by the portal) has an <h1>", href).isNotEmpty();
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .as("the public page at %s shows the article title in its <h1>", href).contains(TITLE);
        assertThat(browser.findElement(By.tagName("body")).getText()).contains(BODY);

        // the watch for policy violations that the editor pages pass does see one: a style attribute is refused
        ((JavascriptExecutor) browser).executeScript(
                "document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">违规样式</p>')");
        wait.until(d -> !Chromium.policyViolations(d).isEmpty());
        assertThat(Chromium.policyViolations(browser)).anyMatch(violation -> violation.startsWith("style-src"));
    }

    private void assertFitsTheWindow(String page, int width) {
        Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).longValue()).as("%s scrolls sideways at %d px", page, width)
                .isLessThanOrEqualTo(0);
    }

    /**
     * The channel and navigation tables keep their 编辑/删除 column on screen on a 1366 px laptop, and no newsroom
     * page makes a 390 px phone scroll sideways (a wide table scrolls inside its card there).
     */
    @Test
    void tablesKeepTheirActionsOnALaptopAndNoPageOverflowsAPhone() throws IOException {
        if (channels.tree().byPath("shehuiminsheng").isEmpty()) {
            channels.create("社会民生", "shehuiminsheng", null, "关注就业、教育、医疗、养老、住房等与群众生活息息相关的民生新闻和服务信息",
                    null);
            channels.create("教育资讯与招生考试信息发布", "jiaoyuzixunyuzhaoshengkaoshixinxifabu", "shehuiminsheng",
                    "全市中小学招生入学政策、中考高考安排、职业教育和继续教育的权威发布", null, true);
            long category = directory.createCategory("政务服务平台", "国家和省市政务服务平台", null).id();
            directory.createLink(category, "全国一体化在线政务服务平台",
                    "https://gjzwfw.www.gov.cn/col/col640/index.html?from=dayuan-newsroom-layout-check",
                    "国务院办公厅主办的全国政务服务总门户，可办理跨省通办事项", null);
            directory.createLink(category, "山西政务服务网", "https://www.shanxi.gov.cn/zwfw/", "全省政务服务事项网上办理", null);
            articles.create(new ArticleDraft("关于进一步做好2026年普通高等学校招生考试和录取工作期间考生服务保障的通知",
                    null, null, "<p>" + BODY + "</p>", "shehuiminsheng/jiaoyuzixunyuzhaoshengkaoshixinxifabu", "网络编辑",
                    null, null, null, List.of("招生考试"), RightsType.ORIGINAL, Instant.now().minusSeconds(60),
                    ArticleStatus.PUBLISHED, null, false, false, true), "admin");
        }
        open("/admin");
        if (browser.getCurrentUrl().contains("/admin/login")) {
            browser.findElement(By.id("username")).sendKeys("admin");
            browser.findElement(By.id("password")).sendKeys(PASSWORD);
            browser.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "概览"));
        }

        browser.manage().window().setSize(new Dimension(1366, 768));
        for (String page : List.of("/admin/channels", "/admin/directory")) {
            open(page);
            screenshot("layout-1366" + page.replace('/', '-'));
            assertThat(overflowingTables()).as("%s at 1366 px: tables whose columns run past their card", page)
                    .isEmpty();
            for (WebElement delete : browser.findElements(By.cssSelector("td.row-actions .danger-link"))) {
                assertThat(onScreen(delete)).as("%s at 1366 px: %s", page, delete.getText()).isTrue();
            }
        }

        browser.manage().window().setSize(new Dimension(390, 1400));
        for (String page : List.of("/admin", "/admin/directory", "/admin/channels", "/admin/articles")) {
            open(page);
            screenshot("layout-390" + page.replace('/', '-'));
            Number overflow = (Number) ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow.intValue()).as("%s at 390 px: pixels the page runs past the screen", page)
                    .isLessThanOrEqualTo(0);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object> overflowingTables() {
        return (List<Object>) ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('.table-card')]"
                        + ".filter(card => card.scrollWidth > card.clientWidth + 1)"
                        + ".map(card => card.querySelector('h2, th') ? card.querySelector('h2, th').textContent : '')");
    }

    private boolean onScreen(WebElement element) {
        return (Boolean) ((JavascriptExecutor) browser).executeScript(
                "const r = arguments[0].getBoundingClientRect();"
                        + "const card = arguments[0].closest('.table-card').getBoundingClientRect();"
                        + "return r.width > 0 && r.left >= card.left && r.right <= card.right"
                        + " && r.right <= document.documentElement.clientWidth;", element);
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void screenshot(String name) throws IOException {
        Chromium.screenshot(browser, name);
    }
}
