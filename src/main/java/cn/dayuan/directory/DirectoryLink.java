package cn.dayuan.directory;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** One public-service platform in the navigation: a link with a short description. */
@Entity
public class DirectoryLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "category_id")
    private DirectoryCategory category;

    private String name;
    private String url;
    private String description;
    private int sortOrder;

    protected DirectoryLink() {
    }

    DirectoryLink(DirectoryCategory category, String name, String url, String description, int sortOrder) {
        this.category = category;
        update(name, url, description, sortOrder);
    }

    void update(String name, String url, String description, int sortOrder) {
        this.name = name;
        this.url = url;
        this.description = description;
        this.sortOrder = sortOrder;
    }

    void moveTo(DirectoryCategory category) {
        this.category = category;
    }

    public Long getId() {
        return id;
    }

    public DirectoryCategory getCategory() {
        return category;
    }

    public String getName() {
        return name;
    }

    public String getUrl() {
        return url;
    }

    public String getDescription() {
        return description;
    }

    public int getSortOrder() {
        return sortOrder;
    }
}
