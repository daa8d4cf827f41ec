package cn.dayuan.directory;

import java.util.List;

/** The public-service navigation as readers see it: categories in order, each with its links. */
public record DirectoryView(List<Category> categories) {

    public record Category(long id, String name, String description, int sortOrder, List<Link> links) {
    }

    public record Link(long id, long categoryId, String name, String url, String description, int sortOrder) {
    }
}
