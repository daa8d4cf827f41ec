package cn.dayuan.portal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/** The site's own pages: about, copyright and disclaimer, and the public-service navigation ({@link SitePages}). */
@Controller
class InfoPageController {

    private final SitePages pages;

    InfoPageController(SitePages pages) {
        this.pages = pages;
    }

    @GetMapping(SitePages.ABOUT)
    ModelAndView about(HttpServletRequest request) {
        return pages.about(PageFrames.requestBase(request)).modelAndView();
    }

    @GetMapping(SitePages.COPYRIGHT)
    ModelAndView copyright(HttpServletRequest request) {
        return pages.copyright(PageFrames.requestBase(request)).modelAndView();
    }

    @GetMapping(SitePages.NAVIGATION)
    ModelAndView navigation(HttpServletRequest request) {
        return pages.navigation(PageFrames.requestBase(request)).modelAndView();
    }

    @GetMapping("/nav")
    ModelAndView navigationWithoutSlash() {
        return Redirects.permanent(SitePages.NAVIGATION);
    }
}
