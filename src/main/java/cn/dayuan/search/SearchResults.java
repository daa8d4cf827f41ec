package cn.dayuan.search;

import java.util.List;

import cn.dayuan.article.ArticleSummary;

/**
 * One page of results.
 *
 * @param total      how many public articles match in all
 * @param pages      how many pages of results a reader may turn to (at most {@link SearchQuery#MAX_PAGE})
 * @param nearTitles when nothing matched: articles whose title words sound like the query's (晋祠 for 晋词, the
 *                   homophone a pinyin keyboard offered), best first
 */
public record SearchResults(SearchQuery query, List<SearchHit> hits, long total, int pages,
                            List<ArticleSummary> nearTitles) {

    static SearchResults none(SearchQuery query) {
        return new SearchResults(query, List.of(), 0, 0, List.of());
    }

    public boolean isEmpty() {
        return total == 0;
    }
}
