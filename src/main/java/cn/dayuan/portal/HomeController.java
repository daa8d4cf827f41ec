package cn.dayuan.portal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/** The home page, as {@link SitePages#home} builds it. */
@Controller
class HomeController {

    private final SitePages pages;

    HomeController(SitePages pages) {
        this.pages = pages;
    }

    @GetMapping(SitePages.HOME)
    ModelAndView home(HttpServletRequest request) {
        return pages.home(PageFrames.requestBase(request)).modelAndView();
    }
}
