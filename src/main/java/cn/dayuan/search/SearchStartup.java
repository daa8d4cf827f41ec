package cn.dayuan.search;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.util.common.SearchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.dayuan.article.Article;
import cn.dayuan.system.ClusterMode;
import cn.dayuan.system.DayuanProperties;
import cn.dayuan.system.ExclusiveWork;

/**
 * Looks at the index when the application is ready and has it built again ({@link SearchIndexBuilds}) when it cannot
 * be trusted: missing, damaged, never completed by this mapping ({@link SearchIndexBuilds#MAPPING_VERSION}), holding
 * a different number of articles than the database (a restored backup, a database emptied under it, a crash between
 * a commit and its indexing), and at every start of a cluster node, which cannot know what the other nodes changed
 * while it was down. A site of up to {@value #FOREGROUND_LIMIT} articles is built before the start completes (a few
 * seconds), a larger one in the background; either way, the old entries answer until their new ones are written.
 * Otherwise the articles changed since shortly before the index's last commit to disk are indexed again: a change is
 * searchable as soon as it is saved, but written to disk up to a second later ({@link SearchConfig}), and a crash in
 * that second must not leave it out.
 * <p>
 * An index on OpenSearch is shared by the nodes and written through the outbox, whose events are in the database
 * with the changes: it is built at start only when it is new (empty while the database has articles: the site moved
 * to OpenSearch, or this version's mapping has an index of its own, {@link SiteIndexLayout}), by one node of those
 * starting; otherwise an administrator rebuilds it from {@code /admin/search-index}.
 */
@Component
class SearchStartup {

    static final int FOREGROUND_LIMIT = 20_000;
    /** The lock under which one of the nodes starting together builds a new index on OpenSearch. */
    static final String SHARED_BUILD = "search-index-build";
    /**
     * Changes this long before the last commit (or before a build started) are indexed again too: clocks and commit
     * intervals are not exact.
     */
    static final Duration CATCH_UP_MARGIN = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(SearchStartup.class);

    private final EntityManagerFactory entityManagerFactory;
    private final SearchService search;
    private final SearchIndexBuilds builds;
    private final TransactionTemplate transaction;
    private final Path root;
    private final boolean enabled;
    private final boolean clusterNode;
    private final boolean sharedIndex;
    private final ExclusiveWork exclusive;

    SearchStartup(EntityManagerFactory entityManagerFactory, SearchService search, SearchIndexBuilds builds,
                  PlatformTransactionManager transactions, DayuanProperties properties, SearchBackend backend,
                  ExclusiveWork exclusive, Environment environment) {
        this.exclusive = exclusive;
        this.sharedIndex = backend.openSearch();
        this.entityManagerFactory = entityManagerFactory;
        this.search = search;
        this.builds = builds;
        this.transaction = new TransactionTemplate(transactions);
        this.root = SearchConfig.indexRoot(properties);
        this.enabled = isEnabled(environment);
        this.clusterNode = ClusterMode.isOn(environment);
    }

    static boolean isEnabled(Environment environment) {
        return environment.getProperty("spring.jpa.properties." + SearchConfig.ENABLED, Boolean.class, true);
    }

    @EventListener(ApplicationReadyEvent.class)
    void checkIndex() {
        if (!enabled) {
            return;
        }
        try {
            check();
        } catch (RuntimeException e) {
            // Such as another process on the same data folder holding the index's lock: the site runs without
            // search rather than not at all, and the next start checks again.
            log.error("Could not check or build the search index in {}: {}", root, e.toString());
        }
    }

    private void check() {
        long inDatabase;
        Long inIndex;
        var entityManager = entityManagerFactory.createEntityManager();
        try {
            inDatabase = entityManager.createQuery("select count(a) from Article a", Long.class).getSingleResult();
            inIndex = entriesInIndex(entityManager);
        } finally {
            EntityManagerFactoryUtils.closeEntityManager(entityManager);
        }
        if (sharedIndex) {
            if (inIndex != null && inIndex == 0 && inDatabase > 0) {
                // Nodes starting together: one builds, the others find it under way (or done) and go on.
                exclusive.runIfFree(SHARED_BUILD, Duration.ofMinutes(10), () -> {
                    log.info("The search index on OpenSearch is new: it is built from the database");
                    CompletableFuture<SearchIndexBuilds.Finished> build = builds.start(SearchIndexBuilds.SYSTEM, false);
                    if (build != null && inDatabase <= FOREGROUND_LIMIT) {
                        build.join();
                    }
                });
            }
            return;
        }
        String reason = inIndex == null ? "it is damaged"
                : !SearchIndexBuilds.MAPPING_VERSION.equals(builds.builtVersion()) ? "it was not built by this version"
                : inIndex != inDatabase ? "it holds " + inIndex + " articles, the database " + inDatabase
                : clusterNode ? "other nodes may have changed articles while this one was down" : null;
        if (reason == null) {
            catchUp();
            return;
        }
        log.info("The search index in {} is built again from the database, because {}", root, reason);
        CompletableFuture<SearchIndexBuilds.Finished> build = builds.start(SearchIndexBuilds.SYSTEM, inIndex == null);
        if (build != null && inDatabase <= FOREGROUND_LIMIT) {
            build.join();
        }
    }

    /**
     * The entries in the index, or null when its files are damaged. Any other failure, such as another process on
     * the same data folder holding the index's lock, is thrown: that index is not this process's to empty.
     */
    private static Long entriesInIndex(EntityManager entityManager) {
        try {
            return Search.session(entityManager).search(Article.class).where(f -> f.matchAll()).fetchTotalHitCount();
        } catch (SearchException e) {
            if (!damaged(e)) {
                throw e;
            }
            log.warn("The search index is damaged: {}", e.toString());
            return null;
        }
    }

    /** Whether Lucene found the index's files corrupt, truncated, missing or of a format it cannot read. */
    private static boolean damaged(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CorruptIndexException || cause instanceof IndexFormatTooOldException
                    || cause instanceof IndexFormatTooNewException || cause instanceof EOFException
                    || cause instanceof NoSuchFileException) {
                return true;
            }
        }
        return false;
    }
    /** Indexes again the articles changed since shortly before the last commit, which a crash may have lost. */
    private void catchUp() {
        Instant lastCommit = lastCommit();
        if (lastCommit == null) {
            return;
        }
        Instant since = lastCommit.minus(CATCH_UP_MARGIN);
        int changed = transaction.execute(status -> search.reindexChangedSince(since));
        if (changed > 0) {
            log.info("Indexed again {} articles changed since {}, shortly before the index's last commit", changed,
                    since);
        }
    }

    /** When the index was last committed to disk: the time of its newest {@code segments_N} file. */
    private Instant lastCommit() {
        try (Stream<Path> files = Files.walk(root, 2)) {
            return files.filter(file -> file.getFileName().toString().startsWith("segments_"))
                    .map(file -> {
                        try {
                            return Files.getLastModifiedTime(file);
                        } catch (IOException e) {
                            return FileTime.fromMillis(0);
                        }
                    })
                    .max(FileTime::compareTo).map(FileTime::toInstant).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
