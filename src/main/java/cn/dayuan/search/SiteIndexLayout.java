package cn.dayuan.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hibernate.search.backend.elasticsearch.index.layout.IndexLayoutStrategy;

/**
 * Names the site's index on OpenSearch after its {@code dayuan.cluster-name}, as its Redis keys are, and after the
 * version of the mapping ({@link SearchIndexBuilds#MAPPING_VERSION}): the articles of the site {@code dayuan} are in
 * {@code dayuan-v5-article-000001}, read through the alias {@code dayuan-v5-article-read} and written through
 * {@code dayuan-v5-article-write}. Several sites (or test runs) can share one OpenSearch cluster, and a version of
 * Dayuan with another mapping starts on an index of its own, which it builds from the database, instead of being
 * refused by the old one (Hibernate Search validates the mapping at start). The old index is left for the
 * administrator to delete.
 */
final class SiteIndexLayout implements IndexLayoutStrategy {

    private static final Pattern GENERATION = Pattern.compile("(.*)-\\d{6}");

    private final String prefix;

    SiteIndexLayout(String siteName, String mappingVersion) {
        this.prefix = indexName(siteName) + "-v" + mappingVersion + "-";
    }

    /**
     * The site's name as OpenSearch takes it (lower case letters, digits, {@code -} and {@code _}, not first), or
     * for any other name (大院网) {@code site-} and a hash of it, so that two such sites never share an index.
     */
    static String indexName(String siteName) {
        String lower = siteName.toLowerCase(Locale.ROOT);
        return lower.matches("[a-z0-9][a-z0-9_-]*") ? lower
                : "site-" + HexFormat.of().formatHex(sha256(siteName), 0, 8);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
