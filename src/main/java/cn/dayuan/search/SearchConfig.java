package cn.dayuan.search;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.dayuan.system.DayuanProperties;

/**
 * Hibernate Search's settings, for one of two backends ({@link SearchProperties#backend}):
 * <ul>
 * <li>{@code lucene} (default): the embedded Lucene index in {@code {data-dir}/search-index}, the Chinese analyzer of
 * {@link ChineseAnalysis}, and indexing that waits until a change is searchable before the change's request is
 * answered ({@code read-sync}) but leaves the commit to disk to a background worker, at most a second later: a
 * commit with its fsync took most of an article save's time. {@link SearchStartup} indexes again what a crash in
 * that second could have lost.</li>
 * <li>{@code opensearch}: one index on OpenSearch for all nodes, named after the site ({@link SiteIndexLayout}),
 * analysed there ({@link OpenSearchAnalysis}), with
 * Hibernate Search's outbox-polling coordination: a change writes an event into {@code hsearch_outbox_event} in its
 * own transaction, and the nodes' agents (registered in {@code hsearch_agent}) share the events out by article id and
 * index each exactly once, about a tenth of a second later, whichever node made the change.</li>
 * </ul>
 * Both use the mapping of {@link SearchMapping}. Any setting can be overridden as
 * {@code spring.jpa.properties.hibernate.search.*}; the static export turns Hibernate Search off
 * ({@code hibernate.search.enabled=false}).
 */
@Configuration(proxyBeanMethods = false)
class SearchConfig {

    static final String ENABLED = "hibernate.search.enabled";

    /** The index folder inside the data folder. */
    static Path indexRoot(DayuanProperties properties) {
        return properties.dataDir().resolve("search-index").toAbsolutePath().normalize();
    }

    @Bean
    SearchBackend searchBackend(SearchProperties search) {
        return search.onOpenSearch() ? new SearchBackend(true, OpenSearchAnalysis.chineseAnalyzer(search))
                : SearchBackend.EMBEDDED;
    }

    @Bean
    HibernatePropertiesCustomizer searchProperties(DayuanProperties properties, SearchProperties search,
                                                   SearchBackend backend) {
        return settings -> {
            settings.putIfAbsent("hibernate.search.mapping.configurer", new SearchMapping());
            if (search.onOpenSearch()) {
                settings.putIfAbsent("hibernate.search.backend.type", "elasticsearch");
                settings.putIfAbsent("hibernate.search.backend.uris", Arrays.stream(search.opensearchUrl().split(","))
                        .map(String::trim).collect(Collectors.joining(",")));
                settings.putIfAbsent("hibernate.search.backend.analysis.configurer",
                        new OpenSearchAnalysis(backend.chinese()));
                settings.putIfAbsent("hibernate.search.backend.layout.strategy",
                        new SiteIndexLayout(properties.clusterName(), SearchIndexBuilds.MAPPING_VERSION));
                settings.putIfAbsent("hibernate.search.coordination.strategy", "outbox-polling");
                return;
            }
            settings.putIfAbsent("hibernate.search.backend.type", "lucene");
            settings.putIfAbsent("hibernate.search.backend.directory.root", indexRoot(properties).toString());
            settings.putIfAbsent("hibernate.search.backend.lucene_version", "LUCENE_9_12_0");
            settings.putIfAbsent("hibernate.search.backend.analysis.configurer", new ChineseAnalysis());
            settings.putIfAbsent("hibernate.search.indexing.plan.synchronization.strategy", "read-sync");
        };
    }
}
