package cn.dayuan.article;

import java.time.Instant;

/**
 * Filters of the newsroom's article list and of {@code GET /api/v1/articles}; every field may be blank.
 *
 * @param channel channel path; its sub-channels are included
 * @param keyword matched against titles and bodies
 * @param author  a publisher's username, or part of the byline (作者)
 * @param from    first instant of the publish time (or, unpublished, the creation time), inclusive
 * @param to      end of that time, exclusive
 */
public record ArticleQuery(String channel, ArticleStatus status, String keyword, String author, Instant from,
                           Instant to) {

    public static final ArticleQuery ALL = new ArticleQuery(null, null, null, null);

    public ArticleQuery(String channel, ArticleStatus status, String keyword, String author) {
        this(channel, status, keyword, author, null, null);
    }
}
