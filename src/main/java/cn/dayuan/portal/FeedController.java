package cn.dayuan.portal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The machine-readable face of the site: the site feeds (RSS and Atom), the sitemaps and robots.txt. The channels'
 * feeds are answered by {@link ChannelPathController}, below their paths.
 */
@Controller
class FeedController {

    private final PortalPages pages;

    FeedController(PortalPages pages) {
        this.pages = pages;
    }

    @GetMapping({"/feed.xml", "/atom.xml", "/sitemap.xml", "/sitemap-{part:[1-9]\\d{0,8}}.xml", Sitemaps.NEWS_PATH,
            "/robots.txt"})
    ResponseEntity<String> document(HttpServletRequest request) {
        ResponseEntity<String> document = pages.document(request.getRequestURI(), PageFrames.requestBase(request));
        if (document == null) {
            throw PortalPages.pageNotFound();
        }
        return document;
    }
}
