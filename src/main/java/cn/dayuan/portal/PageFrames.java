package cn.dayuan.portal;

import java.time.ZoneId;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import cn.dayuan.article.ArticleSummary;
import cn.dayuan.channel.ChannelService;
import cn.dayuan.directory.DirectoryService;
import cn.dayuan.site.SiteService;
import cn.dayuan.site.SiteSettings;
import cn.dayuan.system.DayuanProperties;
import cn.dayuan.system.PageKeys;

/**
 * Builds the {@link PageFrame} of a public page and records the page-cache keys of what the frame shows: the
 * settings and channel menu on every page, and the sidebar's lists where there is a sidebar.
 */
@Component
public class PageFrames {

    private static final Logger log = LoggerFactory.getLogger(PageFrames.class);

    private final SiteService sites;
    private final ChannelService channels;
    private final DirectoryService directory;
    private final MostReadList mostRead;
    private final DayuanProperties properties;
    private final Pictures pictures;

    PageFrames(SiteService sites, ChannelService channels, MostReadList mostRead, DirectoryService directory,
               DayuanProperties properties, Pictures pictures) {
        this.pictures = pictures;
        this.sites = sites;
        this.channels = channels;
        this.mostRead = mostRead;
        this.directory = directory;
        this.properties = properties;
    }

    /**
     * The frame of a content page with the sidebar.
     *
     * @param heading         what the page is about, e.g. the article or channel name; {@code null} on the home page
     * @param description     meta description; blank means the site's description
     * @param activeChannelId top-level channel to highlight in the menu, or {@code null}
     */
    public PageFrame page(HttpServletRequest request, String heading, String description, Long activeChannelId) {
        return page(request.getRequestURI(), requestBase(request), heading, description, activeChannelId);
    }

    /**
     * The frame of a content page at {@code sitePath}, built without a request.
     *
     * @param requestBase the address the site was reached at; printed only when neither the site settings nor
     *                    {@code dayuan.base-url} give the public one
     */
    public PageFrame page(String sitePath, String requestBase, String heading, String description,
                          Long activeChannelId) {
        SiteSettings site = sites.settings();
        List<ArticleSummary> ranking = mostRead.forPage();
        PageKeys.record(PageKeys.SITE, PageKeys.CHANNELS, PageKeys.DIRECTORY);
        String base = baseUrl(requestBase, site);
        return new PageFrame(site, channels.tree().menu(), activeChannelId, title(site, heading),
                blank(description) ? site.description() : description, base + sitePath, base,
                properties.timeZone(), new PageFrame.Sidebar(ranking, directory.view()), pictures);
    }

    /**
     * The frame of an error page: no sidebar, no canonical link, and it never fails, since it may be rendered
     * because the database is unreachable.
     */
    public PageFrame error(String requestBase, String heading) {
        try {
            SiteSettings site = sites.settings();
            PageKeys.record(PageKeys.SITE, PageKeys.CHANNELS);
            return new PageFrame(site, channels.tree().menu(), null, title(site, heading), heading, null,
                    baseUrl(requestBase, site), properties.timeZone(), null, pictures);
        } catch (RuntimeException e) {
            log.warn("Rendering an error page without site settings and channels: {}", e.toString());
            SiteSettings site = SiteSettings.DEFAULTS;
            return new PageFrame(site, List.of(), null, title(site, heading), heading, null,
                    requestBase, properties.timeZone(), null, pictures);
        }
    }

    /** The absolute site address for links that leave the page (feeds, sitemap, share links). */
    public String baseUrl(HttpServletRequest request) {
        return baseUrl(requestBase(request));
    }

    /** As {@link #baseUrl(HttpServletRequest)}, for a page built without a request. */
    public String baseUrl(String requestBase) {
        return baseUrl(requestBase, sites.settings());
    }

    /** The zone in which readers see times. */
    public ZoneId zone() {
        return properties.timeZone();
    }

    public SiteSettings settings() {
        return sites.settings();
    }

    /** The configured site address (settings first, then {@code dayuan.base-url}), else the request's own. */
    private String baseUrl(String requestBase, SiteSettings site) {
        if (!blank(site.siteUrl())) {
            return stripSlash(site.siteUrl().trim());
        }
        if (!blank(properties.baseUrl())) {
            return stripSlash(properties.baseUrl().trim());
        }
        return stripSlash(requestBase);
    }

    /** The address the request reached the site at, without a trailing slash: {@code http://127.0.0.1:8080}. */
    static String requestBase(HttpServletRequest request) {
        return stripSlash(ServletUriComponentsBuilder.fromContextPath(request).build().toUriString());
    }

    private static String title(SiteSettings site, String heading) {
        return blank(heading) ? site.siteTitle() : heading + " - " + site.shortName();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
