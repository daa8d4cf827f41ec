package cn.dayuan.portal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleSummary;
import cn.dayuan.channel.ChannelService;
import cn.dayuan.channel.ChannelView;
import cn.dayuan.system.PageKeys;

/** The machine-readable face of the site: the site feed, the sitemap and robots.txt. */
@Controller
class FeedController {

    /** The sitemap protocol's limit of addresses per file. */
    static final int SITEMAP_LIMIT = 50_000;

    private final Feeds feeds;
    private final ArticleService articles;
    private final ChannelService channels;
    private final PageFrames frames;

    FeedController(Feeds feeds, ArticleService articles, ChannelService channels, PageFrames frames) {
        this.feeds = feeds;
        this.articles = articles;
        this.channels = channels;
        this.frames = frames;
    }

    @GetMapping("/feed.xml")
    ResponseEntity<String> siteFeed(HttpServletRequest request) {
        return feeds.site(request);
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<String> sitemap(HttpServletRequest request) {
        PageKeys.record(PageKeys.SITE, PageKeys.CHANNELS, PageKeys.LATEST);
        String base = frames.baseUrl(request);
        StringBuilder xml = new StringBuilder(8192)
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        url(xml, base + "/", null, "hourly");
        List<ChannelView> all = channels.tree().all();
        all.forEach(channel -> url(xml, base + channel.url(), null, "daily"));
        for (ArticleSummary article : articles.newest(SITEMAP_LIMIT - 1 - all.size())) {
            url(xml, base + article.url(), PageFrame.iso(article.updatedAt(), frames.zone()), null);
        }
        xml.append("</urlset>\n");
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/xml;charset=UTF-8"))
                .body(xml.toString());
    }

    @GetMapping("/robots.txt")
    ResponseEntity<String> robots(HttpServletRequest request) {
        PageKeys.record(PageKeys.SITE);
        String body = "User-agent: *\n"
                + "Disallow: /admin/\n"
                + "Disallow: /api/\n"
                + "\n"
                + "Sitemap: " + frames.baseUrl(request) + "/sitemap.xml\n";
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/plain;charset=UTF-8")).body(body);
    }

    private static void url(StringBuilder xml, String location, String lastModified, String changeFrequency) {
        xml.append("  <url><loc>").append(HtmlUtils.htmlEscape(location, "UTF-8")).append("</loc>");
        if (lastModified != null) {
            xml.append("<lastmod>").append(lastModified).append("</lastmod>");
        }
        if (changeFrequency != null) {
            xml.append("<changefreq>").append(changeFrequency).append("</changefreq>");
        }
        xml.append("</url>\n");
    }
}
