package cn.dayuan.article;

import java.time.Instant;
import java.util.List;

/** A revision with everything it kept; {@code channel} is the channel's path today. */
public record RevisionDetail(RevisionSummary revision, String title, String subtitle, String summary, String body,
                             String channel, String author, String source, String sourceUrl, String editor,
                             List<String> tags, RightsType rightsType, ArticleStatus status, Instant publishedAt,
                             String coverImage, boolean headline, boolean pinned, boolean commentsOpen,
                             Provenance provenance) {
}
