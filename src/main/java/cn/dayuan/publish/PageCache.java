package cn.dayuan.publish;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
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
import cn.dayuan.system.PageKeys;

/**
 * Rendered public pages in memory, bounded by bytes, with the index that answers "which pages show this content"
 * (from the {@link cn.dayuan.system.PageKeys} each page recorded while it rendered).
 *
 * <p>Consistency rules: the index only ever holds pages that are in the cache or on their way in or out (Caffeine
 * tells us about every removal, whatever its cause); and a page whose rendering began before an eviction of one of
 * its keys is never stored, because it may have read content from before the change. Evictions are numbered and
 * kept while a rendering that started before them is in flight; the store compares the page's keys, all of them,
 * with the evictions since its start, so an eviction discards only the renderings that may show what changed. {@link #evict} is the one entry point
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
    /**
     * Recorded by the filter for every cached 404 and 301 answer: evicted by every change that may bring an address
     * to life or move it ({@link #mayChangeAddresses}), besides the precise keys the handler recorded.
     */
    static final String ADDRESSES = "addresses";
    /** An eviction of every page ({@link #clear}). */
    private static final Set<String> EVERYTHING = Set.of("*");
    /** Keeps the header well below the server's 8 KB limit for all response headers. */
    private static final int MAX_EXPOSED_KEYS = 150;
    /** Secret to this process: only its own exporter can ask for page keys. */
    private final String exportToken = UUID.randomUUID().toString();

    private final Cache<String, CachedPage> pages;
    /** PageKey → the pages that recorded it. Each set is only touched inside the map's per-key lock. */
    private final ConcurrentHashMap<String, Set<CachedPage>> pagesByKey = new ConcurrentHashMap<>();
    /** Numbers the evictions. */
    private final AtomicLong evictions = new AtomicLong();
    /** The keys of each eviction that a rendering still in flight started before, by number. */
    private final ConcurrentSkipListMap<Long, Set<String>> recentEvictions = new ConcurrentSkipListMap<>();
    /** Evictions up to this number have been dropped from {@link #recentEvictions}. */
    private final AtomicLong forgottenThrough = new AtomicLong();
    /** Renderings in flight, counted by the eviction number they started after. */
    private final ConcurrentSkipListMap<Long, Integer> rendersInFlight = new ConcurrentSkipListMap<>();

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

    /**
     * Called before a page starts rendering: the answer is handed back to {@link #store} and, once the rendering is
     * over (stored or not), to {@link #endRender}. Until then the evictions that follow are kept, so that the store
     * can tell whether one of them touched what the page shows.
     */
    long beginRender() {
        long start = evictions.get();
        rendersInFlight.merge(start, 1, Integer::sum);
        return start;
    }

    void endRender(long start) {
        rendersInFlight.computeIfPresent(start, (s, count) -> count == 1 ? null : count - 1);
        forgetEvictionsNoRenderNeeds();
    }

    /**
     * Stores a freshly rendered page unless content it shows changed while it rendered: an eviction since
     * {@code renderStart} whose keys meet the page's keys (all of them, whenever during the rendering they were
     * recorded) means the page may show what was there before the change.
     *
     * @return whether the page is now cached
     */
    boolean store(CachedPage page, long renderStart) {
        if (evictedSince(renderStart, page)) {
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
        // An eviction logged after the check above may have looked in the index before the page was in it: it is
        // in the log now (an eviction logs before it looks), so take the page back out.
        if (evictedSince(renderStart, page)) {
            pages.asMap().remove(page.cacheKey, page);
            unindex(page);
            return false;
        }
        return true;
    }

    private boolean evictedSince(long renderStart, CachedPage page) {
        if (renderStart < forgottenThrough.get()) {
            return true;  // evictions it should be checked against are gone: assume the worst
        }
        for (Set<String> keys : recentEvictions.tailMap(renderStart, false).values()) {
            if (keys == EVERYTHING) {
                return true;
            }
            for (String key : keys) {
                if (page.pageKeys.contains(key)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Accounts for the compressed copies {@code page} made since it was stored (if it is still cached). */
    void reweigh(CachedPage page) {
        // Replacing an entry by itself makes Caffeine weigh it again, without a removal notice to the index.
        pages.asMap().replace(page.cacheKey, page, page);
    }

    /**
     * Evicts exactly the pages that recorded one of {@code keys} while they rendered, and keeps renderings in
     * flight that may show one of them from being stored. A change that can bring an address to life (anything but
     * a change of what an existing page shows) also evicts the cached 404 and 301 answers ({@link #ADDRESSES}).
     */
    public void evict(Collection<String> keys) {
        Set<String> evicted = new HashSet<>(keys);
        if (mayChangeAddresses(keys)) {
            evicted.add(ADDRESSES);
        }
        long sequence = evictions.incrementAndGet();
        recentEvictions.put(sequence, evicted);
        for (String key : evicted) {
            Set<CachedPage> affected = pagesByKey.remove(key);
            if (affected != null) {
                for (CachedPage page : affected) {
                    pages.asMap().remove(page.cacheKey, page);
                }
            }
        }
        forgetEvictionsNoRenderNeeds();
    }

    /**
     * Whether a change named by {@code keys} may make an address answer differently than 404 or 301: every key
     * except those that only change what an existing page shows (an article's text, its comments, its
     * publisher's name, a ranking, a slot, related lists, word lists). New kinds of keys count as address changes
     * until they are named here.
     */
    static boolean mayChangeAddresses(Collection<String> keys) {
        for (String key : keys) {
            if (PageKeys.articleOf(key) == null && !key.startsWith("comments:") && !key.startsWith("publisher:")
                    && !key.startsWith("slot:") && !key.startsWith("tag-related:") && !key.equals(PageKeys.MOST_READ)
                    && !key.equals(PageKeys.SENSITIVE_WORDS) && !key.equals(PageKeys.SEARCH_SYNONYMS)) {
                return true;
            }
        }
        return false;
    }

    /** Drops the evictions that every rendering in flight started after. */
    private void forgetEvictionsNoRenderNeeds() {
        Map.Entry<Long, Integer> oldest = rendersInFlight.firstEntry();
        long through = oldest != null ? oldest.getKey() : evictions.get();
        if (recentEvictions.isEmpty() || recentEvictions.firstKey() > through) {
            return;
        }
        forgottenThrough.accumulateAndGet(through, Math::max);
        recentEvictions.headMap(through, true).clear();
    }

    /** Content changes are evicted once their transaction has committed; a rolled-back change evicts nothing. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onContentChanged(ContentChangedEvent event) {
        evict(event.keys());
    }

    /** Empties the cache, e.g. after a theme or template change that no content event describes. */
    public void clear() {
        recentEvictions.put(evictions.incrementAndGet(), EVERYTHING);
        pages.invalidateAll();
        forgetEvictionsNoRenderNeeds();
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
