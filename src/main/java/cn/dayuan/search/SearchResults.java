package cn.dayuan.search;

import java.util.List;

/**
 * One page of results.
 *
 * @param total how many public articles match in all
 * @param pages how many pages of results a reader may turn to (at most {@link SearchQuery#MAX_PAGE})
 */
public record SearchResults(SearchQuery query, List<SearchHit> hits, long total, int pages) {

    static SearchResults none(SearchQuery query) {
        return new SearchResults(query, List.of(), 0, 0);
    }

    public boolean isEmpty() {
        return total == 0;
    }
}
