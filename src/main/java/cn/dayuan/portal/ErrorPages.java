package cn.dayuan.portal;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

import cn.dayuan.system.Texts;

/**
 * Error answers in the reader's terms: a Chinese page styled like the site, or RFC 9457 problem details for
 * clients that asked for JSON and for the API. Never a stack trace.
 */
@Component
class ErrorPages {

    private final PageFrames frames;
    private final Texts texts;

    ErrorPages(PageFrames frames, Texts texts) {
        this.frames = frames;
        this.texts = texts;
    }

    /** The error page, or problem details when the client asked for JSON. */
    Object respond(HttpServletRequest request, HttpStatusCode status, String detail) {
        return wantsJson(request) ? problem(status, detail, request.getRequestURI()) : page(request, status, detail);
    }

    ModelAndView page(HttpServletRequest request, HttpStatusCode status, String detail) {
        PortalPages.View view = view(PageFrames.requestBase(request), status, detail);
        ModelAndView page = view.modelAndView();
        page.setStatus(status);
        return page;
    }

    /** The error page, built without a request ({@code requestBase}: the address the site was reached at). */
    PortalPages.View view(String requestBase, HttpStatusCode status, String detail) {
        Text text = Text.of(status);
        String heading = texts.of(text.heading());
        return new PortalPages.View("portal/error", Map.of(
                "frame", frames.error(requestBase, heading),
                "status", status.value(),
                "heading", heading,
                "message", detail == null || detail.isBlank() ? texts.of(text.message()) : detail));
    }

    ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String detail, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                detail == null || detail.isBlank() ? texts.of(Text.of(status).message()) : detail);
        problem.setType(URI.create("about:blank"));
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
        problem.setInstance(URI.create(instance == null ? "/" : encodeForUri(instance)));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** True when the Accept header names JSON explicitly (a wildcard does not count). */
    static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            return types.stream().anyMatch(type -> !type.isWildcardType() && !type.isWildcardSubtype()
                    && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json")));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static String encodeForUri(String path) {
        try {
            return URI.create(path).toString();
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }

    /** The keys of what a reader is told for each status. */
    private record Text(String heading, String message) {

        static Text of(HttpStatusCode status) {
            return switch (status.value()) {
                case 400 -> new Text("portal.error.bad-request", "portal.error.bad-request.detail");
                case 401 -> new Text("portal.error.unauthorized", "portal.error.unauthorized.detail");
                case 403 -> new Text("portal.error.forbidden", "portal.error.forbidden.detail");
                case 404 -> new Text("portal.error.not-found", "portal.error.not-found.detail");
                case 405 -> new Text("portal.error.method", "portal.error.method.detail");
                case 410 -> new Text("portal.error.gone", "portal.error.gone.detail");
                case 413 -> new Text("portal.error.too-large", "portal.error.too-large.detail");
                case 429 -> new Text("portal.error.too-often", "portal.error.too-often.detail");
                default -> status.is5xxServerError()
                        ? new Text("portal.error.server", "portal.error.server.detail")
                        : new Text("portal.error.other", "portal.error.other.detail");
            };
        }
    }
}
