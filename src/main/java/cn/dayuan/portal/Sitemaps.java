package cn.dayuan.portal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import cn.dayuan.article.ArticleAddress;
import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleSummary;
import cn.dayuan.channel.ChannelService;
import cn.dayuan.channel.ChannelView;
import cn.dayuan.site.SiteSettings;
import cn.dayuan.system.PageKeys;

/**
 * The sitemaps: {@code /sitemap.xml} lists the home page, every channel and every public article, newest first, as
 * one {@code urlset} while they fit in one file of {@value #URLS_PER_FILE} addresses. Past that it is a sitemap index
 * of {@code /sitemap-1.xml}, {@code /sitemap-2.xml} … (the home page and the channels in the first, then the articles
 * in order, none left out) and of the news sitemap. {@code /sitemap-news.xml} is a Google News
 * sitemap of the articles published in the last two days.
 */
@Component
class Sitemaps {

    /** The sitemap protocol's limits for one file. */
    static final int MAX_URLS = 50_000;
    /**
     * Addresses per file, well under the protocol's limit (as WordPress's 2,000 and Yoast's 1,000): an edit changes
     * one article's {@code lastmod}, and only its part is rendered again, on the live site as in the export. In one
     * file, 10,000 articles took a new process 0.6 s to list again after one title edit.
     */
    static final int URLS_PER_FILE = 1_000;
    static final long MAX_BYTES = 50L * 1024 * 1024;
    static final String NEWS_PATH = "/sitemap-news.xml";
    /** Google News takes the articles of the last two days, at most 1,000 per sitemap. */
    static final Duration NEWS_WINDOW = Duration.ofDays(2);
    static final int NEWS_MAX = 1_000;
    static final String NEWS_LANGUAGE = "zh-cn";

    private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
    /** A {@code <url>} entry without its address: tags, a W3C time and a change frequency. */
    private static final int ENTRY_OVERHEAD = 120;
    /** The longest site path a sitemap names: a channel path of 300 characters, an id of up to 19 digits. */
    private static final int MAX_SITE_PATH = 1 + 300 + 1 + 19 + ".html".length();

    private final ArticleService articles;
    private final ChannelService channels;
    private final PageFrames frames;
    /** {@link #URLS_PER_FILE}, lowered only by tests of this package to see the index on a small site. */
    private volatile int urlsPerFile = URLS_PER_FILE;

    Sitemaps(ArticleService articles, ChannelService channels, PageFrames frames) {
        this.articles = articles;
        this.channels = channels;
        this.frames = frames;
    }

    /** For tests: fewer addresses per file than the protocol allows, so that a small site needs an index. */
    void urlsPerFile(int urls) {
        if (urls < 2 || urls > MAX_URLS) {
            throw new IllegalArgumentException("between 2 and " + MAX_URLS + ": " + urls);
        }
        urlsPerFile = urls;
    }

    /**
     * How the addresses are cut into files: the fixed pages (home and channels) first, then the articles newest
     * first, {@code articlesPerPart} to a file after the fixed pages of the first one.
     */
    record Layout(List<ChannelView> channels, int articlesPerPart, int parts) {
    }

    Layout layout(String base) {
        List<ChannelView> all = channels.tree().all();
        // Slugs and ids never need escaping; only the site address might, and it may be long (a Host header).
        long baseBytes = HtmlUtils.htmlEscape(base, "UTF-8").getBytes(StandardCharsets.UTF_8).length;
        long byBytes = (MAX_BYTES - 1024) / (ENTRY_OVERHEAD + baseBytes + MAX_SITE_PATH);
        int perFile = (int) Math.min(urlsPerFile, byBytes);
        int articlesPerPart = Math.max(1, perFile - 1 - all.size());
        long count = articles.countPublic();
        int parts = (int) Math.max(1, (count + articlesPerPart - 1) / articlesPerPart);
        return new Layout(all, articlesPerPart, parts);
    }

    /** {@code /sitemap.xml}: the one {@code urlset}, or the index of the parts and the news sitemap. */
    String sitemap(String base) {
        PageKeys.record(PageKeys.SITE, PageKeys.CHANNELS, PageKeys.LATEST);
        Layout layout = layout(base);
        if (layout.parts() == 1) {
            return part(base, layout, 1);
        }
        StringBuilder xml = new StringBuilder(128 + layout.parts() * 96).append(PROLOG)
                .append("<sitemapindex xmlns=\"").append(SITEMAP_NS).append("\">\n");
        for (int part = 1; part <= layout.parts(); part++) {
            xml.append("  <sitemap><loc>").append(escape(base + partPath(part))).append("</loc></sitemap>\n");
        }
        xml.append("  <sitemap><loc>").append(escape(base + NEWS_PATH)).append("</loc></sitemap>\n");
        return xml.append("</sitemapindex>\n").toString();
    }

    /** {@code /sitemap-{n}.xml}: part {@code n} of the index; null when there is no index or no such part. */
    String indexPart(String base, int part) {
        PageKeys.record(PageKeys.SITE, PageKeys.CHANNELS, PageKeys.LATEST);
        Layout layout = layout(base);
        return layout.parts() == 1 || part < 1 || part > layout.parts() ? null : part(base, layout, part);
    }

    static String partPath(int part) {
        return "/sitemap-" + part + ".xml";
    }

    private String part(String base, Layout layout, int part) {
        StringBuilder xml = new StringBuilder(8192).append(PROLOG)
                .append("<urlset xmlns=\"").append(SITEMAP_NS).append("\">\n");
        if (part == 1) {
            url(xml, base + "/", null, "hourly");
            layout.channels().forEach(channel -> url(xml, base + channel.url(), null, "daily"));
        }
        for (ArticleAddress article : articles.publicAddresses(part - 1, layout.articlesPerPart())) {
            url(xml, base + article.url(), PageFrame.iso(article.updatedAt(), frames.zone()), null);
        }
        return xml.append("</urlset>\n").toString();
    }

    /**
     * {@code /sitemap-news.xml}: the public articles published in the last two days, newest first, at most 1,000.
     * It changes as time passes, with no content change to announce it, so the page cache never keeps it
     * ({@code PageCacheFilter.BYPASSED_PREFIXES}).
     */
    String news(String base) {
        SiteSettings site = frames.settings();
        String publication = "<news:publication><news:name>" + escape(site.shortName()) + "</news:name>"
                + "<news:language>" + NEWS_LANGUAGE + "</news:language></news:publication>";
        StringBuilder xml = new StringBuilder(8192).append(PROLOG)
                .append("<urlset xmlns=\"").append(SITEMAP_NS).append("\" xmlns:news=\"").append(NEWS_NS)
                .append("\">\n");
        for (ArticleSummary article : articles.publishedSince(Instant.now().minus(NEWS_WINDOW), NEWS_MAX)) {
            xml.append("  <url><loc>").append(escape(base + article.url())).append("</loc><news:news>")
                    .append(publication)
                    .append("<news:publication_date>").append(PageFrame.iso(article.publishedAt(), frames.zone()))
                    .append("</news:publication_date>")
                    .append("<news:title>").append(escape(article.title())).append("</news:title>")
                    .append("</news:news></url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    private static void url(StringBuilder xml, String location, String lastModified, String changeFrequency) {
        xml.append("  <url><loc>").append(escape(location)).append("</loc>");
        if (lastModified != null) {
            xml.append("<lastmod>").append(lastModified).append("</lastmod>");
        }
        if (changeFrequency != null) {
            xml.append("<changefreq>").append(changeFrequency).append("</changefreq>");
        }
        xml.append("</url>\n");
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
