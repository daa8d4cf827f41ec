package cn.dayuan.article;

import java.time.Instant;
import java.util.List;

import cn.dayuan.tag.Tag;

/** Everything about one article: what its page shows, what the editor edits and what the API returns. */
public record ArticleDetail(long id, String title, String subtitle, String summary, String body, long channelId,
                            String channelName, String channelPath, String publisherUsername,
                            String publisherName, String author, String source, String sourceUrl, String editor,
                            RightsType rightsType, ArticleStatus status, Instant publishedAt, String coverImage,
                            boolean headline, boolean pinned, boolean commentsOpen, long viewCount,
                            long likeCount, int commentCount, List<Tag> tags, Instant createdAt,
                            Instant updatedAt, long version) {

    /** The article page's address relative to the site root: {@code /{channel path}/{id}.html}. */
    public String url() {
        return "/" + channelPath + "/" + id + ".html";
    }

    public List<String> tagNames() {
        return tags.stream().map(Tag::getName).toList();
    }
}
