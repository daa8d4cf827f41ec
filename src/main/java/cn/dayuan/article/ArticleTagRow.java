package cn.dayuan.article;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * A row of the table behind {@link Article#getTags()}, for reading only: a tag's listing is read from its rows
 * alone ({@code ix_article_tag_listing}), which carry the article's publish time while it is published. Joined with
 * the article table instead, a large tag's first listing in a new process read nearly every article row from disk.
 */
@Entity
@Immutable
@Table(name = "article_tag")
@IdClass(ArticleTagRow.Key.class)
class ArticleTagRow {

    @Id
    @Column(name = "article_id")
    private long articleId;

    @Id
    @Column(name = "tag_id")
    private long tagId;

    /** The article's publish time while it is published (scheduled ones included), else null. */
    @Column(name = "listed_at")
    private Instant listedAt;

    protected ArticleTagRow() {
    }

    /** The row's identity: an article and a tag. */
    static class Key implements Serializable {

        private long articleId;
        private long tagId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.articleId == articleId && key.tagId == tagId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(articleId, tagId);
        }
    }
}
