package cn.dayuan.channel;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A path a channel had before it was renamed or moved. It names the channel, not the path it moved to: the channel's
 * current path is looked up when a reader asks, so an old address answers one redirect however often it moved since.
 */
@Entity
@Table(name = "channel_path")
class FormerPath {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String path;

    @Column(name = "channel_id")
    private long channelId;

    private Instant retiredAt;

    protected FormerPath() {
    }

    FormerPath(String path, long channelId) {
        this.path = path;
        this.channelId = channelId;
        this.retiredAt = Instant.now();
    }

    String getPath() {
        return path;
    }

    long getChannelId() {
        return channelId;
    }

    /** The path was left again, now by {@code channel}. */
    void retiredBy(long channel) {
        this.channelId = channel;
        this.retiredAt = Instant.now();
    }
}
