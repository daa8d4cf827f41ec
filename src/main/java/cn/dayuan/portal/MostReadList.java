package cn.dayuan.portal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleSummary;
import cn.dayuan.system.ExclusiveWork;
import cn.dayuan.system.PageKeys;

/**
 * The "阅读排行" list in every page's sidebar. Views never evict pages, so the ranking a cached page shows falls
 * behind as readers read. Every {@code dayuan.most-read-refresh} one node (whichever gets there first) compares the
 * announced ranking with the current one and announces a new one when they differ
 * ({@link ArticleService#refreshMostReadRanking}), so a cached ranking is at most one interval old, and the same on
 * every node. Titles and addresses in the list are never stale: the articles are read for each render and each
 * item's article key is recorded.
 */
@Component
public class MostReadList {

    static final int LENGTH = 10;

    private final ArticleService articles;
    private final ExclusiveWork exclusive;

    MostReadList(ArticleService articles, ExclusiveWork exclusive) {
        this.articles = articles;
        this.exclusive = exclusive;
    }

    /** The current ranking, recorded for the page being rendered. */
    List<ArticleSummary> forPage() {
        List<ArticleSummary> ranking = articles.rankingForPage(articles.mostReadRanking(), LENGTH);
        PageKeys.record(PageKeys.MOST_READ);
        ranking.forEach(a -> PageKeys.record(PageKeys.article(a.id())));
        return ranking;
    }

    /**
     * Once at start as well, so that pages show a stored ranking from the first on: a new process (an export from
     * the command line) shows the ranking the last one showed, or announces a new one, never a different one
     * silently.
     */
    @EventListener(ApplicationReadyEvent.class)
    void refreshAtStart() {
        refresh();
    }

    @Scheduled(fixedDelayString = "${dayuan.most-read-refresh:2m}", initialDelayString = "${dayuan.most-read-refresh:2m}")
    public void refresh() {
        exclusive.runIfFree("most-read-refresh", Duration.ofMinutes(1), () -> articles.refreshMostReadRanking(LENGTH));
    }
}
