package cn.dayuan.newsroom;

import cn.dayuan.directory.DirectoryView;
import cn.dayuan.system.InvalidInputException;

/** A public-service navigation link as typed; {@code category} is the id of its category. */
public class LinkForm {

    private String category;
    private String name;
    private String url;
    private String description;
    private String sortOrder;

    static LinkForm of(DirectoryView.Link link) {
        LinkForm form = new LinkForm();
        form.category = Long.toString(link.categoryId());
        form.name = link.name();
        form.url = link.url();
        form.description = link.description();
        form.sortOrder = Integer.toString(link.sortOrder());
        return form;
    }

    long categoryId() {
        Long id = Numbers.optionalId(category, "category", "directory.link.category.required");
        if (id == null) {
            throw new InvalidInputException("category", "directory.link.category.required");
        }
        return id;
    }

    Integer sortOrderValue() {
        return Numbers.optionalInt(sortOrder, "sortOrder");
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getSortOrder() {
        return sortOrder;
    }

    public void setSortOrder(String sortOrder) {
        this.sortOrder = sortOrder;
    }
}
