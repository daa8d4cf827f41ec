package cn.dayuan.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import cn.dayuan.DayuanApplication;
import cn.dayuan.cluster.Browser;

/** Starting whole sites for the backup tests, and reading every public page of one as a reader gets it. */
final class Sites {

    static final String PASSWORD = "backup-admin-pw";
    /** Both sites of a comparison print the same absolute links. */
    static final String BASE_URL = "http://www.example.cn";
    private static final Pattern LOC = Pattern.compile("<loc>" + Pattern.quote(BASE_URL) + "([^<]+)</loc>");

    private Sites() {
    }

    /** The paths whose pages differ between two readings, with the first difference of each. */
    static List<String> differences(Map<String, String> expected, Map<String, String> actual) {
        List<String> differences = new ArrayList<>();
        for (String path : new java.util.TreeSet<>(expected.keySet())) {
            String a = expected.get(path);
            String b = actual.get(path);
            if (b == null) {
                differences.add(path + ": missing");
            } else if (!a.equals(b)) {
                int at = 0;
                while (at < Math.min(a.length(), b.length()) && a.charAt(at) == b.charAt(at)) {
                    at++;
                }
                int from = Math.max(0, at - 60);
                differences.add(path + ": …" + a.substring(from, Math.min(a.length(), at + 60)) + " ≠ …"
                        + b.substring(from, Math.min(b.length(), at + 60)));
            }
        }
        actual.keySet().stream().filter(path -> !expected.containsKey(path)).forEach(p -> differences.add(p + ": extra"));
        return differences;
    }

    static ConfigurableApplicationContext start(Path dataDir, String... arguments) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--dayuan.data-dir=" + dataDir,
                "--dayuan.admin-password=" + PASSWORD, "--dayuan.base-url=" + BASE_URL));
        args.addAll(List.of(arguments));
        return new SpringApplicationBuilder(DayuanApplication.class).run(args.toArray(String[]::new));
    }

    static String url(ConfigurableApplicationContext site, String path) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) site).getWebServer().getPort() + path;
    }

    static HttpResponse<String> api(ConfigurableApplicationContext site, String method, String path, String json) {
        return Browser.api(method, url(site, path), "admin", PASSWORD, json);
    }

    /** Every page the sitemap names, and the pages it does not (feeds, navigation, info pages), by path. */
    static Map<String, String> pages(ConfigurableApplicationContext site) {
        Browser reader = new Browser();
        Map<String, String> pages = new TreeMap<>();
        List<String> paths = new ArrayList<>(List.of("/", "/nav/", "/feed.xml", "/sitemap.xml", "/robots.txt",
                "/about.html", "/copyright.html"));
        Matcher loc = LOC.matcher(reader.get(url(site, "/sitemap.xml")).body());
        while (loc.find()) {
            paths.add(URI.create(BASE_URL + loc.group(1)).getPath());
        }
        for (String path : paths) {
            HttpResponse<String> page = reader.get(url(site, path));
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            pages.put(path, page.body());
        }
        return pages;
    }
}
