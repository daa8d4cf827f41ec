package cn.dayuan.article;

import java.time.Instant;

import jakarta.validation.constraints.Size;

/**
 * Where a reprinted or authorised article first appeared: its original title, author and publish time (the source
 * name and address are the article's 来源 fields). Kept for traceable reprints, shown in the byline.
 */
public record Provenance(
        @Size(max = 200, message = "{article.original-title.too-long}") String originalTitle,
        @Size(max = 100, message = "{article.original-author.too-long}") String originalAuthor,
        Instant originalPublishedAt) {

    public static final Provenance NONE = new Provenance(null, null, null);

    public boolean isEmpty() {
        return originalTitle == null && originalAuthor == null && originalPublishedAt == null;
    }
}
