package cn.dayuan.article;

/**
 * Filters of the newsroom's article list and of {@code GET /api/v1/articles}; every field may be blank.
 *
 * @param channel channel path; its sub-channels are included
 * @param keyword matched against titles
 */
public record ArticleQuery(String channel, ArticleStatus status, String keyword, String author) {

    public static final ArticleQuery ALL = new ArticleQuery(null, null, null, null);
}
