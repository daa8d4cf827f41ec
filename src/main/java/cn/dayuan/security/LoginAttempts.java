package cn.dayuan.security;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.dayuan.account.AccountService;

/** Slows password guessing: each client address gets a few login attempts a minute. */
@Component
class LoginAttempts {

    static final int ATTEMPTS_PER_MINUTE = 10;

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(10, TimeUnit.MINUTES).maximumSize(100_000).build();
    private final AccountService accounts;

    LoginAttempts(AccountService accounts) {
        this.accounts = accounts;
    }

    Filter filter(String loginPath) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            jakarta.servlet.FilterChain chain)
                    throws jakarta.servlet.ServletException, IOException {
                if ("POST".equals(request.getMethod()) && loginPath.equals(request.getServletPath())
                        && !bucketFor(request.getRemoteAddr()).tryConsume(1)) {
                    response.setStatus(429);
                    response.setHeader("Retry-After", "60");
                    response.setContentType("text/html;charset=UTF-8");
                    response.getWriter().write("<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\">"
                            + "<title>登录尝试过于频繁</title><p>登录尝试过于频繁，请一分钟后再试。</p>"
                            + "<p><a href=\"" + loginPath + "\">返回登录页</a></p></html>");
                    return;
                }
                chain.doFilter(request, response);
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
        return new SimpleUrlAuthenticationFailureHandler(failureUrl);
    }

    private Bucket bucketFor(String address) {
        return buckets.get(address, a -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(ATTEMPTS_PER_MINUTE)
                        .refillGreedy(ATTEMPTS_PER_MINUTE, Duration.ofMinutes(1)).build())
                .build());
    }
}
