package cn.dayuan.search;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.dayuan.article.ArticleService;
import cn.dayuan.system.ExclusiveWork;

/**
 * Chooses the similar articles of those that have no choice yet, in the background, a batch at a time on one node of
 * a cluster: after an upgrade from a version that chose none, after the demo content is loaded (its first articles
 * were saved into an almost empty index), and after a save made while the index could not answer.
 */
@Component
class MissingSimilarArticles {

    private static final Logger log = LoggerFactory.getLogger(MissingSimilarArticles.class);
    private static final int BATCH = 50;

    private final ArticleService articles;
    private final ExclusiveWork exclusive;

    MissingSimilarArticles(ArticleService articles, ExclusiveWork exclusive) {
        this.articles = articles;
        this.exclusive = exclusive;
    }

    @Scheduled(initialDelayString = "PT20S", fixedDelayString = "PT10M")
    void choose() {
        exclusive.runIfFree("similar-articles", Duration.ofMinutes(10), () -> {
            int total = 0;
            for (int chosen = articles.chooseMissingSimilar(BATCH); chosen > 0;
                 chosen = articles.chooseMissingSimilar(BATCH)) {
                total += chosen;
            }
            if (total > 0) {
                log.info("Chose the similar articles of {} articles", total);
            }
        });
    }
}
