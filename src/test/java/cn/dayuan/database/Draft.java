package cn.dayuan.database;

import java.time.Instant;
import java.util.List;

import cn.dayuan.article.ArticleDraft;
import cn.dayuan.article.ArticleStatus;
import cn.dayuan.article.RightsType;

/** Builds the {@link ArticleDraft}s the suite writes: a published one-paragraph article unless told otherwise. */
final class Draft {

    private final String title;
    private final String channel;
    private String body;
    private String author;
    private List<String> tags = List.of();
    private Instant publishedAt = Instant.now().minusSeconds(60);
    private ArticleStatus status = ArticleStatus.PUBLISHED;
    private boolean headline;
    private boolean pinned;

    private Draft(String title, String channel) {
        this.title = title;
        this.channel = channel;
        this.body = "<p>" + title + "。</p>";
    }

    static Draft of(String title, String channel) {
        return new Draft(title, channel);
    }

    Draft publishedAt(Instant at) {
        this.publishedAt = at;
        return this;
    }

    Draft status(ArticleStatus newStatus) {
        this.status = newStatus;
        return this;
    }

    Draft tags(String... names) {
        this.tags = List.of(names);
        return this;
    }

    Draft body(String html) {
        this.body = html;
        return this;
    }

    /** The byline (作者). */
    Draft author(String byline) {
        this.author = byline;
        return this;
    }

    Draft headline() {
        this.headline = true;
        return this;
    }

    Draft pinned() {
        this.pinned = true;
        return this;
    }

    ArticleDraft build() {
        return new ArticleDraft(title, null, null, body, channel, author, null, null, null, tags, RightsType.ORIGINAL,
                publishedAt, status, null, headline, pinned, true);
    }
}
