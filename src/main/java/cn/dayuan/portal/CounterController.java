package cn.dayuan.portal;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleService.Counts;
import cn.dayuan.article.ReaderLikes;

/**
 * View and like counters. They live outside the cached article page, so counting never evicts it: the page's
 * script posts a view and fills in the current numbers; the 顶 button is a plain form that also works without
 * JavaScript.
 */
@Controller
class CounterController {

    private final ArticleService articles;
    private final ReaderLikes likes;
    private final ViewCounting viewCounting;

    CounterController(ArticleService articles, ReaderLikes likes, ViewCounting viewCounting) {
        this.articles = articles;
        this.likes = likes;
        this.viewCounting = viewCounting;
    }

    /**
     * Counts a reader's view of a public article and answers its counts. Any other id (a draft, a withdrawn or a
     * missing article) gets the same 200 with zeros, so the counter tells nobody which ids exist.
     */
    @PostMapping("/counter/{id}/view")
    ResponseEntity<Counts> view(@PathVariable long id, HttpServletRequest request) {
        Counts counts = articles.view(id, article -> viewCounting.counts(request, article));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(counts);
    }

    /** Answers JSON to the page's script; a plain form post is sent back to the article (303). */
    @PostMapping("/counter/{id}/like")
    ResponseEntity<Counts> like(@PathVariable long id, HttpServletRequest request) {
        likes.like(id, request.getRemoteAddr());
        if (ErrorPages.wantsJson(request)) {
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(articles.counts(id));
        }
        String articleUrl = articles.findPublic(id).orElseThrow(PortalPages::pageNotFound).url();
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(articleUrl + "#like")).build();
    }
}
