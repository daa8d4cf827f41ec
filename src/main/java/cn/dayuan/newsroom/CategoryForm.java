package cn.dayuan.newsroom;

import cn.dayuan.directory.DirectoryView;

/** A public-service navigation category as typed. */
public class CategoryForm {

    private String name;
    private String description;
    private String sortOrder;

    static CategoryForm of(DirectoryView.Category category) {
        CategoryForm form = new CategoryForm();
        form.name = category.name();
        form.description = category.description();
        form.sortOrder = Integer.toString(category.sortOrder());
        return form;
    }

    Integer sortOrderValue() {
        return Numbers.optionalInt(sortOrder, "sortOrder");
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
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
