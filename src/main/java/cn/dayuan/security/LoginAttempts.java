package cn.dayuan.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.dayuan.account.AccountService;
import cn.dayuan.system.AuditEvent;
import cn.dayuan.system.RateLimiter;
import cn.dayuan.system.Texts;

/**
 * Slows password guessing: each client address gets a few login attempts a minute, counted on every node of a
 * cluster together. The newsroom's login form takes a try per post; the API's HTTP Basic and bearer tokens take
 * one per refused credential (a client with the right password calls as often as it likes), and an address whose
 * tries are used up is refused at both doors, even with the right password, until its tries come back.
 */
@Component
class LoginAttempts {

    static final int ATTEMPTS_PER_MINUTE = 10;
    static final RateLimiter.Limit LIMIT = new RateLimiter.Limit("login", ATTEMPTS_PER_MINUTE, Duration.ofMinutes(1));

    private final AccountService accounts;
    private final RateLimiter limiter;
    private final ApplicationEventPublisher events;
    private final Texts texts;

    LoginAttempts(AccountService accounts, RateLimiter limiter, ApplicationEventPublisher events, Texts texts) {
        this.texts = texts;
        this.accounts = accounts;
        this.limiter = limiter;
        this.events = events;
    }

    Filter filter(String loginPath) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            jakarta.servlet.FilterChain chain)
                    throws jakarta.servlet.ServletException, IOException {
                RateLimiter.Verdict verdict = "POST".equals(request.getMethod())
                        && loginPath.equals(request.getServletPath())
                        ? limiter.take(LIMIT, request.getRemoteAddr()) : RateLimiter.Verdict.ALLOWED;
                if (!verdict.allowed()) {
                    response.setStatus(429);
                    response.setHeader("Retry-After", Long.toString(verdict.retryAfterSeconds()));
                    response.setContentType("text/html;charset=UTF-8");
                    response.getWriter().write("<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\">"
                            + "<title>" + texts.of("security.login.too-often.title") + "</title><p>"
                            + texts.of("security.login.too-often.page", verdict.retryAfterSeconds())
                            + "</p><p><a href=\"" + loginPath + "\">" + texts.of("security.login.back")
                            + "</a></p></html>");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** For the API's filter chain, ahead of its authentication: answers 429 while the address's tries are used up. */
    Filter apiFilter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            jakarta.servlet.FilterChain chain)
                    throws jakarta.servlet.ServletException, IOException {
                if (request.getHeader("Authorization") == null) {
                    chain.doFilter(request, response);
                    return;
                }
                RateLimiter.Verdict verdict = limiter.peek(LIMIT, request.getRemoteAddr());
                if (!verdict.allowed()) {
                    response.setHeader("Retry-After", Long.toString(verdict.retryAfterSeconds()));
                    ProblemAuthenticationEntryPoint.write(response, HttpStatus.TOO_MANY_REQUESTS,
                            texts.of("security.login.too-often", verdict.retryAfterSeconds()), request);
                    return;
                }
                chain.doFilter(request, response);
                if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
                    limiter.take(LIMIT, request.getRemoteAddr());
                    failed("api", basicUsername(request.getHeader("Authorization")));
                }
            }
        };
    }

    AuthenticationSuccessHandler successHandler(String defaultUrl) {
        SavedRequestAwareAuthenticationSuccessHandler delegate = new SavedRequestAwareAuthenticationSuccessHandler();
        delegate.setDefaultTargetUrl(defaultUrl);
        return (request, response, authentication) -> {
            accounts.recordLogin(authentication.getName());
            delegate.onAuthenticationSuccess(request, response, authentication);
        };
    }

    AuthenticationFailureHandler failureHandler(String failureUrl) {
        SimpleUrlAuthenticationFailureHandler delegate = new SimpleUrlAuthenticationFailureHandler(failureUrl);
        return (request, response, exception) -> {
            failed("newsroom", request.getParameter("username"));
            delegate.onAuthenticationFailure(request, response, exception);
        };
    }

    /** A refused sign-in, in the audit log under the name that was tried (unknown for a bad token). */
    private void failed(String door, String triedUsername) {
        String actor = triedUsername == null || triedUsername.isBlank() ? "(unknown)" : triedUsername.trim();
        events.publishEvent(AuditEvent.of(actor, "login.failed", "login:" + door));
    }

    private static String basicUsername(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
