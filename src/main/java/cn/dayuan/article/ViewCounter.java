package cn.dayuan.article;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.annotation.PreDestroy;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts article views in memory and adds them to the database every few seconds, so that a page view costs no
 * database write and never touches the page cache.
 */
@Component
public class ViewCounter {

    private final Map<Long, LongAdder> pending = new ConcurrentHashMap<>();
    private final ArticleRepository articles;
    private final TransactionTemplate transactions;

    ViewCounter(ArticleRepository articles, TransactionTemplate transactions) {
        this.articles = articles;
        this.transactions = transactions;
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
                transactions.executeWithoutResult(status -> articles.addViews(id, views));
            }
        });
        pending.values().removeIf(adder -> adder.sum() == 0);
    }
}
