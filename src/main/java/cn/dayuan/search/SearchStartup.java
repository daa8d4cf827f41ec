package cn.dayuan.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.massindexing.MassIndexer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.stereotype.Component;

import cn.dayuan.article.Article;
import cn.dayuan.system.ClusterMode;
import cn.dayuan.system.DayuanProperties;

/**
 * Builds the index from the database when it cannot be trusted: at start, when it was never built by this mapping
 * (missing, new, or made by an older {@link #MAPPING_VERSION}) or holds a different number of articles than the
 * database (a restored backup, a database emptied under it, a crash between a commit and its indexing); and at every
 * start of a cluster node, which cannot know what the other nodes changed while it was down. A site of up
 * to {@value #FOREGROUND_LIMIT} articles is indexed before the start completes (a few seconds); a larger one in the
 * background, while search answers from what is indexed so far.
 */
@Component
class SearchStartup {

    /** Raised whenever {@link SearchMapping} or the analysis changes, so every index is built again once. */
    static final String MAPPING_VERSION = "1";
    static final int FOREGROUND_LIMIT = 20_000;
    private static final String VERSION_FILE = "mapping-version";

    private static final Logger log = LoggerFactory.getLogger(SearchStartup.class);

    private final EntityManagerFactory entityManagerFactory;
    private final Path root;
    private final boolean enabled;
    private final boolean clusterNode;

    SearchStartup(EntityManagerFactory entityManagerFactory, DayuanProperties properties, Environment environment) {
        this.entityManagerFactory = entityManagerFactory;
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
        long inIndex;
        var entityManager = entityManagerFactory.createEntityManager();
        try {
            inDatabase = entityManager.createQuery("select count(a) from Article a", Long.class).getSingleResult();
            inIndex = Search.session(entityManager).search(Article.class).where(f -> f.matchAll())
                    .fetchTotalHitCount();
        } finally {
            EntityManagerFactoryUtils.closeEntityManager(entityManager);
        }
        String reason = !MAPPING_VERSION.equals(builtVersion()) ? "it was not built by this version"
                : inIndex != inDatabase ? "it holds " + inIndex + " articles, the database " + inDatabase
                : clusterNode ? "other nodes may have changed articles while this one was down" : null;
        if (reason == null) {
            return;
        }
        log.info("Building the search index in {} from the database ({} articles), because {}", root, inDatabase,
                reason);
        MassIndexer indexer = Search.mapping(entityManagerFactory).scope(Article.class).massIndexer()
                .threadsToLoadObjects(2).batchSizeToLoadObjects(50);
        if (inDatabase <= FOREGROUND_LIMIT) {
            try {
                indexer.startAndWait();
                built(inDatabase);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            indexer.start().whenComplete((done, failure) -> {
                if (failure == null) {
                    built(inDatabase);
                } else {
                    log.error("Building the search index failed; it is tried again at the next start", failure);
                }
            });
        }
    }

    private void built(long articles) {
        try {
            Files.createDirectories(root);
            Files.writeString(root.resolve(VERSION_FILE), MAPPING_VERSION, StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.warn("Could not note the search index's version in {}: {}", root, e.toString());
        }
        log.info("Search index built: {} articles", articles);
    }

    private String builtVersion() {
        try {
            Path file = root.resolve(VERSION_FILE);
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).trim() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
