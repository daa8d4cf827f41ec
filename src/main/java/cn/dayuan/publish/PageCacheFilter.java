package cn.dayuan.publish;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

import cn.dayuan.system.PageKeys;

/**
 * Serves public pages from the {@link PageCache} ahead of every other filter: a hit never reaches Spring Security
 * or Spring MVC. A miss renders through the whole chain into a buffer; the result is stored when it is a plain
 * public answer (200 or 404 of a text type, or 301; no cookie; at least one recorded {@link PageKeys} key) and
 * served from what was stored, so that a miss and the hits after it answer alike. Concurrent misses of one page
 * render once: the others wait for that rendering and are answered from it. An address whose query string holds
 * only tracking parameters ({@code dayuan.tracking-parameters}) is the address without them.
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

    /** Counted by result: {@code hit}, {@code shared} and {@code miss} (each miss is one rendering). */
    static final String METRIC = "dayuan.page.cache.requests";

    /** How long a request waits for another request's rendering of the same page before it renders itself. */
    static final Duration SHARED_RENDER_WAIT = Duration.ofSeconds(10);

    private final PageCache cache;
    private final Set<String> trackingParameters;
    /** Renderings in flight by cache key: concurrent misses of one page wait for the first one's rendering. */
    private final ConcurrentHashMap<String, CompletableFuture<CachedPage>> renderings = new ConcurrentHashMap<>();
    /** Requests waiting for another request's rendering now. */
    private final AtomicInteger waiting = new AtomicInteger();
    private final Counter hits;
    private final Counter shared;
    private final Counter misses;

    PageCacheFilter(PageCache cache, Collection<String> trackingParameters, MeterRegistry meters) {
        this.cache = cache;
        this.trackingParameters = Set.copyOf(trackingParameters);
        this.hits = requests(meters, "hit", "answered from the cache");
        this.shared = requests(meters, "shared", "answered from another request's rendering it waited for");
        this.misses = requests(meters, "miss", "rendered");
    }

    private static Counter requests(MeterRegistry meters, String result, String description) {
        return Counter.builder(METRIC).tag("result", result)
                .description("Requests for cacheable public pages " + description).register(meters);
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
        // A shared link's tracking parameters are invisible to the page: it renders as the address without them.
        HttpServletRequest page = request.getQueryString() == null ? request : new WithoutQuery(request);
        String cacheKey = cacheKey(request);
        CachedPage cached = cache.get(cacheKey);
        if (cached != null) {
            if (answers(cached, request)) {
                serve(request, response, cached, hits);
            } else {
                chain.doFilter(page, response);
            }
            return;
        }
        CompletableFuture<CachedPage> mine = new CompletableFuture<>();
        CompletableFuture<CachedPage> first = renderings.putIfAbsent(cacheKey, mine);
        if (first != null) {
            CachedPage rendered = await(first);
            // still the cached page: an eviction since it was stored has the waiter render anew
            if (rendered != null && cache.get(cacheKey) == rendered && answers(rendered, request)) {
                serve(request, response, rendered, shared);
            } else {
                renderAndStore(page, response, chain, cacheKey, null);
            }
            return;
        }
        try {
            renderAndStore(page, response, chain, cacheKey, mine);
        } finally {
            release(cacheKey, mine, null);
        }
    }

    /**
     * Hands the waiters of a rendering what it stored, or {@code null} when nothing was (not cacheable, stale,
     * failed): they render themselves then. Only the first call counts.
     */
    private void release(String cacheKey, CompletableFuture<CachedPage> rendering, CachedPage stored) {
        if (rendering != null) {
            rendering.complete(stored);
            renderings.remove(cacheKey, rendering);
        }
    }

    private void serve(HttpServletRequest request, HttpServletResponse response, CachedPage page, Counter counter)
            throws IOException {
        counter.increment();
        cache.exposeKeysToExport(request, response, page);
        if (page.serve(request, response, CachedPage.HIT)) {
            cache.reweigh(page);
        }
    }

    /** A client asking for JSON gets problem details for a 404, not the cached error page. */
    private static boolean answers(CachedPage page, HttpServletRequest request) {
        if (page.status == HttpServletResponse.SC_OK) {
            return true;
        }
        String accept = request.getHeader("Accept");
        return accept == null || !accept.toLowerCase(Locale.ROOT).contains("json");
    }

    private CachedPage await(CompletableFuture<CachedPage> rendering) {
        waiting.incrementAndGet();
        try {
            return rendering.get(SHARED_RENDER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        } finally {
            waiting.decrementAndGet();
        }
    }

    int renderingsInFlight() {
        return renderings.size();
    }

    int waiting() {
        return waiting.get();
    }

    /**
     * Renders the page, stores it when it may be, and answers from it. The waiters of {@code rendering} (if this
     * request leads one) are released as soon as the page is stored, before this answer is written.
     */
    private void renderAndStore(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                                String cacheKey, CompletableFuture<CachedPage> rendering)
            throws IOException, ServletException {
        misses.increment();
        long renderStart = cache.beginRender();
        try {
            ContentCachingResponseWrapper buffer = new ContentCachingResponseWrapper(response);
            Set<String> keys;
            try (PageKeys.Recording recording = PageKeys.start()) {
                chain.doFilter(request, buffer);
                keys = recording.keys();
            }
            if (request.isAsyncStarted()) {
                return;
            }
            CachedPage page = cacheable(keys, buffer, response) ? capture(keys, buffer, response, cacheKey) : null;
            if (page == null) {
                release(cacheKey, rendering, null);
                buffer.copyBodyToResponse();
                return;
            }
            boolean stored = cache.store(page, renderStart);
            release(cacheKey, rendering, stored ? page : null);
            // Start from a clean response so that the headers a miss sends are exactly the ones a hit replays.
            response.reset();
            cache.exposeKeysToExport(request, response, page);
            if (page.serve(request, response, CachedPage.MISS) && stored) {
                cache.reweigh(page);
            }
        } finally {
            cache.endRender(renderStart);
        }
    }

    /**
     * GET and HEAD of a public address, without a query string or with tracking parameters only (any other
     * parameter may change the page, and an unknown one must not fill the cache with copies).
     */
    boolean isCandidate(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return false;
        }
        String query = request.getQueryString();
        return (query == null || onlyTracking(query)) && !isBypassed(pathOf(request));
    }

    boolean onlyTracking(String query) {
        int start = 0;
        int length = query.length();
        while (start <= length) {
            int end = query.indexOf('&', start);
            if (end < 0) {
                end = length;
            }
            int equals = query.indexOf('=', start);
            int nameEnd = equals >= 0 && equals < end ? equals : end;
            if (nameEnd > start && !trackingParameters.contains(query.substring(start, nameEnd))) {
                return false;
            }
            start = end + 1;
        }
        return true;
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

    private static boolean cacheable(Set<String> keys, ContentCachingResponseWrapper buffer,
                                     HttpServletResponse response) {
        int status = buffer.getStatus();
        if (status != HttpServletResponse.SC_OK && status != HttpServletResponse.SC_NOT_FOUND
                && status != HttpServletResponse.SC_MOVED_PERMANENTLY || response.isCommitted()
                || !response.getHeaders("Set-Cookie").isEmpty() || keys.isEmpty()) {
            return false;
        }
        String contentType = buffer.getContentType();
        if (status == HttpServletResponse.SC_MOVED_PERMANENTLY) {
            return response.getHeader("Location") != null && buffer.getContentSize() == 0;
        }
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return CACHEABLE_TYPES.stream().anyMatch(type::startsWith);
    }

    private static CachedPage capture(Set<String> recorded, ContentCachingResponseWrapper buffer,
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
        int status = buffer.getStatus();
        Set<String> keys = recorded;
        if (status != HttpServletResponse.SC_OK) {
            keys = new HashSet<>(keys);
            keys.add(PageCache.ADDRESSES);
        }
        return new CachedPage(cacheKey, status, keys, buffer.getContentType(), buffer.getContentAsByteArray(), headers,
                vary.toString(), Instant.now());
    }

    /** The request as the page sees it when its query string holds tracking parameters only: without them. */
    private static final class WithoutQuery extends HttpServletRequestWrapper {

        WithoutQuery(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getQueryString() {
            return null;
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }
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
