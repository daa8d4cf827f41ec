package cn.dayuan.article;

import java.time.Instant;

/**
 * Where a reprinted or authorised article first appeared: its original title, author and publish time (the source
 * name and address are the article's 来源 fields). Kept for traceable reprints, shown in the byline.
 */
public record Provenance(String originalTitle, String originalAuthor, Instant originalPublishedAt) {

    public static final Provenance NONE = new Provenance(null, null, null);

    public boolean isEmpty() {
        return originalTitle == null && originalAuthor == null && originalPublishedAt == null;
    }
}
