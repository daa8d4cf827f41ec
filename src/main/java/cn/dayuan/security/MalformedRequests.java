package cn.dayuan.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A query string or form body that cannot be decoded ({@code ?q=%FF}, {@code a=%zz}) is the client's mistake: 400,
 * answered by the error page of the half it was sent to (problem details under {@code /api/}). The servlet container
 * decodes parameters only when someone first asks for one, and then throws wherever that happens (a controller, a
 * security filter), which would be a 500; so they are decoded here once, ahead of everything but the page cache.
 * Requests without a query string or form body, every page cache hit among them, pass untouched. The form body
 * of a PUT, PATCH or DELETE is decoded later by Spring's {@code FormContentFilter}; its failure is answered here too.
 */
@Configuration(proxyBeanMethods = false)
class MalformedRequests {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> malformedRequestFilter() {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                if (request.getQueryString() != null || isForm(request.getContentType())) {
                    try {
                        request.getParameterMap();
                    } catch (RuntimeException undecodable) {
                        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                        return;
                    }
                }
                try {
                    chain.doFilter(request, response);
                } catch (HttpMessageNotReadableException undecodableForm) {
                    // Spring's FormContentFilter decodes the form bodies of PUT, PATCH and DELETE itself
                    if (response.isCommitted()) {
                        throw undecodableForm;
                    }
                    response.resetBuffer();
                    response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                }
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("malformedRequestFilter");
        // after the page cache (which answers only requests without a query), before Spring Security
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/*");
        return registration;
    }

    private static boolean isForm(String contentType) {
        return contentType != null && contentType.regionMatches(true, 0, "application/x-www-form-urlencoded", 0,
                "application/x-www-form-urlencoded".length());
    }
}
