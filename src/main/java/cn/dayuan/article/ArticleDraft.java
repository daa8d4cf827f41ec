package cn.dayuan.article;

import java.time.Instant;
import java.util.List;

/**
 * What the newsroom form and the JSON API send to write or change an article. Field names are the API's JSON
 * names, and {@link ArticleService} reports problems under the same names.
 *
 * @param channel     channel path, e.g. {@code zcjh/jishixinwen}
 * @param source      source name (来源)
 * @param editor      responsible editor (责任编辑)
 * @param publishedAt publish time; blank means "now" when publishing
 * @param status      blank means {@link ArticleStatus#DRAFT}
 * @param provenance  for reprints: the original title, author and publish time
 */
public record ArticleDraft(
        String title,
        String subtitle,
        String summary,
        String body,
        String channel,
        String author,
        String source,
        String sourceUrl,
        String editor,
        List<String> tags,
        RightsType rightsType,
        Instant publishedAt,
        ArticleStatus status,
        String coverImage,
        boolean headline,
        boolean pinned,
        boolean commentsOpen,
        Provenance provenance) {

    /** A draft without provenance (an original article, or one whose origin is not recorded). */
    public ArticleDraft(String title, String subtitle, String summary, String body, String channel, String author,
                        String source, String sourceUrl, String editor, List<String> tags, RightsType rightsType,
                        Instant publishedAt, ArticleStatus status, String coverImage, boolean headline, boolean pinned,
                        boolean commentsOpen) {
        this(title, subtitle, summary, body, channel, author, source, sourceUrl, editor, tags, rightsType,
                publishedAt, status, coverImage, headline, pinned, commentsOpen, Provenance.NONE);
    }

    /** This draft with another status and publish time. */
    ArticleDraft with(ArticleStatus newStatus, Instant newPublishedAt) {
        return new ArticleDraft(title, subtitle, summary, body, channel, author, source, sourceUrl, editor, tags,
                rightsType, newPublishedAt, newStatus, coverImage, headline, pinned, commentsOpen, provenance);
    }
}
