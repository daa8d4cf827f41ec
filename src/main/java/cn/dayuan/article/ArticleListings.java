package cn.dayuan.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import cn.dayuan.system.ContentChangedEvent;
import cn.dayuan.system.PageKeys;
import cn.dayuan.tag.TagService;

/**
 * The published articles of each channel page and each tag page, in reading order, held in memory as ids and
 * publish times. Any page of such a list, its total, and the related articles of an article page then cost a
 * binary search instead of a sort over thousands of rows in the database (the embedded database sorts every one
 * of them; this is what makes cold renders and the static export fast).
 * <p>
 * A listing is loaded on first use and kept under the {@link PageKeys} key of the list it backs. When an article
 * changes, the listings it was or is in are patched after the commit, before the page cache evicts (the order of
 * the listeners), so the first render after a change reads no list again: reloading the listing of a tag that
 * thousands of articles carry would cost that render tens of milliseconds. Scheduled articles are listed with
 * their future time and become visible when it comes, without any change. On the other nodes of a cluster the same
 * change drops the listings it names instead (they have no placement to patch with).
 */
@Component
class ArticleListings {

    /** Entries held across all listings; one entry is two longs. 2 million is about 40 MB. */
    private static final long MAX_ENTRIES = 2_000_000;

    private final Cache<String, Listing> listings = Caffeine.newBuilder()
            .maximumWeight(MAX_ENTRIES)
            .<String, Listing>weigher((key, listing) -> Math.max(1, listing.size()))
            .build();

    /** Moves before every patch; see {@link #version()}. */
    private final AtomicLong version = new AtomicLong();

    /**
     * Taken by a reader before its transaction reads anything. A listing it loads is kept only if no article
     * changed since: under REPEATABLE READ (MariaDB) the transaction's snapshot may be older than the patch that
     * the listing missed. Such a listing still serves the reader that loaded it.
     */
    long version() {
        return version.get();
    }

    /** Public articles of a channel page: the channel and its sub-channels, pinned first, then newest first. */
    Listing channel(long channelId, long readerVersion, Supplier<List<Object[]>> rows) {
        return get(PageKeys.channelList(channelId), readerVersion, rows, true);
    }

    /** Public articles of a tag page, newest first. */
    Listing tag(long tagId, long readerVersion, Supplier<List<Object[]>> rows) {
        return get(PageKeys.tagList(tagId), readerVersion, rows, false);
    }

    private Listing get(String key, long readerVersion, Supplier<List<Object[]>> rows, boolean pinnedFirst) {
        Listing kept = listings.getIfPresent(key);
        if (kept != null) {
            return kept;
        }
        Listing loaded = Listing.of(rows.get(), pinnedFirst);
        // Atomic with the patches of this key: a patch that follows finds the listing and patches it too.
        Listing current = listings.asMap().compute(key, (k, existing) -> existing != null ? existing
                : version.get() == readerVersion ? loaded : null);
        return current != null ? current : loaded;
    }

    /** The tag's listing if it is loaded, else null. */
    Listing loadedTag(long tagId) {
        return listings.getIfPresent(PageKeys.tagList(tagId));
    }

    /**
     * Where an article is listed after a change: it leaves every listing in {@code touched} (where it was, where it
     * is) and goes back into those in {@code listedIn} with its publish time. Announced by {@link ArticleService}
     * within the change's transaction, applied once it committed.
     *
     * @param listedIn empty when the article is not published (a draft, unpublished or deleted)
     */
    record Placement(long articleId, Set<String> touched, Set<String> listedIn, Instant publishedAt,
                     boolean pinned) {
    }

    /**
     * Patches the listings that are loaded; the others load the committed state when first needed. A load that
     * overlaps a patch is not kept (see {@link #version()}), and the patch is idempotent.
     */
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onArticlePlaced(Placement placement) {
        version.incrementAndGet();
        for (String key : placement.touched()) {
            listings.asMap().computeIfPresent(key, (k, listing) -> placement.listedIn().contains(k)
                    ? listing.with(placement.articleId(), placement.publishedAt(), placement.pinned())
                    : listing.without(placement.articleId()));
        }
    }

    /**
     * A change of the channel tree may move articles between channel pages: every channel listing goes. A change
     * committed on another node of a cluster comes without its placement: the listings it names go, and load the
     * committed state when next needed.
     */
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onContentChanged(ContentChangedEvent event) {
        if (event.keys().contains(PageKeys.CHANNELS)) {
            version.incrementAndGet();
            listings.asMap().keySet().removeIf(PageKeys::isChannelList);
        }
        if (event.fromAnotherNode()) {
            version.incrementAndGet();
            listings.asMap().keySet().removeAll(event.keys());
        }
    }

    /**
     * A merge or a delete of tags moved their articles all at once, without a placement per article: their listings
     * go, and load the committed state when next needed.
     */
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onTagArticlesMoved(TagService.ArticlesMoved moved) {
        version.incrementAndGet();
        moved.tagIds().forEach(tagId -> listings.invalidate(PageKeys.tagList(tagId)));
    }

    /**
     * One list: ids with their publish times (epoch milliseconds), in two runs, pinned articles first, each run
     * sorted newest first.
     */
    record Listing(long[] ids, long[] publishedAt, int pinnedCount, boolean pinnedFirst) {

        private static final Comparator<Object[]> NEWEST_FIRST = Comparator
                .comparing((Object[] row) -> (Instant) row[1]).reversed()
                .thenComparing(row -> (Long) row[0], Comparator.reverseOrder());

        /** @param rows {@code [id, publishedAt, pinned]} of every published article in the list */
        static Listing of(List<Object[]> rows, boolean pinnedFirst) {
            Comparator<Object[]> order = pinnedFirst
                    ? Comparator.comparing((Object[] row) -> !(Boolean) row[2]).thenComparing(NEWEST_FIRST)
                    : NEWEST_FIRST;
            List<Object[]> sorted = rows.stream().filter(row -> row[1] != null).sorted(order).toList();
            long[] ids = new long[sorted.size()];
            long[] publishedAt = new long[sorted.size()];
            int pinnedCount = 0;
            for (int i = 0; i < ids.length; i++) {
                Object[] row = sorted.get(i);
                ids[i] = (Long) row[0];
                publishedAt[i] = ((Instant) row[1]).toEpochMilli();
                if (pinnedFirst && (Boolean) row[2]) {
                    pinnedCount++;
                }
            }
            return new Listing(ids, publishedAt, pinnedCount, pinnedFirst);
        }

        /** This listing with the article at its place (and nowhere else). */
        Listing with(long id, Instant at, boolean pinned) {
            List<Object[]> rows = rowsWithout(id);
            rows.add(new Object[] {id, at, pinned});
            return of(rows, pinnedFirst);
        }

        Listing without(long id) {
            return of(rowsWithout(id), pinnedFirst);
        }

        private List<Object[]> rowsWithout(long id) {
            List<Object[]> rows = new ArrayList<>(ids.length + 1);
            for (int i = 0; i < ids.length; i++) {
                if (ids[i] != id) {
                    rows.add(new Object[] {ids[i], Instant.ofEpochMilli(publishedAt[i]), i < pinnedCount});
                }
            }
            return rows;
        }

        int size() {
            return ids.length;
        }

        /** Ids of what readers see at {@code now}, from {@code offset}, at most {@code limit}, with the total. */
        Slice page(Instant now, long offset, int limit) {
            long at = now.toEpochMilli();
            int pinnedFrom = firstPublic(0, pinnedCount, at);
            int restFrom = firstPublic(pinnedCount, ids.length, at);
            int pinnedVisible = pinnedCount - pinnedFrom;
            int total = pinnedVisible + ids.length - restFrom;
            List<Long> page = new ArrayList<>(limit);
            for (long i = offset; i < total && page.size() < limit; i++) {
                page.add(ids[i < pinnedVisible ? pinnedFrom + (int) i : restFrom + (int) (i - pinnedVisible)]);
            }
            return new Slice(page, total);
        }

        /** Ids visible at {@code now}, newest first whether pinned or not, for merging with other listings. */
        long[][] newest(Instant now, int limit) {
            long at = now.toEpochMilli();
            List<long[]> entries = new ArrayList<>();
            for (int[] run : new int[][] {{0, pinnedCount}, {pinnedCount, ids.length}}) {
                int from = firstPublic(run[0], run[1], at);
                for (int i = from; i < Math.min(run[1], from + limit); i++) {
                    entries.add(new long[] {ids[i], publishedAt[i]});
                }
            }
            return entries.toArray(long[][]::new);
        }

        /**
         * Whether article {@code id}, published at {@code at}, is among the {@code depth} newest articles visible at
         * {@code now}, whatever its place in this listing is.
         */
        boolean amongNewest(long id, Instant at, int depth, Instant now) {
            if (at == null || at.isAfter(now)) {
                return false;
            }
            long time = at.toEpochMilli();
            long visibleUpTo = now.toEpochMilli();
            int newer = 0;
            for (int i = 0; i < ids.length && newer < depth; i++) {
                if (ids[i] != id && publishedAt[i] <= visibleUpTo
                        && (publishedAt[i] > time || publishedAt[i] == time && ids[i] > id)) {
                    newer++;
                }
            }
            return newer < depth;
        }

        /** The first index in [from, to) whose article is public at {@code at}: runs are newest first. */
        private int firstPublic(int from, int to, long at) {
            int low = from;
            int high = to;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (publishedAt[middle] > at) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }
    }

    /** A page of a listing: ids in reading order, and how many the whole list holds. */
    record Slice(List<Long> ids, long total) {
    }

    /**
     * The newest {@code count} ids across {@code listings}, without {@code excludedId} and without repeats: the
     * related articles of an article that carries several tags.
     */
    static List<Long> newestAcross(Collection<Listing> listings, long excludedId, int count, Instant now) {
        List<long[]> candidates = new ArrayList<>();
        for (Listing listing : listings) {
            candidates.addAll(List.of(listing.newest(now, count + 1)));
        }
        candidates.sort(Comparator.comparingLong((long[] entry) -> entry[1]).reversed()
                .thenComparing(entry -> entry[0], Comparator.reverseOrder()));
        Set<Long> ids = new LinkedHashSet<>();
        for (long[] entry : candidates) {
            if (entry[0] != excludedId) {
                ids.add(entry[0]);
            }
            if (ids.size() == count) {
                break;
            }
        }
        return List.copyOf(ids);
    }
}
