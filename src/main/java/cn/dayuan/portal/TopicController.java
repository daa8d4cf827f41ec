package cn.dayuan.portal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * Special topics (专题): the list at {@code /zt/} and each published topic's page at {@code /zt/{slug}/}
 * ({@link SitePages}).
 */
@Controller
class TopicController {

    private final SitePages pages;

    TopicController(SitePages pages) {
        this.pages = pages;
    }

    @GetMapping(SitePages.TOPICS)
    ModelAndView list(HttpServletRequest request) {
        return pages.topics(PageFrames.requestBase(request)).modelAndView();
    }

    @GetMapping(SitePages.TOPICS + "{slug}/")
    ModelAndView topic(@PathVariable String slug, HttpServletRequest request) {
        return pages.topic(slug, request.getRequestURI(), PageFrames.requestBase(request)).modelAndView();
    }
}
