package cn.dayuan.publish;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;

import cn.dayuan.system.ContentChangedEvent;
import cn.dayuan.system.DayuanProperties;

/**
 * Rendered public pages in memory, bounded by bytes, with the index that answers "which pages show this content"
 * (from the {@link cn.dayuan.system.PageKeys} each page recorded while it rendered).
 *
 * <p>Consistency rules: the index only ever holds pages that are in the cache or on their way in or out (Caffeine
 * tells us about every removal, whatever its cause); and a page whose rendering began before an eviction finished
 * is never stored, because it may have read content from before the change. {@link #evict} is the one entry point
 * for invalidation, so that a message from another node can call it the same way a local commit does.
 */
@Component
public class PageCache {

    /**
     * A request header the static export sends with {@link #exportToken()}; the answer then names the page's keys
     * in {@link #PAGE_KEYS_HEADER}, so the export knows which changes touch which files. Readers never see them.
     */
    static final String EXPORT_HEADER = "X-Dayuan-Export";
    static final String PAGE_KEYS_HEADER = "X-Dayuan-Page-Keys";
    /** Keeps the header well below the server's 8 KB limit for all response headers. */
    private static final int MAX_EXPOSED_KEYS = 150;
    /** Secret to this process: only its own exporter can ask for page keys. */
    private final String exportToken = UUID.randomUUID().toString();

    private final Cache<String, CachedPage> pages;
    /** PageKey → the pages that recorded it. Each set is only touched inside the map's per-key lock. */
    private final ConcurrentHashMap<String, Set<CachedPage>> pagesByKey = new ConcurrentHashMap<>();
    /** Moves on every eviction; a rendering that saw another value at its start is not stored. */
    private final AtomicLong generation = new AtomicLong();

    PageCache(DayuanProperties properties) {
        this.pages = Caffeine.newBuilder()
                .maximumWeight(properties.pageCacheSize().toBytes())
                .weigher((String key, CachedPage page) -> page.weight())
                // Run removal notifications on the thread that caused them, so the index is current on return.
                .executor(Runnable::run)
                .removalListener((String key, CachedPage page, RemovalCause cause) -> {
                    if (page != null) {
                        unindex(page);
                    }
                })
                .build();
    }

    String exportToken() {
        return exportToken;
    }

    /**
     * Names {@code page}'s keys in the answer when the static export of this process asks for them, unless they are
     * too many for a header (the sitemap shows every article): the export then asks for that page every time.
     */
    void exposeKeysToExport(HttpServletRequest request, HttpServletResponse response, CachedPage page) {
        if (exportToken.equals(request.getHeader(EXPORT_HEADER)) && page.pageKeys.size() <= MAX_EXPOSED_KEYS) {
            response.setHeader(PAGE_KEYS_HEADER, page.pageKeys.stream()
                    .map(key -> URLEncoder.encode(key, StandardCharsets.UTF_8)).collect(Collectors.joining(" ")));
        }
    }

    static Set<String> parseKeys(String header) {
        return Arrays.stream(header.split(" ")).filter(key -> !key.isEmpty())
                .map(key -> URLDecoder.decode(key, StandardCharsets.UTF_8)).collect(Collectors.toUnmodifiableSet());
    }

    CachedPage get(String cacheKey) {
        return pages.getIfPresent(cacheKey);
    }

    /** Taken before a page starts rendering and handed back to {@link #store}. */
    long generation() {
        return generation.get();
    }

    /**
     * Stores a freshly rendered page unless content changed while it rendered.
     *
     * @return whether the page is now cached
     */
    boolean store(CachedPage page, long generationAtRenderStart) {
        if (generation.get() != generationAtRenderStart) {
            return false;
        }
        for (String key : page.pageKeys) {
            pagesByKey.compute(key, (k, set) -> {
                Set<CachedPage> pagesOfKey = set == null ? new HashSet<>(4) : set;
                pagesOfKey.add(page);
                return pagesOfKey;
            });
        }
        pages.put(page.cacheKey, page);
        // An eviction that ran between the check above and the put may have missed this page: take it back out.
        if (generation.get() != generationAtRenderStart) {
            pages.asMap().remove(page.cacheKey, page);
            unindex(page);
            return false;
        }
        return true;
    }

    /** Accounts for the compressed copies {@code page} made since it was stored (if it is still cached). */
    void reweigh(CachedPage page) {
        // Replacing an entry by itself makes Caffeine weigh it again, without a removal notice to the index.
        pages.asMap().replace(page.cacheKey, page, page);
    }

    /** Evicts exactly the pages that recorded one of {@code keys} while they rendered. */
    public void evict(Collection<String> keys) {
        generation.incrementAndGet();
        for (String key : keys) {
            Set<CachedPage> affected = pagesByKey.remove(key);
            if (affected != null) {
                for (CachedPage page : affected) {
                    pages.asMap().remove(page.cacheKey, page);
                }
            }
        }
    }

    /** Content changes are evicted once their transaction has committed; a rolled-back change evicts nothing. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onContentChanged(ContentChangedEvent event) {
        evict(event.keys());
    }

    /** Empties the cache, e.g. after a theme or template change that no content event describes. */
    public void clear() {
        generation.incrementAndGet();
        pages.invalidateAll();
    }

    /** Number of pages cached now. */
    public long size() {
        pages.cleanUp();
        return pages.estimatedSize();
    }

    /** Bytes the cached pages weigh now: bodies, compressed copies and bookkeeping. */
    public long weight() {
        pages.cleanUp();
        return pages.policy().eviction().orElseThrow().weightedSize().orElse(0);
    }

    /** Pages the dependency index refers to; equals {@link #size()} whenever no request is in flight. */
    long indexedPages() {
        Set<CachedPage> all = Collections.newSetFromMap(new IdentityHashMap<>());
        for (String key : pagesByKey.keySet()) {
            pagesByKey.computeIfPresent(key, (k, set) -> {
                all.addAll(set);
                return set;
            });
        }
        return all.size();
    }

    private void unindex(CachedPage page) {
        for (String key : page.pageKeys) {
            pagesByKey.computeIfPresent(key, (k, set) -> {
                set.remove(page);
                return set.isEmpty() ? null : set;
            });
        }
    }
}
