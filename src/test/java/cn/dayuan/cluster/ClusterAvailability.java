package cn.dayuan.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Lets the cluster suite run where its PostgreSQL and Redis answer (the {@code cluster} surefire run in pom.xml
 * points at the machine's servers). Elsewhere it is skipped with the reason, and fails on CI (CI=true).
 */
public class ClusterAvailability implements ExecutionCondition {

    private static volatile String problem;
    private static volatile boolean asked;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!asked) {
            synchronized (ClusterAvailability.class) {
                if (!asked) {
                    problem = ask();
                    asked = true;
                    System.out.println("[dayuan] cluster suite: " + (problem == null
                            ? "PostgreSQL at " + ClusterServers.postgresUrl() + " and Redis at " + ClusterServers.redisUrl()
                            : problem));
                }
            }
        }
        if (problem == null) {
            return ConditionEvaluationResult.enabled("PostgreSQL and Redis answer");
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(problem + " — CI=true, where the cluster suite may not be skipped");
        }
        return ConditionEvaluationResult.disabled(problem + " — skipped");
    }

    private static String ask() {
        try (Connection ignored = DriverManager.getConnection(ClusterServers.postgresUrl(),
                ClusterServers.postgresUser(), ClusterServers.postgresPassword())) {
            // answers
        } catch (SQLException e) {
            return "PostgreSQL not reachable at " + ClusterServers.postgresUrl() + " (" + e.getMessage() + ")";
        }
        URI redis = URI.create(ClusterServers.redisUrl());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(redis.getHost(), redis.getPort()), 3000);
            socket.setSoTimeout(3000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(7);
            if (!new String(answer, StandardCharsets.US_ASCII).startsWith("+PONG")) {
                return "Redis at " + redis + " did not answer PING";
            }
        } catch (IOException e) {
            return "Redis not reachable at " + redis;
        }
        return null;
    }
}
