package cn.dayuan.search;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hibernate.search.backend.elasticsearch.index.layout.IndexLayoutStrategy;

/**
 * Names the site's index on OpenSearch after its {@code dayuan.cluster-name}, as its Redis keys are: the articles of
 * the site {@code dayuan} are in {@code dayuan-article-000001}, read through the alias {@code dayuan-article-read} and
 * written through {@code dayuan-article-write}, so that several sites (or test runs) can share one OpenSearch cluster.
 */
final class SiteIndexLayout implements IndexLayoutStrategy {

    private static final Pattern GENERATION = Pattern.compile("(.*)-\\d{6}");

    private final String prefix;

    SiteIndexLayout(String siteName) {
        // OpenSearch index names are lower case, without spaces, commas, quotes and the like.
        this.prefix = siteName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "_") + "-";
    }

    @Override
    public String createInitialElasticsearchIndexName(String hibernateSearchIndexName) {
        return prefix + hibernateSearchIndexName + "-000001";
    }

    @Override
    public String createWriteAlias(String hibernateSearchIndexName) {
        return prefix + hibernateSearchIndexName + "-write";
    }

    @Override
    public String createReadAlias(String hibernateSearchIndexName) {
        return prefix + hibernateSearchIndexName + "-read";
    }

    @Override
    public String extractUniqueKeyFromHibernateSearchIndexName(String hibernateSearchIndexName) {
        return prefix + hibernateSearchIndexName;
    }

    @Override
    public String extractUniqueKeyFromElasticsearchIndexName(String elasticsearchIndexName) {
        Matcher generation = GENERATION.matcher(elasticsearchIndexName);
        return generation.matches() ? generation.group(1) : elasticsearchIndexName;
    }
}
