package cn.dayuan.channel;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A channel (栏目) of the site; channels form a tree and their slugs make up article URLs. */
@Entity
public class Channel {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Channel parent;

    private String name;
    private String slug;
    private String path;
    private String description;
    private int sortOrder;
    /** Left out of the public menu and the home page's channel blocks (在导航中隐藏); its pages stay public. */
    private boolean hidden;
    private Instant createdAt;
    private Instant updatedAt;

    protected Channel() {
    }

    Channel(Channel parent, String name, String slug, String description, int sortOrder, boolean hidden) {
        this.parent = parent;
        this.hidden = hidden;
        this.name = name;
        this.slug = slug;
        this.path = parent == null ? slug : parent.getPath() + "/" + slug;
        this.description = description;
        this.sortOrder = sortOrder;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Channel getParent() {
        return parent;
    }

    public String getName() {
        return name;
    }

    public String getSlug() {
        return slug;
    }

    public String getPath() {
        return path;
    }

    public String getDescription() {
        return description;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public boolean isHidden() {
        return hidden;
    }

    void update(Channel parent, String name, String slug, String description, int sortOrder, boolean hidden) {
        this.parent = parent;
        this.hidden = hidden;
        this.name = name;
        this.slug = slug;
        this.description = description;
        this.sortOrder = sortOrder;
        this.updatedAt = Instant.now();
        recomputePath();
    }

    void recomputePath() {
        this.path = parent == null ? slug : parent.getPath() + "/" + slug;
    }
}
