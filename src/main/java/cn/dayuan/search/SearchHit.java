package cn.dayuan.search;

import cn.dayuan.article.ArticleSummary;

/**
 * One article found: how lists show it, its title with the matched words marked, and an excerpt of its text around
 * them (of the body, else of the summary; empty when only the title, tags or byline matched).
 */
public record SearchHit(ArticleSummary article, Snippet title, Snippet excerpt) {
}
