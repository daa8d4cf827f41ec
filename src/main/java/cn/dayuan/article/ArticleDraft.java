package cn.dayuan.article;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What the newsroom form and the JSON API send to write or change an article. Field names are the API's JSON
 * names, and {@link ArticleService} reports problems under the same names. The constraints judge the draft as the
 * service saves it (every text cleaned of what XML cannot carry and trimmed, a blank one null).
 *
 * @param channel     channel path, e.g. {@code zcjh/jishixinwen}
 * @param source      source name (来源)
 * @param editor      responsible editor (责任编辑)
 * @param publishedAt publish time; blank means "now" when publishing
 * @param status      blank means {@link ArticleStatus#DRAFT}
 * @param provenance  for reprints: the original title, author and publish time
 */
public record ArticleDraft(
        @NotNull(message = "{article.title.required}") @Size(max = 200, message = "{article.title.too-long}")
        String title,
        @Size(max = 200, message = "{article.subtitle.too-long}") String subtitle,
        @Size(max = 1000, message = "{article.summary.too-long}") String summary,
        String body,
        @NotNull(message = "{article.channel.required}") String channel,
        @Size(max = 100, message = "{article.author.too-long}") String author,
        @Size(max = 100, message = "{article.source.too-long}") String source,
        @Size(max = 500, message = "{article.source-url.too-long}") String sourceUrl,
        @Size(max = 100, message = "{article.editor.too-long}") String editor,
        List<String> tags,
        RightsType rightsType,
        Instant publishedAt,
        ArticleStatus status,
        @Size(max = 500, message = "{article.cover-image.too-long}") String coverImage,
        boolean headline,
        boolean pinned,
        boolean commentsOpen,
        @Valid Provenance provenance) {

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
