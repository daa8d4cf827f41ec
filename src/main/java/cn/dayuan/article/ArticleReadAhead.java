package cn.dayuan.article;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The published articles read ahead, in few queries, for a run that builds most of a site's pages (the static
 * export): the list rows of all of them in one, the articles themselves in runs of {@value #RUN} by id, a run read
 * when the first of its articles is asked for (a run let go before it was used up is not read again: its other
 * articles are read one by one, so pages built out of order cost no more than without this). Otherwise a page asked
 * the database for its article and again for each list it shows, which was half of a full export's time.
 *
 * <p>It holds what was published when it was made; a change after that is in the change log, which the next export
 * reads. It is in force only on a thread inside {@link #during}, so the live site's pages never see it.
 */
public final class ArticleReadAhead {

    static final int RUN = 64;
    /** Runs read and not yet used up; an export goes through the articles roughly in order of id. */
    private static final int RUNS_KEPT = 16;
    private static final ThreadLocal<ArticleReadAhead> CURRENT = new ThreadLocal<>();

    private final Map<Long, ArticleRow> rows = new HashMap<>();
    /** Each article's place in order of id, which says its run. */
    private final Map<Long, Integer> places = new HashMap<>();
    private final List<Long> ids = new ArrayList<>();
    private final Function<List<Long>, Map<Long, ArticleDetail>> readRun;
    /** The runs read so far; guarded by {@link #runs}. */
    private final Set<Integer> runsRead = new HashSet<>();
    private final Map<Integer, CompletableFuture<Map<Long, ArticleDetail>>> runs =
            new LinkedHashMap<>(RUNS_KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(
                Map.Entry<Integer, CompletableFuture<Map<Long, ArticleDetail>>> eldest) {
            return size() > RUNS_KEPT;
        }
    };

    /**
     * @param published the rows of the published articles, in order of id
     * @param readRun   reads the articles with these ids, as their public pages show them
     */
    ArticleReadAhead(List<ArticleRow> published, Function<List<Long>, Map<Long, ArticleDetail>> readRun) {
        this.readRun = readRun;
        for (ArticleRow row : published) {
            places.put(row.id(), ids.size());
            ids.add(row.id());
            rows.put(row.id(), row);
        }
    }

    /** Runs {@code work} on this thread with this read-ahead in force. */
    public <T> T during(Supplier<T> work) {
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            CURRENT.remove();
        }
    }

    /** The read-ahead in force on this thread, or null. */
    static ArticleReadAhead current() {
        return CURRENT.get();
    }

    /** The rows of those of these articles that were published, by id. */
    Map<Long, ArticleRow> rows(Collection<Long> wanted) {
        Map<Long, ArticleRow> found = new HashMap<>();
        for (Long id : wanted) {
            ArticleRow row = rows.get(id);
            if (row != null) {
                found.put(id, row);
            }
        }
        return found;
    }

    /**
     * An article as its page shows it, read with the rest of its run when it is the first of them asked for; null
     * when it was not published when this was made, the run did not find it public any more, handed it out before (a
     * page built twice) or was let go: the database says then.
     */
    ArticleDetail detail(long id) {
        Integer place = places.get(id);
        if (place == null) {
            return null;
        }
        int run = place / RUN;
        CompletableFuture<Map<Long, ArticleDetail>> details;
        boolean reads = false;
        synchronized (runs) {
            details = runs.get(run);
            if (details == null) {
                if (!runsRead.add(run)) {
                    return null;
                }
                details = new CompletableFuture<>();
                runs.put(run, details);
                reads = true;
            }
        }
        if (reads) {
            try {
                details.complete(new ConcurrentHashMap<>(
                        readRun.apply(ids.subList(run * RUN, Math.min(ids.size(), (run + 1) * RUN)))));
            } catch (RuntimeException e) {
                synchronized (runs) {
                    runs.remove(run, details);
                }
                details.completeExceptionally(e);
            }
        }
        return details.join().remove(id);
    }
}
