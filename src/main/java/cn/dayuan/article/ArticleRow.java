package cn.dayuan.article;

import java.time.Instant;

/**
 * What an article list shows of an article, read without the body: a list of twenty would otherwise read twenty
 * bodies of several kilobytes each, which was the largest cost of rendering a list page.
 */
record ArticleRow(long id, String title, String subtitle, String summary, long channelId, ArticleStatus status,
                  Instant publishedAt, Instant updatedAt, String coverImage, boolean headline, boolean pinned,
                  long viewCount, int commentCount, Validity validity) {

    /** The JPQL select of this row from {@code Article a}. */
    static final String SELECT = "select new cn.dayuan.article.ArticleRow(a.id, a.title, a.subtitle, a.summary,"
            + " a.channel.id, a.status, a.publishedAt, a.updatedAt, a.coverImage, a.headline, a.pinned, a.viewCount,"
            + " a.commentCount, a.validity) from Article a";

    static ArticleRow of(Article a) {
        return new ArticleRow(a.getId(), a.getTitle(), a.getSubtitle(), a.getSummary(), a.getChannel().getId(),
                a.getStatus(), a.getPublishedAt(), a.getUpdatedAt(), a.getCoverImage(), a.isHeadline(), a.isPinned(),
                a.getViewCount(), a.getCommentCount(), a.getValidity());
    }

    boolean isPublicAt(Instant now) {
        return status == ArticleStatus.PUBLISHED && publishedAt != null && !publishedAt.isAfter(now);
    }
}
