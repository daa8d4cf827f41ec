package cn.dayuan.portal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.dayuan.system.PageKeys;

/**
 * The machine-readable face of the site: the site feeds (RSS and Atom), the sitemaps and robots.txt. The channels'
 * feeds are answered by {@link ChannelPathController}, below their paths.
 */
@Controller
class FeedController {

    private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

    private final Feeds feeds;
    private final Sitemaps sitemaps;
    private final PageFrames frames;

    FeedController(Feeds feeds, Sitemaps sitemaps, PageFrames frames) {
        this.feeds = feeds;
        this.sitemaps = sitemaps;
        this.frames = frames;
    }

    @GetMapping("/feed.xml")
    ResponseEntity<String> siteFeed(HttpServletRequest request) {
        return feeds.site(Feeds.Format.RSS, request);
    }

    @GetMapping("/atom.xml")
    ResponseEntity<String> siteAtomFeed(HttpServletRequest request) {
        return feeds.site(Feeds.Format.ATOM, request);
    }

    @GetMapping("/sitemap.xml")
    ResponseEntity<String> sitemap(HttpServletRequest request) {
        return ResponseEntity.ok().contentType(XML).body(sitemaps.sitemap(frames.baseUrl(request)));
    }

    /** A part of the sitemap index; only while there is one (a small site's one sitemap is {@code /sitemap.xml}). */
    @GetMapping("/sitemap-{part:[1-9]\\d{0,8}}.xml")
    ResponseEntity<String> sitemapPart(@PathVariable int part, HttpServletRequest request) {
        String xml = sitemaps.indexPart(frames.baseUrl(request), part);
        if (xml == null) {
            throw PortalPages.pageNotFound();
        }
        return ResponseEntity.ok().contentType(XML).body(xml);
    }

    @GetMapping(Sitemaps.NEWS_PATH)
    ResponseEntity<String> newsSitemap(HttpServletRequest request) {
        return ResponseEntity.ok().contentType(XML).body(sitemaps.news(frames.baseUrl(request)));
    }

    @GetMapping("/robots.txt")
    ResponseEntity<String> robots(HttpServletRequest request) {
        PageKeys.record(PageKeys.SITE);
        String base = frames.baseUrl(request);
        String body = "User-agent: *\n"
                + "Disallow: /admin/\n"
                + "Disallow: /api/\n"
                + "\n"
                + "Sitemap: " + base + "/sitemap.xml\n"
                + "Sitemap: " + base + Sitemaps.NEWS_PATH + "\n";
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/plain;charset=UTF-8")).body(body);
    }
}
