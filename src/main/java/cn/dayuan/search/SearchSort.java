package cn.dayuan.search;

import java.util.Locale;

/** The order of search results: best match first (newer first among equals), or newest first. */
public enum SearchSort {
    RELEVANCE, DATE;

    /** The sort named in a request parameter ({@code relevance}, {@code date}); anything else is relevance. */
    public static SearchSort parse(String value) {
        return value != null && value.trim().toLowerCase(Locale.ROOT).equals("date") ? DATE : RELEVANCE;
    }

    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }
}
