package cn.dayuan.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an editor writes of an article, as one save left it: the part a revision keeps. Field names are the API's
 * JSON names, which the revision history lists as changed.
 */
record ArticleContent(String title, String subtitle, String summary, String body, long channelId, String author,
                      String source, String sourceUrl, String editor, List<String> tags, RightsType rightsType,
                      ArticleStatus status, Instant publishedAt, String coverImage, boolean headline, boolean pinned,
                      boolean commentsOpen, Provenance provenance) {

    static ArticleContent of(Article a) {
        return new ArticleContent(a.getTitle(), a.getSubtitle(), a.getSummary(), a.getBody(), a.getChannel().getId(),
                a.getAuthor(), a.getSourceName(), a.getSourceUrl(), a.getEditor(),
                a.getTags().stream().map(t -> t.getName()).toList(), a.getRightsType(), a.getStatus(),
                a.getPublishedAt(), a.getCoverImage(), a.isHeadline(), a.isPinned(), a.isCommentsOpen(),
                a.getProvenance());
    }

    /** Names of the fields that differ from {@code before}; every field that has a value when there is no before. */
    List<String> changedFrom(ArticleContent before) {
        List<String> changed = new ArrayList<>();
        compare(changed, "title", before == null ? null : before.title, title);
        compare(changed, "subtitle", before == null ? null : before.subtitle, subtitle);
        compare(changed, "summary", before == null ? null : before.summary, summary);
        compare(changed, "body", before == null ? null : before.body, body);
        compare(changed, "channel", before == null ? null : before.channelId, channelId);
        compare(changed, "author", before == null ? null : before.author, author);
        compare(changed, "source", before == null ? null : before.source, source);
        compare(changed, "sourceUrl", before == null ? null : before.sourceUrl, sourceUrl);
        compare(changed, "editor", before == null ? null : before.editor, editor);
        compare(changed, "tags", before == null ? null : before.tags, tags.isEmpty() ? null : tags);
        compare(changed, "rightsType", before == null ? null : before.rightsType, rightsType);
        compare(changed, "status", before == null ? null : before.status, status);
        compare(changed, "publishedAt", before == null ? null : before.publishedAt, publishedAt);
        compare(changed, "coverImage", before == null ? null : before.coverImage, coverImage);
        compare(changed, "headline", before == null ? null : before.headline, headline);
        compare(changed, "pinned", before == null ? null : before.pinned, pinned);
        compare(changed, "commentsOpen", before == null ? null : before.commentsOpen, commentsOpen);
        compare(changed, "originalTitle", before == null ? null : before.provenance.originalTitle(),
                provenance.originalTitle());
        compare(changed, "originalAuthor", before == null ? null : before.provenance.originalAuthor(),
                provenance.originalAuthor());
        compare(changed, "originalPublishedAt", before == null ? null : before.provenance.originalPublishedAt(),
                provenance.originalPublishedAt());
        return changed;
    }

    private static void compare(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after) && !(before == null && Boolean.FALSE.equals(after))) {
            changed.add(field);
        }
    }
}
