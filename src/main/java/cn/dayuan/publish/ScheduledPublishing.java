package cn.dayuan.publish;

import java.time.Instant;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.dayuan.article.ArticleService;
import cn.dayuan.system.ContentChangedEvent;

/**
 * An article published with a future time goes public when that time comes, without any commit that would tell
 * the page cache. This looks every second for articles whose time has just come and announces them like any
 * other change, so the pages that list them show them within a second.
 */
@Component
class ScheduledPublishing {

    private final ArticleService articles;
    private final ApplicationEventPublisher events;
    private Instant checkedUpTo = Instant.now();

    ScheduledPublishing(ArticleService articles, ApplicationEventPublisher events) {
        this.articles = articles;
        this.events = events;
    }

    @Scheduled(fixedDelayString = "${dayuan.scheduled-publish-check:1s}")
    synchronized void announceArticlesWhoseTimeHasCome() {
        Instant now = Instant.now();
        Set<String> keys = articles.keysOfArticlesScheduledBetween(checkedUpTo, now);
        checkedUpTo = now;
        if (!keys.isEmpty()) {
            events.publishEvent(new ContentChangedEvent(keys));
        }
    }
}
