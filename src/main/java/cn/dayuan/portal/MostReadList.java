package cn.dayuan.portal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleSummary;
import cn.dayuan.system.ContentChangedEvent;
import cn.dayuan.system.PageKeys;

/**
 * The "阅读排行" list in every page's sidebar. Views never evict pages, so the ranking a cached page shows falls
 * behind as readers read (or as new articles are published, which may change the order among articles read
 * equally often). Every {@code dayuan.most-read-refresh} the rankings that pages were rendered with are compared
 * with the current one; if any differs, the pages showing a ranking are evicted, so a cached ranking is at most
 * one interval old. The ranking itself is read from the database once per interval, not per render (sorting
 * every article by views is the costliest query of a page). Titles and addresses in the list are never stale: the
 * articles are read for each render and each item's article key is recorded.
 */
@Component
public class MostReadList {

    static final int LENGTH = 10;
    /** Ranked ids kept beyond the list's length, so that a withdrawn article leaves no gap until the refresh. */
    private static final int RESERVE = 2 * LENGTH;

    private final ArticleService articles;
    private final ApplicationEventPublisher events;
    /** The rankings (article ids in order) pages were rendered with since the last eviction. */
    private final Set<List<Long>> shown = ConcurrentHashMap.newKeySet();
    /** The most-read article ids as of the last refresh; null until first needed. */
    private volatile List<Long> ranking;

    MostReadList(ArticleService articles, ApplicationEventPublisher events) {
        this.articles = articles;
        this.events = events;
    }

    /** The current ranking, recorded for the page being rendered. */
    List<ArticleSummary> forPage() {
        List<ArticleSummary> ranking = current();
        PageKeys.record(PageKeys.MOST_READ);
        ranking.forEach(a -> PageKeys.record(PageKeys.article(a.id())));
        shown.add(ids(ranking));
        return ranking;
    }

    @Scheduled(fixedDelayString = "${dayuan.most-read-refresh:2m}", initialDelayString = "${dayuan.most-read-refresh:2m}")
    public void evictPagesWithAnOutdatedRanking() {
        ranking = articles.mostReadIds(RESERVE);
        if (shown.isEmpty()) {
            return;
        }
        List<Long> current = ids(current());
        if (shown.stream().allMatch(current::equals)) {
            return;
        }
        // Cleared before the eviction: a page rendered in between is either evicted or, having started before
        // the eviction, never stored; its ranking stays listed and is checked next time.
        shown.clear();
        events.publishEvent(ContentChangedEvent.of(PageKeys.MOST_READ));
    }

    private List<ArticleSummary> current() {
        List<Long> ids = ranking;
        if (ids == null) {
            ids = articles.mostReadIds(RESERVE);
            ranking = ids;
        }
        return articles.publicSummaries(ids, LENGTH);
    }

    private static List<Long> ids(List<ArticleSummary> ranking) {
        return ranking.stream().map(ArticleSummary::id).toList();
    }
}
