package cn.dayuan.media;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One stored picture of the media library: its file, its size, and what the newsroom says about it. */
@Entity
@Table(name = "media")
class MediaItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String contentHash;
    /** under the media folder, e.g. {@code 2026/12/3f2a….jpg} */
    private String path;
    private String contentType;
    private int width;
    private int height;
    private long bytes;
    private String originalName;
    @Column(name = "alt_text")
    private String alt;
    private String caption;
    private String credit;
    private String uploadedBy;
    private Instant uploadedAt;
    /** the sizes with a WebP copy beside the JPEG or PNG one, e.g. {@code thumbnail cover large}; null for none */
    private String webpSizes;
    /** whether the WebP copies were tried: false for pictures stored before them, or where the encoder did not load */
    private boolean webpChecked;
    @Version
    private long version;

    protected MediaItem() {
    }

    MediaItem(String contentHash, String path, String contentType, int width, int height, long bytes,
              String originalName, String uploadedBy, Instant uploadedAt, String webpSizes) {
        this.contentHash = contentHash;
        this.path = path;
        this.contentType = contentType;
        this.width = width;
        this.height = height;
        this.bytes = bytes;
        this.originalName = originalName;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
        this.webpSizes = webpSizes;
        this.webpChecked = ImageIntake.webpAvailable();
    }

    void webpCopiesMade(String sizes) {
        this.webpSizes = sizes;
        this.webpChecked = true;
    }

    void describe(String alt, String caption, String credit) {
        this.alt = alt;
        this.caption = caption;
        this.credit = credit;
    }

    Long getId() {
        return id;
    }

    String getContentHash() {
        return contentHash;
    }

    String getPath() {
        return path;
    }

    String getContentType() {
        return contentType;
    }

    int getWidth() {
        return width;
    }

    int getHeight() {
        return height;
    }

    long getBytes() {
        return bytes;
    }

    String getOriginalName() {
        return originalName;
    }

    String getAlt() {
        return alt;
    }

    String getCaption() {
        return caption;
    }

    String getCredit() {
        return credit;
    }

    String getUploadedBy() {
        return uploadedBy;
    }

    Instant getUploadedAt() {
        return uploadedAt;
    }

    String getWebpSizes() {
        return webpSizes;
    }

    long getVersion() {
        return version;
    }
}
