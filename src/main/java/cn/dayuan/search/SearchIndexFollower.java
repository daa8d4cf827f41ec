package cn.dayuan.search;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

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
 * Keeps this node's index on the same events as its page cache, for what Hibernate Search's entity listener cannot
 * see: every article named ({@link PageKeys#article}) by a {@link ContentChangedEvent} that another node of a cluster
 * committed (each node holds its own Lucene index; an index on OpenSearch is shared, and another node's changes
 * reached it through the outbox), or by one of this node's own events that names a tag list (a tag renamed, merged or deleted moves {@code article_tag} rows over JDBC), is
 * indexed again from the database once the change committed, or removed when it is gone. The node's other changes
 * went through the entity and were indexed in their own transaction.
 */
@Component
class SearchIndexFollower {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexFollower.class);

    private final SearchService search;
    private final TransactionTemplate newTransaction;
    private final boolean enabled;
    private final boolean sharedIndex;
    private final ExecutorService reindexing = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "search-reindex");
        thread.setDaemon(true);
        return thread;
    });

    SearchIndexFollower(SearchService search, PlatformTransactionManager transactions, SearchBackend backend,
                        org.springframework.core.env.Environment environment) {
        this.sharedIndex = backend.openSearch();
        this.search = search;
        this.newTransaction = new TransactionTemplate(transactions);
        // After a commit the finished transaction is still bound to the thread: work of its own needs a new one.
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.enabled = SearchStartup.isEnabled(environment);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ContentChangedEvent event) {
        boolean anotherNodesChange = event.fromAnotherNode() && !sharedIndex;
        if (!enabled || !anotherNodesChange && event.keys().stream().noneMatch(PageKeys::isTagList)) {
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
        // On a worker of its own, in order: the thread that plays back other nodes' changes goes on evicting pages
        // at once instead of waiting for an index commit.
        reindexing.execute(() -> {
            try {
                newTransaction.executeWithoutResult(status -> search.reindex(ids));
            } catch (RuntimeException e) {
                // The change itself is committed; the next start's check or the next change of the article repairs it.
                log.warn("Could not reindex articles {} after a change: {}", ids, e.toString());
            }
        });
    }

    @PreDestroy
    void stop() {
        reindexing.shutdown();
    }
}
