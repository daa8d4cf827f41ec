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
 * embedded index), else by OpenSearch's built-in cjk filters, which index every two neighbouring characters and so
 * need no dictionary; each whitespace-separated part of a query is then matched as a phrase
 * ({@link SearchBackend#lookedUp}). {@code bench/search.sh --opensearch} measures both.
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
        if (chinese.equals(SMARTCN)) {
            context.analyzer(ChineseAnalysis.ANALYZER).type(SMARTCN);
        } else {
            // OpenSearch's cjk analyzer without its English stop words, which would make 'IT行业' or 'A股' unfindable.
            context.analyzer(ChineseAnalysis.ANALYZER).custom().tokenizer("standard")
                    .tokenFilters("cjk_width", "lowercase", "cjk_bigram");
        }
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
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest ask = HttpRequest.newBuilder(analyze).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"analyzer\":\"smartcn\",\"text\":\"中文\"}")).build();
        // A node that is still starting answers 503 or not at all for a while: ask again for a minute.
        String last = null;
        for (int attempt = 0; attempt < 30; attempt++) {
            try {
                int status = http.send(ask, HttpResponse.BodyHandlers.discarding()).statusCode();
                // 400: the analyzer is unknown there. Anything else (not up yet, an account needed) decides nothing.
                if (status == 200 || status == 400) {
                    String found = status == 200 ? SMARTCN : CJK;
                    log.info("OpenSearch at {} cuts Chinese with {}", properties.firstOpenSearchAddress(), found);
                    return found;
                }
                last = "HTTP " + status;
            } catch (java.io.IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("OpenSearch at " + properties.firstOpenSearchAddress() + " did not say whether"
                + " it has the smartcn analyzer (" + last + "); set dayuan.search.opensearch-analyzer to smartcn or cjk,"
                + " or start OpenSearch first");
    }
}
