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
    private final SpringProblems spring = new SpringProblems();

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInputException e) {
        return answer(ApiProblems.invalid(e.field(), e.getMessage()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return answer(ApiProblems.of(HttpStatus.NOT_FOUND, e.getMessage()));
    }

    /** A save over a newer version: the problem names the revisions saved meanwhile. */
    @ExceptionHandler(ArticleService.EditedMeanwhileException.class)
    ResponseEntity<ProblemDetail> editedMeanwhile(ArticleService.EditedMeanwhileException e) {
        ProblemDetail problem = ApiProblems.of(HttpStatus.CONFLICT, e.getMessage());
        problem.setProperty("meanwhile", e.meanwhile().stream().map(r -> Map.of("number", r.number(),
                "account", r.account(), "time", r.time().toString(), "fields", r.fields())).toList());
        return answer(problem);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        return answer(ApiProblems.of(HttpStatus.CONFLICT, e.getMessage()));
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
        return answer(ApiProblems.of(HttpStatus.FORBIDDEN, e.getMessage()));
    }

    @ExceptionHandler(UnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(UnavailableException e) {
        log.warn("Answered 503: {} ({})", e.getMessage(), e.getCause() == null ? "" : e.getCause().getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30")
                .body(ApiProblems.of(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequestsException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(ApiProblems.of(HttpStatus.TOO_MANY_REQUESTS, e.getMessage()));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException e) {
        return answer(ApiProblems.of(HttpStatus.CONFLICT, "内容刚被其他人修改过，请重新读取后再提交"));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> dataConflict(DataIntegrityViolationException e) {
        log.info("API request refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
        return answer(ApiProblems.of(HttpStatus.CONFLICT,
                "与已保存的数据冲突（名称或地址可能已被占用），请检查后重试"));
    }

    /** Roles checked on the endpoint say nothing useful; the services' own refusals say what is not allowed. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
        String detail = e instanceof AuthorizationDeniedException ? "当前账号无权执行此操作" : e.getMessage();
        return answer(ApiProblems.of(HttpStatus.FORBIDDEN, detail));
    }

    @ExceptionHandler(RequestBodyLimit.TooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(RequestBodyLimit.TooLargeException e) {
        return answer(RequestBodyLimit.problem());
    }

    /** Spring MVC's errors as problems; anything else is a bug, logged with its stack trace and answered without. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<?> other(Exception e, WebRequest request) {
        ResponseEntity<Object> framework = frameworkProblem(e, request);
        if (framework != null) {
            return framework;
        }
        log.error("Unexpected error in API request {}", describe(request), e);
        return answer(ApiProblems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "服务器内部错误，请稍后重试；如果问题持续，请联系站长"));
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

        @Override
        protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                      HttpHeaders headers, HttpStatusCode status,
                                                                      WebRequest request) {
            if (causeOf(ex, RequestBodyLimit.TooLargeException.class) != null) {
                return plain(RequestBodyLimit.problem());
            }
            JacksonException json = causeOf(ex, JacksonException.class);
            if (json instanceof MismatchedInputException mismatch && field(mismatch) != null) {
                return plain(wrongValue(field(mismatch), mismatch));
            }
            if (json instanceof StreamReadException syntax) {
                TokenStreamLocation at = syntax.getLocation();
                String where = at == null || at.getLineNr() < 1 ? ""
                        : "（第 " + at.getLineNr() + " 行第 " + at.getColumnNr() + " 列附近）";
                return plain(ApiProblems.invalid(field(syntax),
                        "请求体不是有效的 JSON" + where + "，请检查引号、逗号和括号"));
            }
            String message = ex.getMessage();
            if (json == null && message != null && message.startsWith("Required request body is missing")) {
                return plain(ApiProblems.invalid(null,
                        "缺少请求体：请以 JSON 发送内容（Content-Type: application/json）"));
            }
            return plain(ApiProblems.invalid(json == null ? null : field(json),
                    "无法读取请求体：须是符合接口说明的 JSON"));
        }

        @Override
        protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                            HttpStatusCode status, WebRequest request) {
            if (ex instanceof MethodArgumentTypeMismatchException argument
                    && argument.getParameter().hasParameterAnnotation(PathVariable.class)) {
                return plain(ApiProblems.of(HttpStatus.NOT_FOUND,
                        "找不到 " + describe(request) + "：编号须是数字"));
            }
            String field = ex.getPropertyName();
            return plain(ApiProblems.invalid(field,
                    "参数 " + field + " 的值「" + ex.getValue() + "」无效，" + expected(ex.getRequiredType())));
        }

        @Override
        protected ResponseEntity<Object> handleMissingServletRequestParameter(
                MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status,
                WebRequest request) {
            return plain(ApiProblems.invalid(ex.getParameterName(), "缺少参数 " + ex.getParameterName()));
        }

        /** Spring's own problems (405, 415, 404 of unknown paths…) with a Chinese detail. */
        @Override
        protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                                 HttpStatusCode statusCode, WebRequest request) {
            ResponseEntity<Object> answer = super.handleExceptionInternal(ex, body, headers, statusCode, request);
            String detail = chineseDetail(ex, request);
            if (answer != null && answer.getBody() instanceof ProblemDetail problem) {
                ApiProblems.nameType(problem);
                if (detail != null) {
                    problem.setDetail(detail);
                }
            }
            return answer;
        }
    }

    private static String chineseDetail(Exception ex, WebRequest request) {
        if (ex instanceof HttpRequestMethodNotSupportedException method) {
            return "接口 " + describe(request) + " 不支持 " + method.getMethod() + " 请求"
                    + (method.getSupportedMethods() == null ? ""
                    : "，可用的方法：" + String.join("、", method.getSupportedMethods()));
        }
        if (ex instanceof HttpMediaTypeNotSupportedException type) {
            return "不支持的内容类型" + (type.getContentType() == null ? "" : " " + type.getContentType())
                    + "：请以 JSON 发送（Content-Type: application/json）";
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException) {
            return "接口只能返回 JSON（application/json 或 application/problem+json）";
        }
        if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
            return "接口不存在：" + describe(request);
        }
        return null;
    }

    private static ProblemDetail wrongValue(String field, MismatchedInputException mismatch) {
        Class<?> target = mismatch.getTargetType();
        if (mismatch instanceof InvalidFormatException format && target != null && target.isEnum()) {
            ProblemDetail problem = ApiProblems.invalid(field, field + " 的值「" + format.getValue() + "」无效，"
                    + expected(target));
            problem.setProperty("allowedValues", enumNames(target));
            return problem;
        }
        return ApiProblems.invalid(field, field + " 的值类型不正确，" + expected(target));
    }

    /** What a value of {@code type} looks like, in words a client developer understands. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "请对照接口说明检查";
        }
        if (type.isEnum()) {
            return "可选值：" + String.join("、", enumNames(type));
        }
        if (type == String.class) {
            return "应为文本（字符串）";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "应为 true 或 false";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "应为整数";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "应为数组，例如 [\"行动\",\"清零\"]";
        }
        return "应为 JSON 对象";
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
