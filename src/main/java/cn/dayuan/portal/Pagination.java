package cn.dayuan.portal;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Page links of a paginated list whose first page is {@code baseUrl} (ending in "/") and whose page n ≥ 2 is
 * {@code baseUrl + "index_n.html"}, as channel and tag pages are addressed.
 */
public record Pagination(String baseUrl, int current, int totalPages, long totalItems) {

    public static final int PAGE_SIZE = 20;
    private static final int WINDOW = 9;

    public String url(int page) {
        return page <= 1 ? baseUrl : baseUrl + "index_" + page + ".html";
    }

    public boolean hasPrevious() {
        return current > 1;
    }

    public boolean hasNext() {
        return current < totalPages;
    }

    /** Up to nine page numbers around the current page. */
    public List<Integer> window() {
        int first = Math.max(1, Math.min(current - WINDOW / 2, totalPages - WINDOW + 1));
        int last = Math.min(totalPages, first + WINDOW - 1);
        return IntStream.rangeClosed(first, last).boxed().toList();
    }
}
