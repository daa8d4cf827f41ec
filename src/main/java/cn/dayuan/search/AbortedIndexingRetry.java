package cn.dayuan.search;

import java.time.Duration;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.outboxpolling.OutboxPollingExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.dayuan.system.ExclusiveWork;

/**
 * Gives the outbox's aborted events another chance, every five minutes on one node: Hibernate Search tries an event
 * three times, 30 seconds apart, and then marks it aborted and leaves it, so a change made while OpenSearch was down
 * for more than a minute or two would never reach the index. The events stay in the database meanwhile; once
 * OpenSearch answers again, they are indexed.
 */
@Component
@ConditionalOnProperty(name = "dayuan.search.backend", havingValue = "opensearch")
class AbortedIndexingRetry {

    private static final Logger log = LoggerFactory.getLogger(AbortedIndexingRetry.class);

    private final EntityManagerFactory entityManagerFactory;
    private final ExclusiveWork exclusive;

    AbortedIndexingRetry(EntityManagerFactory entityManagerFactory, ExclusiveWork exclusive) {
        this.entityManagerFactory = entityManagerFactory;
        this.exclusive = exclusive;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT5M")
    void retry() {
        exclusive.runIfFree("search-aborted-events", Duration.ofMinutes(5), () -> {
            try {
                int again = Search.mapping(entityManagerFactory).extension(OutboxPollingExtension.get())
                        .reprocessAbortedEvents();
                if (again > 0) {
                    log.warn("{} changes had not reached the search index on OpenSearch; they are indexed again",
                            again);
                }
            } catch (RuntimeException e) {
                log.warn("Could not retry the changes that did not reach the search index: {}", e.toString());
            }
        });
    }
}
