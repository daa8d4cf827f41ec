package cn.dayuan.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import cn.dayuan.article.ArticleDetail;
import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleStatus;
import cn.dayuan.system.NotFoundException;
import cn.dayuan.system.Texts;

/**
 * An article exactly as readers will see it, before it is public: reached through a signed address that expires
 * ({@link ArticleService#previewLink}), so an editor can share it with someone outside the newsroom. Never cached,
 * never indexed.
 */
@Controller
class PreviewController {

    private final ArticleService articles;
    private final ArticlePages pages;
    private final Texts texts;

    PreviewController(ArticleService articles, ArticlePages pages, Texts texts) {
        this.texts = texts;
        this.articles = articles;
        this.pages = pages;
    }

    @GetMapping("/preview/{id}")
    ModelAndView preview(@PathVariable long id, @RequestParam(defaultValue = "0") long expires,
                         @RequestParam(defaultValue = "") String signature, HttpServletRequest request,
                         HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        response.setHeader("Referrer-Policy", "no-referrer");
        ArticleDetail article = articles.preview(id, expires, signature)
                .orElseThrow(() -> new NotFoundException("portal.preview.invalid"));
        String banner = article.status() == ArticleStatus.PUBLISHED && article.publishedAt() != null
                && !article.publishedAt().isAfter(java.time.Instant.now())
                ? texts.of("portal.preview.published")
                : texts.of("portal.preview.unpublished", article.status().label());
        PortalPages.View page = pages.page(article, request.getRequestURI(), PageFrames.requestBase(request), null,
                banner);
        return new ModelAndView(page.template(), page.model());
    }
}
