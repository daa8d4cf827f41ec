package cn.dayuan.api;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import cn.dayuan.article.ArticleService;
import cn.dayuan.system.ConflictException;
import cn.dayuan.system.ForbiddenException;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.NotFoundException;
import cn.dayuan.system.Texts;
import cn.dayuan.system.TooManyRequestsException;
import cn.dayuan.system.UnavailableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every error of the API's controllers as an RFC 9457 problem detail with a Chinese message. Scoped to this
 * package and ahead of every other advice, so the public site and the newsroom keep their HTML error pages.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /**
     * Spring MVC's own errors (bad JSON, wrong method, unknown path…) are turned into problems by Spring's handler,
     * used here as a plain object: as a bean it would replace Boot's site-wide problem handler.
     */
    private final SpringProblems spring;

    private final Texts texts;

    ApiExceptionHandler(Texts texts) {
        this.texts = texts;
        this.spring = new SpringProblems(texts);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e) {
        return answer(ApiProblems.invalid(e.field(), texts.of(e)));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return answer(ApiProblems.of(HttpStatus.NOT_FOUND, texts.of(e)));
    }

    /** A save over a newer version: the problem names the revisions saved meanwhile. */
    @ExceptionHandler(ArticleService.EditedMeanwhileException.class)
    ResponseEntity<ProblemDetail> editedMeanwhile(ArticleService.EditedMeanwhileException e) {
        ProblemDetail problem = ApiProblems.of(HttpStatus.CONFLICT, texts.of(e));
        problem.setProperty("meanwhile", e.meanwhile().stream().map(r -> Map.of("number", r.number(),
                "account", r.account(), "time", r.time().toString(), "fields", r.fields())).toList());
        return answer(problem);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return answer(ApiProblems.of(HttpStatus.CONFLICT, texts.of(e)));
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
        return answer(ApiProblems.of(HttpStatus.FORBIDDEN, texts.of(e)));
    }

    @ExceptionHandler(UnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(UnavailableException e) {
        log.warn("Answered 503: {} ({})", e.getMessage(), e.getCause() == null ? "" : e.getCause().getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30")
                .body(ApiProblems.of(HttpStatus.SERVICE_UNAVAILABLE, texts.of(e)));
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequestsException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(ApiProblems.of(HttpStatus.TOO_MANY_REQUESTS, texts.of(e)));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException e) {
        return answer(ApiProblems.of(HttpStatus.CONFLICT, texts.of("api.problem.changed-meanwhile")));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> dataConflict(DataIntegrityViolationException e) {
        log.info("API request refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
        return answer(ApiProblems.of(HttpStatus.CONFLICT, texts.of("api.problem.data-conflict")));
    }

    /** Roles checked on the endpoint say nothing useful; the services' own refusals say what is not allowed. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
        String detail = e instanceof AuthorizationDeniedException ? texts.of("api.problem.forbidden") : e.getMessage();
        return answer(ApiProblems.of(HttpStatus.FORBIDDEN, detail));
    }

    @ExceptionHandler(RequestBodyLimit.TooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(RequestBodyLimit.TooLargeException e) {
        return answer(RequestBodyLimit.problem(texts));
    }

    /** Spring MVC's errors as problems; anything else is a bug, logged with its stack trace and answered without. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<?> other(Exception e, WebRequest request) {
        ResponseEntity<Object> framework = frameworkProblem(e, request);
        if (framework != null) {
            return framework;
        }
        log.error("Unexpected error in API request {}", describe(request), e);
        return answer(ApiProblems.of(HttpStatus.INTERNAL_SERVER_ERROR, texts.of("api.problem.internal")));
    }

    /** The problem for one of Spring MVC's own exceptions, or null for any other exception. */
    ResponseEntity<Object> frameworkProblem(Exception e, WebRequest request) {
        try {
            return spring.handleException(e, request);
        } catch (Exception notFromSpringMvc) {
            return null;
        }
    }

    private static final class SpringProblems extends ResponseEntityExceptionHandler {

        private final Texts texts;

        SpringProblems(Texts texts) {
            this.texts = texts;
        }

        @Override
        protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                      HttpHeaders headers, HttpStatusCode status,
                                                                      WebRequest request) {
            if (causeOf(ex, RequestBodyLimit.TooLargeException.class) != null) {
                return plain(RequestBodyLimit.problem(texts));
            }
            JacksonException json = causeOf(ex, JacksonException.class);
            if (json instanceof MismatchedInputException mismatch && field(mismatch) != null) {
                return plain(wrongValue(texts, field(mismatch), mismatch));
            }
            if (json instanceof StreamReadException syntax) {
                TokenStreamLocation at = syntax.getLocation();
                return plain(ApiProblems.invalid(field(syntax), at == null || at.getLineNr() < 1
                        ? texts.of("api.problem.json.syntax")
                        : texts.of("api.problem.json.syntax-at", at.getLineNr(), at.getColumnNr())));
            }
            String message = ex.getMessage();
            if (json == null && message != null && message.startsWith("Required request body is missing")) {
                return plain(ApiProblems.invalid(null, texts.of("api.problem.body.missing")));
            }
            return plain(ApiProblems.invalid(json == null ? null : field(json),
                    texts.of("api.problem.body.unreadable")));
        }

        @Override
        protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                            HttpStatusCode status, WebRequest request) {
            if (ex instanceof MethodArgumentTypeMismatchException argument
                    && argument.getParameter().hasParameterAnnotation(PathVariable.class)) {
                return plain(ApiProblems.of(HttpStatus.NOT_FOUND,
                        texts.of("api.problem.path.not-a-number", describe(request))));
            }
            String field = ex.getPropertyName();
            return plain(ApiProblems.invalid(field, texts.of("api.problem.parameter.invalid", field, ex.getValue(),
                    expected(texts, ex.getRequiredType()))));
        }

        @Override
        protected ResponseEntity<Object> handleMissingServletRequestParameter(
                MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status,
                WebRequest request) {
            return plain(ApiProblems.invalid(ex.getParameterName(),
                    texts.of("api.problem.parameter.missing", ex.getParameterName())));
        }

        /** Spring's own problems (405, 415, 404 of unknown paths…) with a Chinese detail. */
        @Override
        protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                                 HttpStatusCode statusCode, WebRequest request) {
            ResponseEntity<Object> answer = super.handleExceptionInternal(ex, body, headers, statusCode, request);
            String detail = chineseDetail(texts, ex, request);
            if (answer != null && answer.getBody() instanceof ProblemDetail problem) {
                ApiProblems.nameType(problem);
                if (detail != null) {
                    problem.setDetail(detail);
                }
            }
            return answer;
        }
    }

    private static String chineseDetail(Texts texts, Exception ex, WebRequest request) {
        if (ex instanceof HttpRequestMethodNotSupportedException method) {
            return method.getSupportedMethods() == null
                    ? texts.of("api.problem.method.unsupported", describe(request), method.getMethod())
                    : texts.of("api.problem.method.unsupported-use", describe(request), method.getMethod(),
                    String.join("、", method.getSupportedMethods()));
        }
        if (ex instanceof HttpMediaTypeNotSupportedException type) {
            return type.getContentType() == null ? texts.of("api.problem.content-type.unsupported")
                    : texts.of("api.problem.content-type.unsupported-named", type.getContentType());
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException) {
            return texts.of("api.problem.not-acceptable");
        }
        if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
            return texts.of("api.problem.path.unknown", describe(request));
        }
        return null;
    }

    private static ProblemDetail wrongValue(Texts texts, String field, MismatchedInputException mismatch) {
        Class<?> target = mismatch.getTargetType();
        if (mismatch instanceof InvalidFormatException format && target != null && target.isEnum()) {
            ProblemDetail problem = ApiProblems.invalid(field, texts.of("api.problem.value.invalid", field,
                    format.getValue(), expected(texts, target)));
            problem.setProperty("allowedValues", enumNames(target));
            return problem;
        }
        return ApiProblems.invalid(field, texts.of("api.problem.value.wrong-type", field, expected(texts, target)));
    }

    /** What a value of {@code type} looks like, in words a client developer understands. */
    private static String expected(Texts texts, Class<?> type) {
        if (type == null) {
            return texts.of("api.problem.expected.any");
        }
        if (type.isEnum()) {
            return texts.of("api.problem.expected.enum", String.join("、", enumNames(type)));
        }
        if (type == String.class) {
            return texts.of("api.problem.expected.text");
        }
        if (type == Boolean.class || type == boolean.class) {
            return texts.of("api.problem.expected.boolean");
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return texts.of("api.problem.expected.integer");
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return texts.of("api.problem.expected.array");
        }
        return texts.of("api.problem.expected.object");
    }

    private static List<String> enumNames(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
    }

    /** The top-level JSON field the error is in, e.g. {@code tags} for a bad {@code tags[2]}. */
    private static String field(JacksonException e) {
        return e.getPath().stream().map(JacksonException.Reference::getPropertyName)
                .filter(name -> name != null && !name.isEmpty()).findFirst().orElse(null);
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String describe(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI()
                : request.getDescription(false);
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static ResponseEntity<Object> plain(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
