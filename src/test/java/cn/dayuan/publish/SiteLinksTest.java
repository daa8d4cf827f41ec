package cn.dayuan.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class SiteLinksTest {

    private static final Set<String> SITE = Set.of("www.example.cn");

    @Test
    void findsEveryOnSiteLinkOfAPageAndNothingElse() {
        String html = """
                <link rel="canonical" href="https://www.example.cn/zcjh/123.html">
                <link rel="stylesheet" href='/assets/site.css'>
                <script src="/webjars/htmx.org/2.0.10/dist/htmx.min.js"></script>
                <a href="index_2.html">下一页</a> <a href="../">上级栏目</a> <a href="/tag/行动/">行动</a>
                <a href="/zcjh/124.html#comments">评论</a> <a href="/search?q=%E8%A1%8C">搜索</a>
                <a href="https://www.gov.cn/">中国政府网</a> <a href="mailto:webmaster@example.cn">邮件</a>
                <a href="javascript:void(0)">分享</a> <img src="data:image/png;base64,AAAA">
                """;

        assertThat(SiteLinks.extract(utf8(html), "/zcjh/jsxw/", SITE)).containsExactlyInAnyOrder(
                "/zcjh/123.html", "/assets/site.css", "/webjars/htmx.org/2.0.10/dist/htmx.min.js",
                "/zcjh/jsxw/index_2.html", "/zcjh/", "/tag/%E8%A1%8C%E5%8A%A8/", "/zcjh/124.html");
    }

    @Test
    void readsSitemapsFeedsAndRobots() {
        String sitemap = "<urlset><url><loc>https://www.example.cn/zcjh/1.html</loc></url></urlset>";
        String feed = "<rss><channel><link>https://www.example.cn/</link></channel></rss>";
        String robots = "User-agent: *\nDisallow: /admin/\nSitemap: https://www.example.cn/sitemap.xml\n";

        assertThat(SiteLinks.extract(utf8(sitemap), "/sitemap.xml", SITE)).containsExactly("/zcjh/1.html");
        assertThat(SiteLinks.extract(utf8(feed), "/feed.xml", SITE)).containsExactly("/");
        assertThat(SiteLinks.extract(utf8(robots), "/robots.txt", SITE)).containsExactly("/sitemap.xml");
    }

    @Test
    void findsWhatTheRegularExpressionItReplacedFound() {
        // The scan replaced this expression for speed; on tricky and random texts both must find the same links.
        Pattern expression = Pattern.compile("\\b(?:href|src)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')"
                + "|<(?:loc|link)>\\s*([^<\\s]+)\\s*</(?:loc|link)>|^Sitemap:\\s*(\\S+)", Pattern.MULTILINE);
        List<String> pieces = List.of("href", "src", "data-src", "xhref", "=", " = ", "\"", "'", "\"/a.html\"",
                "'/b.html'", "<loc>", "</loc>", "<link>", "</link>", "<link rel=\"x\" href=\"/c.css\">", " ", "\n",
                "\r\n", "Sitemap:", "Sitemap: /s.xml", "/d.html", "<", "行动 ", "&amp;", "\t");
        Random random = new Random(20261204);
        List<String> texts = new ArrayList<>(List.of("href = \"/a\" src='/b'", "<loc> /x </link>", "<loc></loc>",
                "a\nSitemap:\n/s.xml", "xSitemap: /no", "href=\"unclosed", "data-src=\"/lazy.jpg\"",
                "href=\"a src='/inner'\"", "<link>/a b</link>"));
        for (int i = 0; i < 5_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(12); n >= 0; n--) {
                text.append(pieces.get(random.nextInt(pieces.size())));
            }
            texts.add(text.toString());
        }
        for (String text : texts) {
            List<String> expected = new ArrayList<>();
            Matcher matcher = expression.matcher(text);
            while (matcher.find()) {
                for (int group = 1; group <= matcher.groupCount(); group++) {
                    if (matcher.group(group) != null) {
                        expected.add(matcher.group(group));
                        break;
                    }
                }
            }
            assertThat(SiteLinks.rawLinks(utf8(text))).as(text).isEqualTo(expected);
        }
    }

    @Test
    void oneAddressHasOneCanonicalForm() {
        assertThat(SiteLinks.normalize("/tag/行动/", "/", SITE))
                .isEqualTo(SiteLinks.normalize("/tag/%E8%A1%8C%E5%8A%A8/", "/", SITE))
                .isEqualTo("/tag/%E8%A1%8C%E5%8A%A8/");
        assertThat(SiteLinks.normalize("/zcjh//./123.html", "/", SITE)).isEqualTo("/zcjh/123.html");
        assertThat(SiteLinks.normalize("/a%20b.html", "/", SITE)).isEqualTo("/a%20b.html");
    }

    @Test
    void refusesAddressesThatWouldLeaveTheSiteOrExposeHiddenFiles() {
        assertThat(SiteLinks.normalize("../../etc/passwd", "/zcjh/", SITE)).isNull();
        assertThat(SiteLinks.normalize("/%2e%2e/secret", "/", SITE)).isNull();
        assertThat(SiteLinks.normalize("/.dayuan-export", "/", SITE)).isNull();
        assertThat(SiteLinks.normalize("/a%0Ab.html", "/", SITE)).isNull();
        assertThat(SiteLinks.normalize("//evil.example/x.html", "/", SITE)).isNull();
    }

    @Test
    void mapsAddressesToTheFilesNginxServesForThem() {
        Path root = Path.of("/srv/site");

        assertThat(SiteLinks.fileFor(root, "/")).isEqualTo(root.resolve("index.html"));
        assertThat(SiteLinks.fileFor(root, "/zcjh/")).isEqualTo(root.resolve("zcjh/index.html"));
        assertThat(SiteLinks.fileFor(root, "/zcjh/123.html")).isEqualTo(root.resolve("zcjh/123.html"));
        assertThat(SiteLinks.fileFor(root, "/tag/%E8%A1%8C%E5%8A%A8/")).isEqualTo(root.resolve("tag/行动/index.html"));
        assertThat(SiteLinks.fileFor(root, "/feed.xml")).isEqualTo(root.resolve("feed.xml"));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
