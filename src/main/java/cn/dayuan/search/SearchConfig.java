package cn.dayuan.search;

import java.nio.file.Path;

import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.dayuan.system.DayuanProperties;

/**
 * Hibernate Search's settings: the embedded Lucene index in {@code {data-dir}/search-index}, the Chinese analyzer,
 * the mapping of {@link SearchMapping}, and indexing that waits until a change is searchable before the change's
 * request is answered ({@code read-sync}) but leaves the commit to disk to a background worker, at most a second
 * later: a commit with its fsync took most of an article save's time, and the edit-to-visible time of a cluster
 * with it. {@link SearchStartup} indexes again what a crash in that second could have lost. Any of them can be overridden as {@code spring.jpa.properties.hibernate.search.*}; the
 * static export turns Hibernate Search off ({@code hibernate.search.enabled=false}).
 */
@Configuration(proxyBeanMethods = false)
class SearchConfig {

    static final String ENABLED = "hibernate.search.enabled";

    /** The index folder inside the data folder. */
    static Path indexRoot(DayuanProperties properties) {
        return properties.dataDir().resolve("search-index").toAbsolutePath().normalize();
    }

    @Bean
    HibernatePropertiesCustomizer searchProperties(DayuanProperties properties) {
        return settings -> {
            settings.putIfAbsent("hibernate.search.backend.directory.root", indexRoot(properties).toString());
            settings.putIfAbsent("hibernate.search.backend.lucene_version", "LUCENE_9_12_0");
            settings.putIfAbsent("hibernate.search.backend.analysis.configurer", new ChineseAnalysis());
            settings.putIfAbsent("hibernate.search.mapping.configurer", new SearchMapping());
            settings.putIfAbsent("hibernate.search.indexing.plan.synchronization.strategy", "read-sync");
        };
    }
}
