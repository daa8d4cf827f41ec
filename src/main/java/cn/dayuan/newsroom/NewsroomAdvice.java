package cn.dayuan.newsroom;

import java.security.Principal;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

import cn.dayuan.account.Account;
import cn.dayuan.account.AccountService;
import cn.dayuan.account.Role;
import cn.dayuan.site.SiteService;
import cn.dayuan.system.ConflictException;
import cn.dayuan.system.DayuanProperties;
import cn.dayuan.system.ForbiddenException;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.NotFoundException;
import cn.dayuan.system.Texts;

/**
 * The newsroom's frame and error pages: every newsroom view gets the {@link Shell}, and every failure becomes a
 * page in the newsroom's style with a readable Chinese message, never a stack trace.
 */
@ControllerAdvice(basePackageClasses = NewsroomAdvice.class)
// ahead of Boot's problem-details advice, which would answer newsroom users with JSON
@Order(Ordered.HIGHEST_PRECEDENCE)
class NewsroomAdvice {

    private static final Logger log = LoggerFactory.getLogger(NewsroomAdvice.class);

    private final AccountService accounts;
    private final SiteService site;
    private final DayuanProperties properties;
    private final Texts texts;

    NewsroomAdvice(AccountService accounts, SiteService site, DayuanProperties properties, Texts texts) {
        this.accounts = accounts;
        this.site = site;
        this.properties = properties;
        this.texts = texts;
    }

    @ModelAttribute("shell")
    Shell shell(HttpServletRequest request) {
        Notice notice = null;
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
        if (flash != null && flash.get(Notice.FLASH) instanceof Notice n) {
            notice = n;
        }
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String csrfParameter = csrf == null ? "_csrf" : csrf.getParameterName();
        String csrfToken = csrf == null ? "" : csrf.getToken();
        String siteName = site.settings().shortName();
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            return new Shell(null, null, null, false, false, csrfParameter, csrfToken, notice, siteName,
                    properties.timeZone());
        }
        String username = principal.getName();
        Account account = accounts.findByUsername(username).orElse(null);
        Role role = account == null ? Role.AUTHOR : account.getRole();
        String displayName = account == null ? username : account.getDisplayName();
        return new Shell(username, displayName, role.label(), role.includes(Role.EDITOR), role == Role.ADMIN,
                csrfParameter, csrfToken, notice, siteName, properties.timeZone());
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e, HttpServletRequest request) {
        return errorPage(request, HttpStatus.NOT_FOUND, texts.of("newsroom.error.not-found"), texts.of(e));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden(AccessDeniedException e, HttpServletRequest request) {
        return errorPage(request, HttpStatus.FORBIDDEN, texts.of("newsroom.error.forbidden"),
                chineseOr(e.getMessage(), texts.of("newsroom.error.forbidden.action")));
    }

    @ExceptionHandler(ForbiddenException.class)
    ModelAndView forbidden(ForbiddenException e, HttpServletRequest request) {
        return errorPage(request, HttpStatus.FORBIDDEN, texts.of("newsroom.error.forbidden"), texts.of(e));
    }

    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalidInput(InvalidInputException e, HttpServletRequest request) {
        return errorPage(request, HttpStatus.BAD_REQUEST, texts.of("newsroom.error.invalid"), texts.of(e));
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException e, HttpServletRequest request) {
        return errorPage(request, HttpStatus.CONFLICT, texts.of("newsroom.error.conflict"), texts.of(e));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ModelAndView editedMeanwhile(HttpServletRequest request) {
        return errorPage(request, HttpStatus.CONFLICT, texts.of("newsroom.error.conflict"),
                texts.of("newsroom.error.changed-meanwhile"));
    }

    @ExceptionHandler({TypeMismatchException.class, ServletRequestBindingException.class, BindException.class,
            HttpMessageNotReadableException.class})
    ModelAndView badRequest(HttpServletRequest request) {
        return errorPage(request, HttpStatus.BAD_REQUEST, texts.of("newsroom.error.invalid"),
                texts.of("newsroom.error.bad-request"));
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse response) {
            HttpStatusCode status = response.getStatusCode();
            return errorPage(request, status, texts.of("newsroom.error.unprocessable"),
                    texts.of("newsroom.error.unprocessable.status", status.value()));
        }
        log.error("Newsroom request {} {} failed", request.getMethod(), request.getRequestURI(), e);
        return errorPage(request, HttpStatus.INTERNAL_SERVER_ERROR, texts.of("newsroom.error.internal"),
                texts.of("newsroom.error.internal.detail"));
    }

    ModelAndView errorPage(HttpServletRequest request, HttpStatusCode status, String heading, String message) {
        ModelAndView page = new ModelAndView("newsroom/error");
        page.setStatus(status);
        page.addObject("shell", shell(request));
        page.addObject("status", status.value());
        page.addObject("heading", heading);
        page.addObject("message", message);
        return page;
    }

    /** Spring's own messages are English ("Access Denied"); readers of the newsroom get Chinese ones. */
    private static String chineseOr(String message, String fallback) {
        return message != null && message.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                == Character.UnicodeScript.HAN) ? message : fallback;
    }
}
