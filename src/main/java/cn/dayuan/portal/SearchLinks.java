package cn.dayuan.portal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import cn.dayuan.search.SearchQuery;
import cn.dayuan.search.SearchSort;

/** The addresses a search page links to: the same search on another page or in another order. */
public record SearchLinks(SearchQuery query) {

    public String page(int page) {
        return url(query.sort(), page);
    }

    public String sortedBy(SearchSort sort) {
        return url(sort, 1);
    }

    private String url(SearchSort sort, int page) {
        StringBuilder url = new StringBuilder("/search?q=").append(encoded(query.text()));
        if (query.channelId() != null) {
            url.append("&channel=").append(query.channelId());
        }
        if (query.from() != null) {
            url.append("&from=").append(query.from());
        }
        if (query.to() != null) {
            url.append("&to=").append(query.to());
        }
        if (sort != SearchSort.RELEVANCE) {
            url.append("&sort=").append(sort.parameter());
        }
        if (page > 1) {
            url.append("&page=").append(page);
        }
        return url.toString();
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
