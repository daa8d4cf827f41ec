package cn.dayuan.portal;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** Permanent redirects to a page's one canonical address. */
final class Redirects {

    private Redirects() {
    }

    static ModelAndView permanent(String sitePath) {
        RedirectView view = new RedirectView(sitePath);
        view.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
        view.setExposeModelAttributes(false);
        return new ModelAndView(view);
    }
}
