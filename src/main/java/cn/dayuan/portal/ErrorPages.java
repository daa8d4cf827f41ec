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

/**
 * Error answers in the reader's terms: a Chinese page styled like the site, or RFC 9457 problem details for
 * clients that asked for JSON and for the API. Never a stack trace.
 */
@Component
class ErrorPages {

    private final PageFrames frames;

    ErrorPages(PageFrames frames) {
        this.frames = frames;
    }

    /** The error page, or problem details when the client asked for JSON. */
    Object respond(HttpServletRequest request, HttpStatusCode status, String detail) {
        return wantsJson(request) ? problem(status, detail, request.getRequestURI()) : page(request, status, detail);
    }

    ModelAndView page(HttpServletRequest request, HttpStatusCode status, String detail) {
        Text text = Text.of(status);
        ModelAndView page = new ModelAndView("portal/error", Map.of(
                "frame", frames.error(request, text.heading()),
                "status", status.value(),
                "heading", text.heading(),
                "message", detail == null || detail.isBlank() ? text.message() : detail));
        page.setStatus(status);
        return page;
    }

    ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String detail, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                detail == null || detail.isBlank() ? Text.of(status).message() : detail);
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

    /** What a reader is told for each status. */
    private record Text(String heading, String message) {

        static Text of(HttpStatusCode status) {
            return switch (status.value()) {
                case 400 -> new Text("请求有误", "您提交的内容有误，请检查后重试。");
                case 401 -> new Text("需要登录", "请先登录后再访问。");
                case 403 -> new Text("无权访问", "您没有访问该页面的权限。");
                case 404 -> new Text("页面不存在", "您访问的页面不存在，可能已被删除、更名或暂时不可用。");
                case 405 -> new Text("不支持的请求方式", "该地址不支持这种请求方式。");
                case 410 -> new Text("文章已删除", "这篇文章已被网站删除，不再提供阅读。");
                case 413 -> new Text("内容过大", "您提交的内容超过了大小限制。");
                case 429 -> new Text("操作太频繁", "您的操作太频繁了，请稍后再试。");
                default -> status.is5xxServerError()
                        ? new Text("服务器开小差了", "服务器暂时无法处理您的请求，请稍后再试。")
                        : new Text("无法处理该请求", "您的请求无法处理，请返回首页继续浏览。");
            };
        }
    }
}
