package cn.dayuan.newsroom;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

import cn.dayuan.article.ArticleQuery;
import cn.dayuan.article.ArticleStatus;
import cn.dayuan.system.InvalidInputException;

/** The article list's search box, filters and page number, as they appear in its address. */
public class ArticleFilter {

    private String keyword;
    private String channel;
    private String status;
    private String author;
    private String from;
    private String to;
    private int page = 1;

    /** The query; {@code from} and {@code to} are days in the site's time zone, both included. */
    ArticleQuery toQuery(ZoneId zone) {
        return new ArticleQuery(blankToNull(channel), statusValue(), blankToNull(keyword), blankToNull(author),
                day(from, "from", zone, 0), day(to, "to", zone, 1));
    }

    private static Instant day(String value, String field, ZoneId zone, int plusDays) {
        if (blankToNull(value) == null) {
            return null;
        }
        return FormDays.parse(value, field).plusDays(plusDays).atStartOfDay(zone).toInstant();
    }

    /** The list's address for another page, keeping the filters. */
    public String pageUrl(int number) {
        StringBuilder url = new StringBuilder("/admin/articles?page=").append(number);
        append(url, "keyword", keyword);
        append(url, "channel", channel);
        append(url, "status", status);
        append(url, "author", author);
        append(url, "from", from);
        append(url, "to", to);
        return url.toString();
    }

    public boolean isFiltered() {
        return blankToNull(keyword) != null || blankToNull(channel) != null || blankToNull(status) != null
                || blankToNull(author) != null || blankToNull(from) != null || blankToNull(to) != null;
    }

    private ArticleStatus statusValue() {
        if (blankToNull(status) == null) {
            return null;
        }
        try {
            return ArticleStatus.valueOf(status.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "article.status.unknown", status);
        }
    }

    private static void append(StringBuilder url, String name, String value) {
        if (blankToNull(value) != null) {
            url.append('&').append(name).append('=').append(URLEncoder.encode(value.trim(), StandardCharsets.UTF_8));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public String getKeyword() {
        return keyword;
    }

    public void setKeyword(String keyword) {
        this.keyword = keyword;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getAuthor() {
        return author;
    }

    public void setAuthor(String author) {
        this.author = author;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(page, 1);
    }
}
