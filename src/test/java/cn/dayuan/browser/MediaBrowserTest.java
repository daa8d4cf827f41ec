package cn.dayuan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

import cn.dayuan.channel.ChannelService;
import cn.dayuan.media.TestPictures;

/**
 * Pictures as an editor handles them, in Chromium: one dropped into the article editor goes to the media library and
 * into the body, gets its alt text with a double click; a cover is uploaded with its button; the published page
 * offers every size of the picture, and the media library lists both.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dayuan.data-dir=" + MediaBrowserTest.DATA_DIR, "dayuan.admin-password=" + MediaBrowserTest.PASSWORD})
class MediaBrowserTest {

    static final String DATA_DIR = "target/test-data/MediaBrowserTest";
    static final String PASSWORD = "media-admin-pw";

    static {
        FileSystemUtils.deleteRecursively(Path.of(DATA_DIR).toFile());
    }

    @LocalServerPort
    int port;
    @Autowired
    ChannelService channels;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startChromium() throws IOException {
        browser = Chromium.start(true);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aPictureDroppedIntoTheEditorIsPublishedWithItsSizesAndAltText() throws Exception {
        channels.create("图片新闻", "tupian", null, null, null);
        signIn();
        open("/admin/articles/new");
        browser.findElement(By.id("title")).sendKeys("晋阳湖畔迎来越冬候鸟");
        new Select(browser.findElement(By.id("channel"))).selectByValue("tupian");
        WebElement editor = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ql-editor")));
        editor.click();
        editor.sendKeys("数千只候鸟飞抵晋阳湖，在湖面上觅食嬉戏。");

        String photo = Base64.getEncoder().encodeToString(TestPictures.jpeg(2400, 1600));
        // dropped at the end of the typed line, where a mouse would let it go
        ((JavascriptExecutor) browser).executeScript("""
                const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));
                const transfer = new DataTransfer();
                transfer.items.add(new File([bytes], '候鸟.jpg', { type: 'image/jpeg' }));
                const line = document.querySelector('.ql-editor p').getBoundingClientRect();
                document.querySelector('.ql-editor').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer,
                    bubbles: true, cancelable: true, clientX: line.right - 2, clientY: line.top + line.height / 2 }));
                """, photo);
        WebElement picture = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".ql-editor img[src^='/media/']")));
        assertThat(picture.getAttribute("src")).matches(".*/media/\\d{4}/\\d{2}/[0-9a-f]{24}-1600\\.jpg");
        assertThat(browser.findElement(By.cssSelector(".upload-status")).getText()).contains("图片已上传");

        new Actions(browser).doubleClick(picture).perform();
        Alert prompt = wait.until(ExpectedConditions.alertIsPresent());
        prompt.sendKeys("湖面上成群的候鸟");
        prompt.accept();
        assertThat(picture.getAttribute("alt")).isEqualTo("湖面上成群的候鸟");

        Path cover = Files.createTempFile("cover", ".png");
        Files.write(cover, TestPictures.png(1200, 800));
        browser.findElement(By.id("coverFile")).sendKeys(cover.toAbsolutePath().toString());
        wait.until(ExpectedConditions.attributeContains(By.id("coverImage"), "value", "-800.png"));
        Chromium.screenshot(browser, "media-editor");
        // the editor, its toolbar, drop and upload ran under the newsroom's policy (scripts and styles from the site)
        assertThat(Chromium.policyViolations(browser)).as("Content-Security-Policy violations in the editor").isEmpty();
        assertThat(browser.findElements(By.cssSelector(".ql-editor img"))).as("one picture, dropped once").hasSize(1);

        browser.findElement(By.cssSelector("button[name=action][value=publish]")).click();
        wait.until(ExpectedConditions.urlMatches(".*/admin/articles/\\d+/edit$"));
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/articles/(\\d+)/edit$", "$1"));

        open("/tupian/" + id + ".html");
        WebElement shown = browser.findElement(By.cssSelector(".article-body img"));
        assertThat(shown.getAttribute("alt")).isEqualTo("湖面上成群的候鸟");
        assertThat(shown.getAttribute("srcset")).contains("-320.jpg 320w", "-800.jpg 800w", "-1600.jpg 1600w");
        assertThat(status(shown.getAttribute("currentSrc"))).isEqualTo(200);
        // Chromium takes the smaller WebP copy the page offers first
        assertThat(shown.getAttribute("currentSrc")).endsWith(".webp");
        assertThat(browser.findElement(By.cssSelector(".article-body picture source[type='image/webp']"))
                .getAttribute("srcset")).contains("-320.webp 320w", "-800.webp 800w", "-1600.webp 1600w");
        Chromium.screenshot(browser, "media-article");

        open("/admin/media");
        assertThat(browser.findElements(By.cssSelector(".media-grid li"))).hasSize(2);
        assertThat(browser.findElement(By.cssSelector(".media-grid")).getText()).contains("候鸟.jpg");
        Chromium.screenshot(browser, "media-library");
    }

    private void signIn() {
        open("/admin/login");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form.login-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "概览"));
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private static int status(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
