package cn.dayuan.search;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analyzers of the index on OpenSearch, under the names the mapping uses ({@link ChineseAnalysis#ANALYZER},
 * {@link ChineseAnalysis#PINYIN}): Chinese is cut by the smartcn plugin when the cluster has it (the same words as the
 * embedded index), else by OpenSearch's built-in {@code cjk} analyzer, which indexes every two neighbouring
 * characters and so needs no dictionary; queries are then matched as phrases of those pairs
 * ({@link SearchService#matchingWords}). {@code bench/search.sh --opensearch} measures both.
 */
final class OpenSearchAnalysis implements ElasticsearchAnalysisConfigurer {

    static final String SMARTCN = "smartcn";
    static final String CJK = "cjk";

    private static final Logger log = LoggerFactory.getLogger(OpenSearchAnalysis.class);

    private final String chinese;

    OpenSearchAnalysis(String chinese) {
        this.chinese = chinese;
    }

    @Override
    public void configure(ElasticsearchAnalysisConfigurationContext context) {
        context.analyzer(ChineseAnalysis.ANALYZER).type(chinese);
        context.analyzer(ChineseAnalysis.PINYIN).custom().tokenizer("whitespace").tokenFilters("lowercase");
    }

    /**
     * The Chinese analyzer that {@code dayuan.search.opensearch-analyzer} names, or for {@code auto} smartcn when the
     * cluster knows it (asked with one {@code _analyze} call), else cjk.
     */
    static String chineseAnalyzer(SearchProperties properties) {
        String wanted = properties.opensearchAnalyzer().trim().toLowerCase(java.util.Locale.ROOT);
        if (wanted.equals(SMARTCN) || wanted.equals(CJK)) {
            return wanted;
        }
        if (!wanted.equals("auto")) {
            throw new IllegalArgumentException("dayuan.search.opensearch-analyzer must be auto, smartcn or cjk, not "
                    + properties.opensearchAnalyzer());
        }
        URI analyze = properties.firstOpenSearchAddress().resolve("/_analyze");
        try {
            HttpResponse<Void> answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(analyze).timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"analyzer\":\"smartcn\",\"text\":\"中文\"}"))
                            .build(), HttpResponse.BodyHandlers.discarding());
            String found = answer.statusCode() == 200 ? SMARTCN : CJK;
            log.info("OpenSearch at {} cuts Chinese with {}", properties.firstOpenSearchAddress(), found);
            return found;
        } catch (java.io.IOException e) {
            log.warn("OpenSearch at {} did not answer whether it has smartcn ({}); using cjk",
                    properties.firstOpenSearchAddress(), e.toString());
            return CJK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CJK;
        }
    }
}
