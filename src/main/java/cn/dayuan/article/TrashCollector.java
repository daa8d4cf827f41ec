package cn.dayuan.article;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.dayuan.system.ExclusiveWork;

/** Empties the recycle bin of what lay there longer than {@code dayuan.trash-retention}, on one node at a time. */
@Component
class TrashCollector {

    private static final Logger log = LoggerFactory.getLogger(TrashCollector.class);

    private final ArticleService articles;
    private final ExclusiveWork exclusive;

    TrashCollector(ArticleService articles, ExclusiveWork exclusive) {
        this.articles = articles;
        this.exclusive = exclusive;
    }

    @Scheduled(initialDelayString = "PT3M", fixedDelayString = "PT1H")
    void purgeExpired() {
        exclusive.runIfFree("trash-retention", Duration.ofMinutes(10), () -> {
            int purged = articles.purgeExpiredTrash();
            if (purged > 0) {
                log.info("Purged {} articles that lay in the recycle bin longer than the retention time", purged);
            }
        });
    }
}
