package cn.dayuan.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's Chromium under chromedriver, headless; the test is skipped where it is missing, except on CI. */
final class Chromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    private Chromium() {
    }

    /** @param javascript false to browse as a reader whose browser runs no scripts */
    static WebDriver start(boolean javascript) throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            String missing = "Chromium (" + CHROMIUM + ") or chromedriver (" + CHROMEDRIVER + ") is not installed: "
                    + "apt-get install -y chromium chromium-driver fonts-noto-cjk";
            if ("true".equals(System.getenv("CI"))) {
                fail(missing + " — the browser tests may not be skipped on CI");
            }
            Assumptions.abort(missing + " — skipping the browser test");
        }
        // Selenium's own driver download cannot work here, so both paths are given explicitly
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1600", "--lang=zh-CN");
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        Files.createDirectories(SCREENSHOTS);
        ChromeDriver browser = new ChromeDriver(service, options);
        // every page the browser opens notes what its Content-Security-Policy refused, before any of its scripts run
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.<String, Object>of("source", """
                window.__policyViolations = [];
                document.addEventListener('securitypolicyviolation', function (e) {
                  window.__policyViolations.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' '
                      + (e.sourceFile || '') + ':' + (e.lineNumber || ''));
                });
                """));
        return browser;
    }

    /** What the Content-Security-Policy of the page open now has refused so far (directive, what, where). */
    @SuppressWarnings("unchecked")
    static List<String> policyViolations(WebDriver browser) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("return window.__policyViolations || [];");
    }

    static void screenshot(WebDriver browser, String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
