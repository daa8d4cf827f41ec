package cn.dayuan.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The RFC 9457 problem details the API answers errors with. A 400 names the wrong field twice: as {@code field}
 * for clients that show one message, and in {@code errors} for clients that mark every wrong field of a form.
 */
final class ApiProblems {

    private static final URI ABOUT_BLANK = URI.create("about:blank");

    private ApiProblems() {
    }

    /** Every problem names its type, even the plain {@code about:blank}, so clients need no special case. */
    static ProblemDetail of(HttpStatusCode status, String detail) {
        return nameType(ProblemDetail.forStatusAndDetail(status, detail));
    }

    static ProblemDetail nameType(ProblemDetail problem) {
        if (problem.getType() == null) {
            problem.setType(ABOUT_BLANK);
        }
        return problem;
    }

    static ProblemDetail invalid(String field, String message) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, message);
        if (field != null) {
            problem.setProperty("field", field);
            problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        } else {
            problem.setProperty("errors", List.of(Map.of("message", message)));
        }
        return problem;
    }
}
