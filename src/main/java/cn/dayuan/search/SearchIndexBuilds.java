package cn.dayuan.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.search.engine.search.query.SearchScroll;
import org.hibernate.search.engine.search.query.SearchScrollResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.dayuan.article.Article;
import cn.dayuan.system.DayuanProperties;

/**
 * Builds the search index again from the database without taking search away from readers: every article's entry
 * is replaced where it stands, so the old entry answers until its new one is written; entries of articles that are
 * no longer in the database are removed at the end; and the articles changed while the build ran are indexed once
 * more, so that an article read by the build just before an editor saved it cannot keep its older text. Only an
 * index whose files are damaged or that cannot take this mapping's entries (a field changed its kind, which Lucene
 * refuses in an existing index) is emptied first; search then answers from what is built so far. No other failure
 * empties an index: another process holding its lock is not damage.
 * <p>
 * One build at a time on this node, in the background; its progress and the last one's outcome are kept in this
 * node's memory, for the page that started it. Each node of a cluster holds its own embedded index, so a build is
 * this node's; an index on OpenSearch is shared, and is built with Hibernate Search's mass indexer
 * ({@link #massIndex}). The mapping's version is written beside the embedded index when a build completes
 * ({@link #builtVersion}), so a build that did not complete is made again at the next start.
 */
@Component
public class SearchIndexBuilds {

    /** Raised whenever {@link SearchMapping} or the analysis changes, so every index is built again once. */
    public static final String MAPPING_VERSION = "5";
    private static final String VERSION_FILE = "mapping-version";
    private static final int BATCH = 200;
    /** Who a build that the application starts by itself is shown as started by. */
    static final String SYSTEM = "系统";

    private static final Logger log = LoggerFactory.getLogger(SearchIndexBuilds.class);

    private final EntityManagerFactory entityManagerFactory;
    private final SearchService search;
    private final TransactionTemplate transaction;
    private final Path root;
    /** Where the index is, for the log. */
    private final String where;
    /** The OpenSearch address when the index is there, else null. */
    private final String openSearchUrl;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "search-index-build");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Running> running = new AtomicReference<>();
    private volatile Finished last;

    SearchIndexBuilds(EntityManagerFactory entityManagerFactory, SearchService search,
                      PlatformTransactionManager transactions, DayuanProperties properties, SearchBackend backend,
                      SearchProperties searchProperties) {
        this.entityManagerFactory = entityManagerFactory;
        this.search = search;
        this.transaction = new TransactionTemplate(transactions);
        this.root = SearchConfig.indexRoot(properties);
        this.where = backend.openSearch() ? "on OpenSearch" : "in " + root;
        this.openSearchUrl = backend.openSearch() ? searchProperties.opensearchUrl() : null;
    }

    /**
     * Starts a build unless one is running on this node.
     *
     * @param startedBy the account that asked
     * @return whether this call started it
     */
    public boolean start(String startedBy) {
        return start(startedBy, false) != null;
    }

    /**
     * Starts a build unless one is running.
     *
     * @param emptyFirst whether the index is known to be unreadable, so that nothing of it can answer meanwhile
     * @return the build's outcome to come, or null when one was running already
     */
    CompletableFuture<Finished> start(String startedBy, boolean emptyFirst) {
        Running job = new Running(startedBy, Instant.now(), new AtomicLong(), new AtomicLong());
        if (!running.compareAndSet(null, job)) {
            return null;
        }
        return CompletableFuture.supplyAsync(() -> {
            Finished finished = build(job, emptyFirst);
            last = finished;
            running.set(null);
            return finished;
        }, worker);
    }

    private Finished build(Running job, boolean emptyFirst) {
        long articles = count("select count(a) from Article a");
        job.total().set(articles);
        log.info("Building the search index {} from the database ({} articles, started by {})", where, articles,
                job.startedBy());
        try {
            // OpenSearch's mapping is checked against this version's by Hibernate Search when the node starts.
            if (openSearchUrl == null && (emptyFirst || !takesThisMapping())) {
                log.info("Emptying the search index first: it is damaged or cannot take this version's entries");
                forgetVersion();
                Search.mapping(entityManagerFactory).scope(Article.class).schemaManager().dropAndCreate();
            }
            if (openSearchUrl != null) {
                massIndex(job);
            } else {
                indexInBatches(job);
            }
            int removed = removeEntriesWithoutArticle();
            Instant since = job.startedAt().minus(SearchStartup.CATCH_UP_MARGIN);
            int changed = transaction.execute(status -> search.reindexChangedSince(since));
            if (openSearchUrl == null) {
                mergeSegments();
            }
            writeVersion();
            Finished finished = new Finished(job.startedBy(), job.startedAt(), Instant.now(), job.done().get(),
                    null);
            log.info("Search index built in {} s: {} articles, {} entries of deleted articles removed, {} changed "
                    + "meanwhile indexed again", Duration.between(finished.startedAt(), finished.finishedAt())
                    .toSeconds(), finished.articles(), removed, changed);
            return finished;
        } catch (RuntimeException e) {
            log.error("Building the search index failed; it is tried again at the next start", e);
            return new Finished(job.startedBy(), job.startedAt(), Instant.now(), job.done().get(),
                    e.getClass().getSimpleName());
        }
    }

    /**
     * Merges the index into one segment. A build leaves a large segment and several small ones (of the entries
     * replaced and the changes caught up), and a query looks each of its words up in every segment: at 100,000
     * articles, one segment instead of nine answered the benchmark's queries with a p99 of 31–37 ms instead of
     * 43–46 (bench/README.md). Changes saved meanwhile wait for it, as they waited for the build's batches (15 s at
     * 100,000 articles on two cores).
     */
    private void mergeSegments() {
        long started = System.nanoTime();
        Search.mapping(entityManagerFactory).scope(Article.class).workspace().mergeSegments();
        log.info("Search index merged into one segment in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** Indexes every article again, {@value #BATCH} at a time, each entry replaced where it stands. */
    private void indexInBatches(Running job) {
        long after = 0;
        while (true) {
            long from = after;
            List<Long> ids = inEntityManager(entityManager -> entityManager
                    .createQuery("select a.id from Article a where a.id > :after order by a.id", Long.class)
                    .setParameter("after", from).setMaxResults(BATCH).getResultList());
            if (ids.isEmpty()) {
                break;
            }
            search.reindex(ids);
            job.done().addAndGet(ids.size());
            after = ids.get(ids.size() - 1);
        }
    }

    /**
     * Indexes every article straight into OpenSearch with Hibernate Search's mass indexer, which pauses the nodes'
     * outbox processing meanwhile: through the outbox, one event per article, a build ran at 140 articles a second.
     * OpenSearch replaces a document of the same id where it stands, so the old entries answer until their new
     * ones are written, as in the embedded build; the entries of deleted articles are removed afterwards.
     */
    private void massIndex(Running job) {
        try {
            Search.mapping(entityManagerFactory).scope(Article.class).massIndexer()
                    .purgeAllOnStart(false).dropAndCreateSchemaOnStart(false).mergeSegmentsOnFinish(false)
                    .threadsToLoadObjects(2).batchSizeToLoadObjects(BATCH)
                    .monitor(new MassIndexingMonitor() {
                        @Override
                        public void documentsAdded(long count) {
                            job.done().addAndGet(count);
                        }

                        @Override
                        public void documentsBuilt(long count) {
                        }

                        @Override
                        public void entitiesLoaded(long count) {
                        }

                        @Override
                        public void indexingCompleted() {
                        }
                    })
                    .startAndWait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the search index", e);
        }
    }

    /**
     * Whether the index takes an entry of this mapping: the newest article indexed again as a trial. Lucene refuses
     * a field whose kind changed (text to number, sortable or not) in an index that has it already.
     */
    private boolean takesThisMapping() {
        List<Long> newest = inEntityManager(entityManager -> entityManager
                .createQuery("select a.id from Article a order by a.id desc", Long.class).setMaxResults(1)
                .getResultList());
        try {
            search.reindex(newest);
            return true;
        } catch (RuntimeException e) {
            if (!refusedField(e)) {
                throw e;
            }
            log.info("The search index refused an entry of this version: {}", e.toString());
            return false;
        }
    }

    /**
     * Whether Lucene refused a field of the entry ({@code IllegalArgumentException: cannot change field …}), as
     * opposed to failing for another reason (such as another process holding the index's lock), which must never
     * lead to emptying an index.
     */
    private static boolean refusedField(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException && String.valueOf(cause.getMessage())
                    .startsWith("cannot change field")) {
                return true;
            }
        }
        return false;
    }

    /** Removes the entries of articles the database no longer has (restored backups, changes lost in a crash). */
    private int removeEntriesWithoutArticle() {
        Set<Long> inDatabase = new HashSet<>(inEntityManager(entityManager ->
                entityManager.createQuery("select a.id from Article a", Long.class).getResultList()));
        Set<Long> gone = new HashSet<>();
        inEntityManager(entityManager -> {
            try (SearchScroll<Long> scroll = Search.session(entityManager).search(Article.class)
                    .select(f -> f.id(Long.class)).where(f -> f.matchAll()).scroll(1000)) {
                for (SearchScrollResult<Long> chunk = scroll.next(); chunk.hasHits(); chunk = scroll.next()) {
                    chunk.hits().stream().filter(id -> !inDatabase.contains(id)).forEach(gone::add);
                }
            }
            return null;
        });
        search.reindex(gone);
        return gone.size();
    }

    /** The running build on this node (or null), the last one that ended here (or null), and the index's figures. */
    public Status status() {
        Running now = running.get();
        Progress progress = now == null ? null
                : new Progress(now.startedBy(), now.startedAt(), now.done().get(), now.total().get());
        long entries;
        try {
            entries = inEntityManager(entityManager -> Search.session(entityManager).search(Article.class)
                    .where(f -> f.matchAll()).fetchTotalHitCount());
        } catch (RuntimeException e) {
            entries = -1;
        }
        return new Status(progress, last, entries, count("select count(a) from Article a"), sizeOnDisk(),
                MAPPING_VERSION.equals(builtVersion()), openSearchUrl);
    }

    /** The version of the mapping that last completed a build of this index, or null. */
    String builtVersion() {
        try {
            Path file = root.resolve(VERSION_FILE);
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).trim() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void writeVersion() {
        try {
            Files.createDirectories(root);
            Files.writeString(root.resolve(VERSION_FILE), MAPPING_VERSION, StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.warn("Could not note the search index's version in {}: {}", root, e.toString());
        }
    }

    private void forgetVersion() {
        try {
            Files.deleteIfExists(root.resolve(VERSION_FILE));
        } catch (IOException e) {
            log.warn("Could not remove the search index's version in {}: {}", root, e.toString());
        }
    }

    private long sizeOnDisk() {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private long count(String query) {
        return inEntityManager(entityManager -> entityManager.createQuery(query, Long.class).getSingleResult());
    }

    private <T> T inEntityManager(Function<EntityManager, T> work) {
        EntityManager entityManager = entityManagerFactory.createEntityManager();
        try {
            return work.apply(entityManager);
        } finally {
            EntityManagerFactoryUtils.closeEntityManager(entityManager);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    private record Running(String startedBy, Instant startedAt, AtomicLong done, AtomicLong total) {
    }

    /** A build under way: who started it, when, and how many of the database's articles it has indexed. */
    public record Progress(String startedBy, Instant startedAt, long done, long total) {

        public int percent() {
            return total == 0 ? 100 : (int) Math.min(100, done * 100 / total);
        }

        public double perSecond() {
            double seconds = Duration.between(startedAt, Instant.now()).toMillis() / 1000.0;
            return seconds <= 0 ? 0 : done / seconds;
        }
    }

    /**
     * A build that ended.
     *
     * @param error the failure's kind when it failed (its details are in the log), or null
     */
    public record Finished(String startedBy, Instant startedAt, Instant finishedAt, long articles, String error) {

        public double seconds() {
            return Duration.between(startedAt, finishedAt).toMillis() / 1000.0;
        }
    }

    /**
     * @param running  the build under way here, or null
     * @param last     the last build that ended here, or null
     * @param entries  the entries in the index, or -1 when it cannot be read
     * @param articles the articles in the database, in every status
     * @param bytes    the index's size on disk
     * @param current  whether this version of the mapping completed a build of the index
     * @param openSearchUrl where the index is when it is on OpenSearch (its size and mapping are OpenSearch's
     *                 business then), or null
     */
    public record Status(Progress running, Finished last, long entries, long articles, long bytes, boolean current,
                         String openSearchUrl) {
    }
}
