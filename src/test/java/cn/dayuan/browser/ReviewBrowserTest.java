package cn.dayuan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

import cn.dayuan.account.AccountService;
import cn.dayuan.account.Role;
import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleStatus;
import cn.dayuan.channel.ChannelService;

/**
 * 三审 as people do it, in Chromium: an author writes and submits; an editor rejects with a reason; the author reads
 * it, fixes and resubmits; two editors sign off the two levels of the channel and the article is live; the history
 * shows every step, an old revision comes back, and the audit log names each actor.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dayuan.data-dir=" + ReviewBrowserTest.DATA_DIR, "dayuan.admin-password=" + ReviewBrowserTest.PASSWORD})
class ReviewBrowserTest {

    static final String DATA_DIR = "target/test-data/ReviewBrowserTest";
    static final String PASSWORD = "review-admin-pw";
    private static final String STAFF_PASSWORD = "Newsroom-2026-pw";
    private static final String FIRST_TITLE = "区防汛指挥部部署汛后水毁设施修复";
    private static final String FIXED_TITLE = "区防汛指挥部12月1日部署汛后水毁设施修复";
    private static final String REASON = "标题缺少会议日期，请补充";

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
    AccountService accounts;

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
    void anArticleGoesThroughTwoLevelsOfReviewAfterARejection() throws Exception {
        long channel = channels.create("民生", "minsheng", null, null, null).getId();
        articles.setChannelReviewLevels(channel, 2, "admin");
        accounts.create("reporter", "记者小李", null, STAFF_PASSWORD, Role.AUTHOR);
        accounts.create("chushen", "编辑老王", null, STAFF_PASSWORD, Role.EDITOR);
        accounts.create("zhongshen", "主编老赵", null, STAFF_PASSWORD, Role.EDITOR);

        signIn("reporter");
        open("/admin/articles/new");
        browser.findElement(By.id("title")).sendKeys(FIRST_TITLE);
        WebElement editor = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ql-editor")));
        editor.click();
        editor.sendKeys("区防汛指挥部召开会议，部署汛后水毁道路、堤防和排水设施的修复工作。");
        new Select(browser.findElement(By.id("channel"))).selectByValue("minsheng");
        browser.findElement(By.cssSelector("button[name=action][value=submit]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/admin/articles/\\d+/edit$"));
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/articles/(\\d+)/edit$", "$1"));
        assertThat(articles.get(id).status()).isEqualTo(ArticleStatus.PENDING);

        signIn("chushen");
        open("/admin/reviews?level=1");
        assertThat(browser.findElement(By.cssSelector(".table")).getText()).contains(FIRST_TITLE);
        browser.findElement(By.id("reason-" + id)).sendKeys(REASON);
        screenshot("review-queue");
        browser.findElement(By.cssSelector("form.reject-form button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "退回作者修改"));

        signIn("reporter");
        open("/admin/articles/" + id + "/edit");
        assertThat(browser.findElement(By.cssSelector(".notice.fail")).getText()).contains(REASON);
        screenshot("review-rejected-author");
        WebElement title = browser.findElement(By.id("title"));
        title.clear();
        title.sendKeys(FIXED_TITLE);
        browser.findElement(By.cssSelector("button[name=action][value=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "提交审核"));

        signIn("chushen");
        open("/admin/reviews?level=1");
        browser.findElement(By.cssSelector("form[action='/admin/articles/" + id + "/approve'] button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "终审"));
        assertThat(status("/minsheng/" + id + ".html")).isEqualTo(404);

        signIn("zhongshen");
        open("/admin");
        assertThat(browser.findElement(By.cssSelector(".stats")).getText()).contains("待审稿件 · 第 2 级");
        open("/admin/articles/" + id + "/preview");
        wait.until(ExpectedConditions.urlContains("/preview/" + id + "?expires="));
        assertThat(browser.findElement(By.cssSelector(".preview-banner")).getText()).contains("尚未发布");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(FIXED_TITLE);
        screenshot("review-preview");
        open("/admin/reviews?level=2");
        screenshot("review-queue-second-level");
        browser.findElement(By.cssSelector("form[action='/admin/articles/" + id + "/approve'] button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "已发布"));
        assertThat(page("/minsheng/" + id + ".html")).contains(FIXED_TITLE).contains("主编老赵");
        assertThat(page("/minsheng/")).contains(FIXED_TITLE);
        assertThat(page("/")).contains(FIXED_TITLE);

        open("/admin/articles/" + id + "/history");
        String history = browser.findElement(By.tagName("main")).getText();
        assertThat(history).contains("第 1 级 送审", "第 1 级 退回修改——" + REASON, "第 1 级 审核通过",
                "第 2 级 审核通过", "编辑老王", "主编老赵");
        assertThat(browser.findElement(By.cssSelector(".diff-table")).getText()).contains("标题");
        screenshot("review-history");
        browser.findElement(By.cssSelector("button[form=restore-1]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "已恢复第 1 版"));
        assertThat(page("/minsheng/" + id + ".html")).contains(FIRST_TITLE).contains("主编老赵");

        signIn("admin", PASSWORD);
        open("/admin/audit?object=article:" + id);
        String audit = browser.findElement(By.cssSelector(".audit-table")).getText();
        assertThat(audit).contains("reporter", "article.create", "status：PENDING", "chushen", "article.reject", "article.approve",
                "zhongshen", "article.revision.restore");
        screenshot("audit-log");
    }

    private void signIn(String username) {
        signIn(username, STAFF_PASSWORD);
    }

    private void signIn(String username, String password) {
        browser.manage().deleteAllCookies();
        open("/admin/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "概览"));
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private int status(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String page(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private void screenshot(String name) throws IOException {
        Chromium.screenshot(browser, name);
    }
}
