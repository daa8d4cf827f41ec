package cn.dayuan.search;

import java.util.LinkedHashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;

import cn.dayuan.system.ContentChangedEvent;
import cn.dayuan.system.PageKeys;

/**
 * Keeps this node's index on the same events as its page cache: every article a {@link ContentChangedEvent} names
 * ({@link PageKeys#article}) is indexed again from the database once the change committed, or removed when it is
 * gone. Hibernate Search's entity listener already indexed the node's own changes made through the entity; this
 * catches the rest: changes committed by another node of a cluster (each node holds its own Lucene index until the
 * index moves to OpenSearch), and tags renamed, merged or deleted over JDBC.
 */
@Component
class SearchIndexFollower {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexFollower.class);

    private final SearchService search;
    private final TransactionTemplate newTransaction;
    private final boolean enabled;

    SearchIndexFollower(SearchService search, PlatformTransactionManager transactions,
                        org.springframework.core.env.Environment environment) {
        this.search = search;
        this.newTransaction = new TransactionTemplate(transactions);
        // After a commit the finished transaction is still bound to the thread: work of its own needs a new one.
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.enabled = SearchStartup.isEnabled(environment);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ContentChangedEvent event) {
        if (!enabled) {
            return;
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (String key : event.keys()) {
            Long id = PageKeys.articleOf(key);
            if (id != null) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        try {
            newTransaction.executeWithoutResult(status -> search.reindex(ids));
        } catch (RuntimeException e) {
            // The change itself is committed; the next start's check or the next change of the article repairs it.
            log.warn("Could not reindex articles {} after a change: {}", ids, e.toString());
        }
    }
}
