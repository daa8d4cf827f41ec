package cn.dayuan.article;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Chooses the similar articles of an edited article again once its edit committed, on one background thread, so
 * that a save (and the edit showing on the site) does not wait for the search index. Each choice reads the text
 * committed when it runs, and one runs after every edit: the last choice follows the last text, whichever node saved
 * it. A choice lost to a stop keeps the earlier one until the next edit of the text.
 */
@Component
class SimilarChoiceRenewal {

    private static final Logger log = LoggerFactory.getLogger(SimilarChoiceRenewal.class);

    private final ArticleService articles;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "similar-articles");
        thread.setDaemon(true);
        return thread;
    });

    SimilarChoiceRenewal(ArticleService articles) {
        this.articles = articles;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onStale(ArticleService.SimilarChoiceStale stale) {
        worker.execute(() -> {
            try {
                articles.chooseSimilarAgain(stale.articleId());
            } catch (RuntimeException e) {
                log.warn("Could not choose the similar articles of article {} again: {}", stale.articleId(),
                        e.toString());
            }
        });
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
