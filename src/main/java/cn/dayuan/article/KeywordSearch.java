package cn.dayuan.article;

import java.util.Collection;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * The newsroom's article list searched by words: the search index answers (the article package knows nothing of
 * search), over every status, drafts included, so a keyword finds Chinese words in titles, bodies, bylines and tags
 * instead of SQL {@code LIKE} scanning the bodies of the whole table.
 */
public interface KeywordSearch {

    /**
     * One page of the ids of the articles that match {@code query}'s keyword and its other filters, best match first
     * (the most recently changed of equal ones first).
     *
     * @param channelIds    the channels to look in (a channel and its sub-channels), or null for all
     * @param onlyPublisher the account whose articles alone may be found (an author's own), or null for everyone's
     */
    Page<Long> find(ArticleQuery query, Collection<Long> channelIds, String onlyPublisher, Pageable pageable);
}
