package cn.dayuan.portal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.springframework.web.util.UriUtils;

import cn.dayuan.article.ArticleSummary;
import cn.dayuan.channel.ChannelView;
import cn.dayuan.directory.DirectoryView;
import cn.dayuan.media.MediaView;
import cn.dayuan.site.SiteSettings;

/**
 * What every public page shares: the site's names and texts, the channel menu, the head of the document and
 * the sidebar. Built by {@link PageFrames}; the layout template renders it around each page's content.
 *
 * @param activeChannelId top-level channel to highlight in the menu; {@code null} for none
 * @param canonicalUrl    absolute canonical address of the page; {@code null} on error pages
 * @param baseUrl         absolute site address without a trailing slash, e.g. {@code https://www.example.cn}
 * @param sidebar         most-read and service-navigation lists; {@code null} on pages without a sidebar
 * @param pictures        the media library, for the sizes of the covers and banners the page shows
 */
public record PageFrame(SiteSettings site, List<ChannelView> menu, Long activeChannelId, String title,
                        String description, String canonicalUrl, String baseUrl, ZoneId zone, Sidebar sidebar,
                        Pictures pictures) {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    /** The sidebar of content pages: most-read articles and a short public-service navigation. */
    public record Sidebar(List<ArticleSummary> mostRead, DirectoryView directory) {
    }

    /** {@code 2022-04-23 06:07:12} in the site's time zone, as on the article page. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
    }

    /** {@code 2022-04-23 06:07}, for lists. */
    public String minute(Instant instant) {
        return instant == null ? "" : MINUTE.format(instant.atZone(zone));
    }

    /** {@code 2022-04-23T06:07:12+08:00}: machine-readable time with the site's offset (JSON-LD, datetime=). */
    public String iso(Instant instant) {
        return iso(instant, zone);
    }

    public static String iso(Instant instant, ZoneId zone) {
        return instant == null ? null : ISO.format(instant.atZone(zone));
    }

    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(zone));
    }

    /** {@code 04-23}, for compact lists. */
    public String monthDay(Instant instant) {
        return instant == null ? "" : MONTH_DAY.format(instant.atZone(zone));
    }

    /** The library pictures among the covers of a list, by address, for {@code portal/picture.jte}. */
    public Map<String, MediaView> covers(List<ArticleSummary> articles) {
        return pictures.of(articles.stream().map(ArticleSummary::coverImage).toList());
    }

    /** The library pictures among these addresses (topic banners), by address. */
    public Map<String, MediaView> pictures(List<String> addresses) {
        return pictures.of(addresses);
    }

    /** The absolute address of a site path such as {@code /zcjh/} or {@code /zcjh/jishixinwen/1.html}. */
    public String absolute(String path) {
        return baseUrl + path;
    }

    public boolean isActive(ChannelView channel) {
        return activeChannelId != null && activeChannelId == channel.id();
    }

    /** The tag page of a keyword, URL-encoded: {@code /tag/%E8%A1%8C%E5%8A%A8/}. */
    public static String tagUrl(String name) {
        return "/tag/" + UriUtils.encodePathSegment(name, StandardCharsets.UTF_8) + "/";
    }

    /** The link of the ICP filing number (备案号) in the footer, as Chinese sites are required to show it. */
    public static String beianUrl() {
        return "https://beian.miit.gov.cn/";
    }
}
