package cn.dayuan.newsroom;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.view.RedirectView;

/** Post/redirect/get: after a change the browser is sent (303) to a page that shows the result. */
final class Redirects {

    private Redirects() {
    }

    static RedirectView seeOther(String path) {
        RedirectView view = new RedirectView(path, true);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        return view;
    }

    /** Back to the newsroom page the request came from, if it names one; otherwise to {@code fallback}. */
    static RedirectView back(String returnTo, String fallback) {
        boolean local = returnTo != null && (returnTo.equals("/admin") || returnTo.startsWith("/admin/"))
                && !returnTo.contains("//") && !returnTo.contains("\\") && returnTo.chars().noneMatch(c -> c < 0x20);
        return seeOther(local ? returnTo : fallback);
    }
}
