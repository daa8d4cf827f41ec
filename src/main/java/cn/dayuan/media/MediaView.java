package cn.dayuan.media;

import java.time.Instant;
import java.util.Map;

/**
 * A picture of the media library as the newsroom, the API and templates see it.
 *
 * @param url   the picture at full size (re-encoded), e.g. {@code /media/2026/12/3f2a….jpg}
 * @param sizes {@code thumbnail}, {@code cover} and {@code large}, each the smaller copy or, for a picture that is
 *              already small enough, the picture itself; with its WebP copy where one was smaller
 */
public record MediaView(long id, String url, String type, int width, int height, long bytes, String originalName,
                        String alt, String caption, String credit, String uploadedBy, Instant uploadedAt,
                        long version, Map<String, Size> sizes) {

    /** One stored copy: where, how wide and high, and its WebP copy (same pixels, fewer bytes) or null. */
    public record Size(String url, int width, int height, String webp) {
    }

    public String thumbnailUrl() {
        return sizes.get(MediaService.THUMBNAIL).url();
    }

    /** For {@code srcset}: every distinct copy with its width, smallest first. */
    public String srcset() {
        StringBuilder set = new StringBuilder();
        sizes.values().stream().map(s -> s.url() + " " + s.width() + "w").distinct()
                .forEach(s -> set.append(set.isEmpty() ? "" : ", ").append(s));
        return set.toString();
    }

    /**
     * For a {@code <source type="image/webp">}: every distinct copy with its width as {@link #srcset()} lists them,
     * the WebP one where there is one; null when no size has a WebP copy.
     */
    public String webpSrcset() {
        if (sizes.values().stream().allMatch(s -> s.webp() == null)) {
            return null;
        }
        StringBuilder set = new StringBuilder();
        sizes.values().stream().map(s -> (s.webp() == null ? s.url() : s.webp()) + " " + s.width() + "w").distinct()
                .forEach(s -> set.append(set.isEmpty() ? "" : ", ").append(s));
        return set.toString();
    }
}
