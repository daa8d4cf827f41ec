package cn.dayuan.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Lets the search-in-a-cluster tests run where the OpenSearch node answers ({@code .ci/run} starts one with
 * {@code opensearch/run.sh}). Elsewhere they are skipped with the reason, and fail on CI (CI=true).
 */
public class OpenSearchAvailability implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String url = ClusterServers.openSearchUrl();
        String problem;
        try {
            int status = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()
                    .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
            problem = status == 200 ? null : "OpenSearch at " + url + " answered " + status;
        } catch (IOException e) {
            problem = "OpenSearch not reachable at " + url + " (start one with opensearch/run.sh)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted";
        }
        if (problem == null) {
            return ConditionEvaluationResult.enabled("OpenSearch answers at " + url);
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(problem + " — CI=true, where the cluster suite may not be skipped");
        }
        return ConditionEvaluationResult.disabled(problem + " — skipped");
    }
}
