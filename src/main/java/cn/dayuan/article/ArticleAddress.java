package cn.dayuan.article;

import java.time.Instant;

/** Where a public article is read, and when it last changed: an entry of the sitemap. */
public record ArticleAddress(String url, Instant updatedAt) {
}
