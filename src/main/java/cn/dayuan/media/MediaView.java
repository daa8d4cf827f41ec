package cn.dayuan.media;

import java.time.Instant;
import java.util.Map;

/**
 * A picture of the media library as the newsroom, the API and templates see it.
 *
 * @param url   the picture at full size (re-encoded), e.g. {@code /media/2026/12/3f2a….jpg}
 * @param sizes {@code thumbnail}, {@code cover} and {@code large}, each the smaller copy or, for a picture that is
 *              already small enough, the picture itself
 */
public record MediaView(long id, String url, String type, int width, int height, long bytes, String originalName,
                        String alt, String caption, String credit, String uploadedBy, Instant uploadedAt,
                        long version, Map<String, Size> sizes) {

    /** One stored copy: where, and how wide and high. */
    public record Size(String url, int width, int height) {
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
}
