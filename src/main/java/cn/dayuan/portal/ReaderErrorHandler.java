package cn.dayuan.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.GoneException;
import cn.dayuan.system.NotFoundException;
import cn.dayuan.system.Texts;
import cn.dayuan.system.TooManyRequestsException;
import cn.dayuan.system.UnavailableException;

/** Errors raised while answering a reader: Chinese error pages (or problem details for the counters' script). */
@ControllerAdvice(basePackageClasses = ReaderErrorHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReaderErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ReaderErrorHandler.class);

    private final ErrorPages errorPages;
    private final Texts texts;

    ReaderErrorHandler(ErrorPages errorPages, Texts texts) {
        this.errorPages = errorPages;
        this.texts = texts;
    }

    @ExceptionHandler(NotFoundException.class)
    Object notFound(HttpServletRequest request) {
        return errorPages.respond(request, HttpStatus.NOT_FOUND, null);
    }

    @ExceptionHandler(GoneException.class)
    Object gone(HttpServletRequest request) {
        return errorPages.respond(request, HttpStatus.GONE, null);
    }

    @ExceptionHandler(InvalidInputException.class)
    Object invalidInput(InvalidInputException e, HttpServletRequest request) {
        return errorPages.respond(request, HttpStatus.BAD_REQUEST, texts.of(e));
    }

    @ExceptionHandler({TypeMismatchException.class, HttpMessageNotReadableException.class})
    Object badRequest(HttpServletRequest request) {
        return errorPages.respond(request, HttpStatus.BAD_REQUEST, null);
    }

    @ExceptionHandler(UnavailableException.class)
    Object unavailable(UnavailableException e, HttpServletRequest request, HttpServletResponse response) {
        log.warn("Answered 503: {} ({})", e.getMessage(), e.getCause() == null ? "" : e.getCause().getMessage());
        response.setHeader(HttpHeaders.RETRY_AFTER, "30");
        return errorPages.respond(request, HttpStatus.SERVICE_UNAVAILABLE, texts.of(e));
    }

    @ExceptionHandler(TooManyRequestsException.class)
    Object tooManyRequests(TooManyRequestsException e, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        return errorPages.respond(request, HttpStatus.TOO_MANY_REQUESTS, texts.of(e));
    }

    /** Spring's own web errors carry their status; anything else is our fault: logged, and a 500 page. */
    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse response) {
            return errorPages.respond(request, response.getStatusCode(), null);
        }
        log.error("Error while answering {} {}", request.getMethod(), request.getRequestURI(), e);
        return errorPages.respond(request, HttpStatus.INTERNAL_SERVER_ERROR, null);
    }
}
