package cn.dayuan.publish;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

import cn.dayuan.system.PageKeys;

/**
 * Serves public pages from the {@link PageCache} ahead of every other filter: a hit never reaches Spring Security
 * or Spring MVC. A miss renders through the whole chain into a buffer; the result is stored when it is a plain
 * public page (200, a text type, no cookie, at least one recorded {@link PageKeys} key) and served from what was
 * stored, so that a miss and the hits after it answer alike.
 */
final class PageCacheFilter implements Filter {

    /**
     * Addresses that are never cached: the newsroom, the API, counters, static files, error dispatches, search
     * pages (any article's change could change them; the search index answers fast enough on every request), and
     * the news sitemap (its articles leave it two days after publication, which no content change announces; one
     * indexed read of at most 1,000 rows answers it).
     */
    static final List<String> BYPASSED_PREFIXES = List.of("/admin", "/api", "/actuator", "/counter", "/assets",
            "/webjars", "/media", "/error", "/search", "/sitemap-news.xml");

    private static final List<String> CACHEABLE_TYPES = List.of("text/html", "application/xml", "text/xml",
            "application/rss+xml", "application/atom+xml", "text/plain");

    /** Headers the cache sets itself, or that belong to one response only. */
    private static final Set<String> NOT_REPLAYED = Set.of("date", "server", "connection", "keep-alive",
            "transfer-encoding", "content-length", "content-type", "content-encoding", "set-cookie", "etag",
            "last-modified", "cache-control", "pragma", "expires", "vary", "x-dayuan-cache");

    private final PageCache cache;

    PageCacheFilter(PageCache cache) {
        this.cache = cache;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            finishAsynchronous(request, response, chain);
            return;
        }
        if (!isCandidate(request)) {
            chain.doFilter(request, response);
            return;
        }
        String cacheKey = cacheKey(request);
        CachedPage cached = cache.get(cacheKey);
        if (cached != null) {
            cache.exposeKeysToExport(request, response, cached);
            if (cached.serve(request, response, CachedPage.HIT)) {
                cache.reweigh(cached);
            }
            return;
        }
        renderAndStore(request, response, chain, cacheKey);
    }

    private void renderAndStore(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                                String cacheKey) throws IOException, ServletException {
        long generation = cache.generation();
        ContentCachingResponseWrapper buffer = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, buffer);
        if (request.isAsyncStarted()) {
            return;
        }
        CachedPage page = cacheable(request, buffer, response) ? capture(request, buffer, response, cacheKey) : null;
        if (page == null) {
            buffer.copyBodyToResponse();
            return;
        }
        boolean stored = cache.store(page, generation);
        // Start from a clean response so that the headers a miss sends are exactly the ones a hit replays.
        response.reset();
        cache.exposeKeysToExport(request, response, page);
        if (page.serve(request, response, CachedPage.MISS) && stored) {
            cache.reweigh(page);
        }
    }

    static boolean isCandidate(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method) || request.getQueryString() != null) {
            return false;
        }
        return !isBypassed(pathOf(request));
    }

    static boolean isBypassed(String path) {
        for (String prefix : BYPASSED_PREFIXES) {
            if (path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/')) {
                return true;
            }
        }
        return false;
    }

    /**
     * Scheme, host and port are part of the key: pages print absolute links built from them when no site address
     * is configured.
     */
    private static String cacheKey(HttpServletRequest request) {
        return request.getScheme() + "://" + request.getServerName() + ':' + request.getServerPort()
                + request.getRequestURI();
    }

    private static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String contextPath = request.getContextPath();
        return contextPath.isEmpty() ? uri : uri.substring(contextPath.length());
    }

    private static boolean cacheable(HttpServletRequest request, ContentCachingResponseWrapper buffer,
                                     HttpServletResponse response) {
        if (buffer.getStatus() != HttpServletResponse.SC_OK || response.isCommitted()
                || !response.getHeaders("Set-Cookie").isEmpty() || PageKeys.recordedIn(request).isEmpty()) {
            return false;
        }
        String contentType = buffer.getContentType();
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return CACHEABLE_TYPES.stream().anyMatch(type::startsWith);
    }

    private static CachedPage capture(HttpServletRequest request, ContentCachingResponseWrapper buffer,
                                      HttpServletResponse response, String cacheKey) {
        List<String[]> headers = new ArrayList<>();
        StringJoiner vary = new StringJoiner(", ");
        for (String name : Set.copyOf(response.getHeaderNames())) {
            String lowerCase = name.toLowerCase(Locale.ROOT);
            for (String value : response.getHeaders(name)) {
                if (lowerCase.equals("vary")) {
                    if (!value.equalsIgnoreCase("Accept-Encoding")) {
                        vary.add(value);
                    }
                } else if (!NOT_REPLAYED.contains(lowerCase)) {
                    headers.add(new String[] {name, value});
                }
            }
        }
        vary.add("Accept-Encoding");
        return new CachedPage(cacheKey, PageKeys.recordedIn(request), buffer.getContentType(),
                buffer.getContentAsByteArray(), headers, vary.toString(), Instant.now());
    }

    /**
     * A handler that went asynchronous writes its body into the buffer during a later ASYNC dispatch; once that is
     * over, the body is passed on as it is (such pages are not cached).
     */
    private static void finishAsynchronous(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, response);
        ContentCachingResponseWrapper buffer = WebUtils.getNativeResponse(response, ContentCachingResponseWrapper.class);
        if (buffer != null && !request.isAsyncStarted()) {
            buffer.copyBodyToResponse();
        }
    }
}
