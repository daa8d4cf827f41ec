package cn.dayuan.directory;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

/** A category of the public-service navigation (便民/政务服务导航), e.g. 政务服务 or 交通出行. */
@Entity
public class DirectoryCategory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private String description;
    private int sortOrder;

    @OneToMany(mappedBy = "category", cascade = CascadeType.ALL)
    @OrderBy("sortOrder, id")
    private List<DirectoryLink> links = new ArrayList<>();

    protected DirectoryCategory() {
    }

    DirectoryCategory(String name, String description, int sortOrder) {
        update(name, description, sortOrder);
    }

    void update(String name, String description, int sortOrder) {
        this.name = name;
        this.description = description;
        this.sortOrder = sortOrder;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public List<DirectoryLink> getLinks() {
        return links;
    }
}
