package cn.dayuan.newsroom;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import cn.dayuan.article.ArticleQuery;
import cn.dayuan.article.ArticleStatus;
import cn.dayuan.system.InvalidInputException;

/** The article list's search box, filters and page number, as they appear in its address. */
public class ArticleFilter {

    private String keyword;
    private String channel;
    private String status;
    private int page = 1;

    /** Authors see only their own articles, so they pass their username; editors pass null. */
    ArticleQuery toQuery() {
        return new ArticleQuery(blankToNull(channel), statusValue(), blankToNull(keyword), null);
    }

    /** The list's address for another page, keeping the filters. */
    public String pageUrl(int number) {
        StringBuilder url = new StringBuilder("/admin/articles?page=").append(number);
        append(url, "keyword", keyword);
        append(url, "channel", channel);
        append(url, "status", status);
        return url.toString();
    }

    public boolean isFiltered() {
        return blankToNull(keyword) != null || blankToNull(channel) != null || blankToNull(status) != null;
    }

    private ArticleStatus statusValue() {
        if (blankToNull(status) == null) {
            return null;
        }
        try {
            return ArticleStatus.valueOf(status.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "未知的文章状态：" + status);
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

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(page, 1);
    }
}
