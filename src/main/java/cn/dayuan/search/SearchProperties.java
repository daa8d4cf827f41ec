package cn.dayuan.search;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the search index lives.
 *
 * @param backend           {@code lucene}: an index of this node's own in its data folder (the default, and what a
 *                          single node needs); {@code opensearch}: one index on an OpenSearch 2.x cluster that all
 *                          nodes share, which every node's changes reach once through an outbox table in the
 *                          database
 * @param opensearchUrl     the OpenSearch address(es), comma-separated, all with the same scheme
 * @param opensearchAnalyzer how OpenSearch cuts Chinese into words: {@code smartcn} (the plugin, the same words as the
 *                          embedded index), {@code cjk} (built in: every two neighbouring characters) or {@code auto}
 *                          (smartcn when the cluster has it)
 */
@ConfigurationProperties("dayuan.search")
public record SearchProperties(
        @DefaultValue("lucene") Backend backend,
        @DefaultValue("http://127.0.0.1:9200") String opensearchUrl,
        @DefaultValue("auto") String opensearchAnalyzer) {

    public enum Backend { LUCENE, OPENSEARCH }

    public boolean onOpenSearch() {
        return backend == Backend.OPENSEARCH;
    }

    /** The first address, for the questions asked before Hibernate Search starts. */
    URI firstOpenSearchAddress() {
        return URI.create(opensearchUrl.split(",")[0].trim());
    }
}
