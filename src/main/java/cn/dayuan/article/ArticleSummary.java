package cn.dayuan.article;

import java.time.Instant;

/** An article as lists show it: title, summary, thumbnail, channel and time. */
public record ArticleSummary(long id, String title, String subtitle, String summary, long channelId,
                             String channelName, String channelPath, ArticleStatus status, Instant publishedAt,
                             Instant updatedAt, String coverImage, boolean headline, boolean pinned, long viewCount,
                             int commentCount, Validity validity) {

    /** The article page's address relative to the site root: {@code /{channel path}/{id}.html}. */
    public String url() {
        return url(channelPath, id);
    }

    /** The address of article {@code id} in the channel at {@code channelPath}. */
    public static String url(String channelPath, long id) {
        return "/" + channelPath + "/" + id + ".html";
    }
}
