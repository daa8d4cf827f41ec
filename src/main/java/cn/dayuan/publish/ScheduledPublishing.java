package cn.dayuan.publish;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.dayuan.article.ArticleService;

/**
 * An article published with a future time goes public when that time comes, without any commit that would tell
 * the page cache. This looks every second for articles whose time has come and announces them like any other
 * change, so the pages that list them show them within a second. Every node looks; one announces each article.
 */
@Component
class ScheduledPublishing {

    private final ArticleService articles;

    ScheduledPublishing(ArticleService articles) {
        this.articles = articles;
    }

    @Scheduled(fixedDelayString = "${dayuan.scheduled-publish-check:1s}",
            initialDelayString = "${dayuan.scheduled-publish-check:1s}")
    void announceArticlesWhoseTimeHasCome() {
        articles.announceArticlesGoneLive();
    }
}
