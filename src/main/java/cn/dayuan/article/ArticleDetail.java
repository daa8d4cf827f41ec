package cn.dayuan.article;

import java.time.Instant;
import java.util.List;

import cn.dayuan.tag.Tag;

/**
 * Everything about one article: what its page shows, what the editor edits and what the API returns.
 *
 * @param reviewLevel     while pending, the level (1..reviewLevels) awaiting sign-off
 * @param reviewLevels    how many review levels the article's channel asks for
 * @param rejectionReason why a reviewer sent it back, until it is submitted again
 * @param pendingRevision the number of an author's edit waiting for an editor while the live version stays up
 * @param trashedAt       when it was moved to the recycle bin, or null
 * @param correctionNote  the public note of a correction (已更正), or null
 * @param validity        whether a notice still applies (已失效, 已废止)
 * @param provenance      where a reprint first appeared
 * @param similarIds      the articles most like it by text, best first, as chosen at its last save
 */
public record ArticleDetail(long id, String title, String subtitle, String summary, String body, long channelId,
                            String channelName, String channelPath, String publisherUsername,
                            String publisherName, String author, String source, String sourceUrl, String editor,
                            RightsType rightsType, ArticleStatus status, Instant publishedAt, String coverImage,
                            boolean headline, boolean pinned, boolean commentsOpen, long viewCount,
                            long likeCount, int commentCount, List<Tag> tags, Instant createdAt,
                            Instant updatedAt, long version, int reviewLevel, int reviewLevels,
                            String rejectionReason, Integer pendingRevision, Instant trashedAt,
                            String correctionNote, Instant correctedAt, Validity validity, Provenance provenance,
                            List<Long> similarIds) {

    /** The article page's address relative to the site root: {@code /{channel path}/{id}.html}. */
    public String url() {
        return "/" + channelPath + "/" + id + ".html";
    }

    public List<String> tagNames() {
        return tags.stream().map(Tag::getName).toList();
    }
}
