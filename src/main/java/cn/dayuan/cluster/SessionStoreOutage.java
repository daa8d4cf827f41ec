package cn.dayuan.cluster;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import io.lettuce.core.RedisException;

import cn.dayuan.system.Texts;

/**
 * In a cluster the newsroom's sessions live in Redis. While Redis cannot be reached, a newsroom request answers
 * 503 with a page that says so, instead of an error: the public site is not affected (its pages need no session),
 * and the editor knows to wait rather than retry a form.
 */
class SessionStoreOutage extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionStoreOutage.class);

    private final Texts texts;

    SessionStoreOutage(Texts texts) {
        this.texts = texts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            if (!causedByRedis(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Newsroom request {} refused: the session store (Redis) cannot be reached ({})",
                    request.getRequestURI(), e.getMessage());
            response.reset();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "30");
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\">"
                    + "<title>" + texts.of("cluster.sessions.unavailable") + "</title><h1>"
                    + texts.of("cluster.sessions.unavailable") + "</h1><p>"
                    + texts.of("cluster.sessions.unavailable.detail") + "</p><p><a href=\"/admin/login\">"
                    + texts.of("cluster.sessions.retry") + "</a></p></html>");
        }
    }

    private static boolean causedByRedis(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RedisException
                    || cause.getClass().getName().startsWith("org.springframework.data.redis.")) {
                return true;
            }
        }
        return false;
    }
}
