package cn.dayuan.portal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Where the servlet container sends every error it did not answer itself ({@code /error}): problem details
 * (RFC 9457) for requests to the API, the site's Chinese error page for everything else. Replaces Boot's
 * whitelabel page.
 */
@Controller
class SiteErrorController implements ErrorController {

    private final ErrorPages errorPages;

    SiteErrorController(ErrorPages errorPages) {
        this.errorPages = errorPages;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Asked for directly, /error is just an address that holds no page.
        HttpStatusCode status = code instanceof Integer value ? HttpStatusCode.valueOf(value) : HttpStatus.NOT_FOUND;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String value ? value : request.getRequestURI();
        if (path.startsWith("/api/")) {
            return errorPages.problem(status, null, path);
        }
        return errorPages.page(request, status, null);
    }
}
