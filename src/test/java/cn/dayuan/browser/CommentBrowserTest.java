package cn.dayuan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

import cn.dayuan.article.ArticleDetail;
import cn.dayuan.article.ArticleDraft;
import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleStatus;
import cn.dayuan.article.RightsType;
import cn.dayuan.captcha.KnownCaptchaCodes;
import cn.dayuan.channel.ChannelService;

/**
 * A reader comments in Chromium, with and without JavaScript; an editor approves each comment in the moderation
 * queue; the reader reloads the article and finds it, with the count line up by one.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dayuan.data-dir=" + CommentBrowserTest.DATA_DIR, "dayuan.admin-password=" + CommentBrowserTest.PASSWORD,
        "dayuan.captcha-min-solve-time=0s"})
class CommentBrowserTest {

    static final String DATA_DIR = "target/test-data/CommentBrowserTest";
    static final String PASSWORD = "comment-browser-pw";

    static {
        FileSystemUtils.deleteRecursively(Path.of(DATA_DIR).toFile());
    }

    @LocalServerPort
    int port;
    @Autowired
    ChannelService channels;
    @Autowired
    ArticleService articles;

    private WebDriver reader;
    private WebDriver editor;

    @AfterEach
    void stopChromium() {
        for (WebDriver browser : new WebDriver[] {reader, editor}) {
            if (browser != null) {
                browser.quit();
            }
        }
    }

    @Test
    void aReaderCommentsAnEditorApprovesAndTheReaderSeesIt() throws IOException {
        channels.create("本地新闻", "bendi", null, null, null);
        ArticleDetail article = articles.create(new ArticleDraft("市民热议老城区改造方案", null, null,
                "<p>老城区改造方案公布后，市民纷纷发表看法。</p>", "bendi", null, null, null, null, List.of(),
                RightsType.ORIGINAL, Instant.now().minusSeconds(60), ArticleStatus.PUBLISHED, null, false, false, true),
                "admin");

        // with JavaScript: the form posts in the page and says the comment waits for review
        reader = Chromium.start(true);
        WebDriverWait readerWait = new WebDriverWait(reader, Duration.ofSeconds(15));
        reader.get(url(article.url()));
        comment(reader, "老街坊", "希望改造时保留老街的梧桐树。");
        readerWait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-comment-message]"),
                "审核通过后显示"));
        Chromium.screenshot(reader, "comment-posted");

        editor = Chromium.start(true);
        signIn(editor);
        approve(editor, "希望改造时保留老街的梧桐树。");

        reader.navigate().refresh();
        assertThat(reader.findElement(By.cssSelector(".comment-list")).getText()).contains("希望改造时保留老街的梧桐树。")
                .contains("老街坊");
        assertThat(reader.findElement(By.cssSelector("#comments .box-title")).getText()).contains("共有 1 条评论");
        Chromium.screenshot(reader, "comment-approved");
        reader.quit();

        // without JavaScript: a plain form post that comes back to the article with a message
        reader = Chromium.start(false);
        reader.get(url(article.url()));
        comment(reader, "", "没有脚本也能留言，点赞。");
        new WebDriverWait(reader, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("comment=pending"));
        assertThat(reader.findElement(By.cssSelector(".comment-notice")).getText()).contains("审核通过后显示");
        Chromium.screenshot(reader, "comment-posted-without-javascript");

        approve(editor, "没有脚本也能留言，点赞。");
        reader.get(url(article.url()));
        assertThat(reader.findElement(By.cssSelector(".comment-list")).getText()).contains("没有脚本也能留言，点赞。")
                .contains("网友");
        assertThat(reader.findElement(By.cssSelector("#comments .box-title")).getText()).contains("共有 2 条评论");
    }

    private static void comment(WebDriver browser, String name, String text) {
        if (!name.isEmpty()) {
            browser.findElement(By.name("name")).sendKeys(name);
        }
        browser.findElement(By.name("content")).sendKeys(text);
        browser.findElement(By.name("captchaAnswer")).sendKeys(KnownCaptchaCodes.ANSWER);
        browser.findElement(By.cssSelector(".comment-form button[type=submit]")).click();
    }

    private void signIn(WebDriver browser) {
        browser.get(url("/admin/login"));
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "概览"));
    }

    private void approve(WebDriver browser, String text) throws IOException {
        browser.get(url("/admin/comments"));
        var row = browser.findElements(By.cssSelector(".comments-table tbody tr")).stream()
                .filter(r -> r.getText().contains(text)).findFirst().orElseThrow();
        Chromium.screenshot(browser, "comment-queue");
        row.findElement(By.cssSelector("button[value=APPROVE]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "已通过 1 条评论"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
