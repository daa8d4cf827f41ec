package cn.dayuan.database;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Lets the database suite run only where its database answers. The embedded H2 database always does. An external
 * server is asked once per test run; when it does not answer, the suite is skipped with the reason on a
 * developer's machine ("PostgreSQL not reachable at 127.0.0.1:5432 — skipped"), and fails on CI (environment
 * variable CI=true), where nothing may be skipped.
 */
public class DatabaseAvailability implements ExecutionCondition {

    private static final int CONNECT_TIMEOUT_MILLIS = 3000;
    private static final int LOGIN_TIMEOUT_SECONDS = 10;

    private static volatile Probe probe;

    private record Probe(boolean usable, String report) {
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Probe result = probe();
        if (result.usable()) {
            return ConditionEvaluationResult.enabled(result.report());
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(result.report() + " — CI=true, where the database suite may not be skipped");
        }
        return ConditionEvaluationResult.disabled(result.report() + " — skipped");
    }

    private static Probe probe() {
        Probe result = probe;
        if (result == null) {
            synchronized (DatabaseAvailability.class) {
                if (probe == null) {
                    probe = ask(TargetDatabase.current());
                    System.out.println("[dayuan] database suite: " + probe.report());
                }
                result = probe;
            }
        }
        return result;
    }

    private static Probe ask(TargetDatabase database) {
        if (database.isEmbedded()) {
            return new Probe(true, "embedded H2 in the test data folder");
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(database.host(), database.port()), CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            return new Probe(false, database.name() + " not reachable at " + database.address());
        }
        DriverManager.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
        try (Connection connection = DriverManager.getConnection(database.url(), database.username(),
                database.password())) {
            DatabaseMetaData meta = connection.getMetaData();
            return new Probe(true, meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + " at "
                    + database.url() + " as " + database.username());
        } catch (SQLException e) {
            return new Probe(false, database.name() + " at " + database.address() + " refused "
                    + database.url() + " as " + database.username() + " (" + e.getMessage() + ")");
        }
    }
}
