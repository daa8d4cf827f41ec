package cn.dayuan.system;

import java.util.List;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.cache.interceptor.SimpleKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Data that every page render reads and that rarely changes is kept in memory with Spring's cache abstraction on
 * Caffeine, on every node: a service marks its read {@code @Cacheable(cacheNames = PageKeys.X, sync = true)}, naming
 * the cache after the {@link PageKeys page key} its data is announced under, and nothing else. Whenever that key
 * changes ({@link ContentChangedEvent}, local or from another node), the cache is emptied here twice:
 * <ul>
 *   <li>at once, inside the transaction of the change, so that later reads in the same transaction see it;</li>
 *   <li>once the transaction completed, before the page cache evicts (the order): a reader elsewhere may have
 *   kept the state from before the commit meanwhile, or, after a rollback, the state that was rolled back.</li>
 * </ul>
 * The most-read list also keeps the articles it shows: a change of any article empties it too.
 */
@Configuration
@EnableCaching
class KeptDataConfig {

    /** Page keys whose data some service keeps. */
    static final List<String> KEPT = List.of(PageKeys.SITE, PageKeys.CHANNELS, PageKeys.DIRECTORY, PageKeys.MOST_READ,
            PageKeys.SENSITIVE_WORDS, PageKeys.SEARCH_SYNONYMS, PageKeys.TOPICS, PageKeys.COMMENT_RULES);

    private final CaffeineCacheManager caches = new CaffeineCacheManager();

    KeptDataConfig() {
        caches.setCacheNames(KEPT);
    }

    @Bean
    CacheManager cacheManager() {
        return caches;
    }

    @EventListener
    void forgetAtOnce(ContentChangedEvent event) {
        forget(event);
    }

    @Order(Ordered.HIGHEST_PRECEDENCE)
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    void forgetOnceCompleted(ContentChangedEvent event) {
        forget(event);
    }

    private void forget(ContentChangedEvent event) {
        for (String key : event.keys()) {
            String kept = PageKeys.articleOf(key) != null ? PageKeys.MOST_READ : key;
            Cache cache = KEPT.contains(kept) ? caches.getCache(kept) : null;
            if (cache != null) {
                // The entry of the no-argument read first: a removal by key waits for a load in progress.
                cache.evict(SimpleKey.EMPTY);
                cache.clear();
            }
        }
    }
}
