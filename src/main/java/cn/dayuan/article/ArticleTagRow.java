package cn.dayuan.article;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * A row of the table behind {@link Article#getTags()}, for reading only. A query that starts from a tag's rows
 * (the index on {@code tag_id}) reads only that tag's articles; joined from the article side, H2 plans to read every
 * published article and look each up in the tag's rows (10,000 article rows, 25 ms warm and a second cold, for a
 * tag of a few articles).
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
