package cn.dayuan.article;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.annotation.PreDestroy;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import cn.dayuan.system.ContentChangedEvent;
import cn.dayuan.system.PageKeys;

/**
 * Counts article views in memory and adds them to the database every few seconds, so that a page view costs no
 * database write and never touches the page cache. What a view needs to know of an article (whether it is public,
 * its identity, its counts) is kept in memory too, for {@link #KNOWN_FOR} or until the article changes, so that a
 * view costs no database read either: the views written by this node are added to what is kept, those of other
 * nodes show once it is read again.
 */
@Component
public class ViewCounter {

    /** How long the counts a view answers may lag behind likes, comments and other nodes' views. */
    static final Duration KNOWN_FOR = Duration.ofSeconds(10);
    /** Drafts, unpublished and missing ids: kept too, so that probing ids costs no read either. */
    static final Known NOT_PUBLIC = new Known(null, 0, 0, 0);

    private final Map<Long, LongAdder> pending = new ConcurrentHashMap<>();
    private final Cache<Long, Known> known = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(KNOWN_FOR)
            .build();
    private final ArticleRepository articles;
    private final TransactionTemplate transactions;

    ViewCounter(ArticleRepository articles, TransactionTemplate transactions) {
        this.articles = articles;
        this.transactions = transactions;
    }

    /**
     * What a view of {@code id} is answered from.
     *
     * @param identity the article's id and creation time ({@code null} when not public)
     */
    record Known(String identity, long views, long likes, long comments) {

        Known plusViews(long added) {
            return new Known(identity, views + added, likes, comments);
        }
    }

    /** The article as a reader's view sees it: {@link #NOT_PUBLIC} unless it is public now. */
    Known known(long id) {
        return known.get(id, this::load);
    }

    private Known load(long id) {
        List<Object[]> rows = articles.findPublicCounts(id, Instant.now());
        if (rows.isEmpty()) {
            return NOT_PUBLIC;
        }
        Object[] row = rows.get(0);
        return new Known(id + "@" + ((Instant) row[0]).toEpochMilli(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(), ((Number) row[3]).longValue());
    }

    /** Reads the article again on its next view (its likes changed). */
    void forget(long id) {
        known.invalidate(id);
    }

    /** An article published, withdrawn or changed, or its comments: read again on its next view, on every node. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onContentChanged(ContentChangedEvent event) {
        for (String key : event.keys()) {
            Long id = PageKeys.articleOf(key);
            if (id == null && key.startsWith("comments:")) {
                id = PageKeys.articleOf("article:" + key.substring("comments:".length()));
            }
            if (id != null) {
                known.invalidate(id);
            }
        }
    }

    public void record(long articleId) {
        pending.computeIfAbsent(articleId, id -> new LongAdder()).increment();
    }

    /** Views counted but not yet written. */
    public long pending(long articleId) {
        LongAdder adder = pending.get(articleId);
        return adder == null ? 0 : adder.sum();
    }

    @Scheduled(fixedDelayString = "${dayuan.view-flush-interval:5s}")
    @PreDestroy
    public void flush() {
        pending.forEach((id, adder) -> {
            long views = adder.sumThenReset();
            if (views > 0) {
                // moved from pending to the kept count at once, so that what views answer never goes back
                known.asMap().computeIfPresent(id, (k, article) -> article == NOT_PUBLIC ? article
                        : article.plusViews(views));
                transactions.executeWithoutResult(status -> articles.addViews(id, views));
            }
        });
        pending.values().removeIf(adder -> adder.sum() == 0);
    }
}
