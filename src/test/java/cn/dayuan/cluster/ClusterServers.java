package cn.dayuan.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The servers the cluster suite runs against, as the {@code cluster} surefire run names them (pom.xml), and the
 * fresh database each test class makes for its nodes.
 */
public final class ClusterServers {

    private ClusterServers() {
    }

    public static String postgresUrl() {
        return System.getProperty("dayuan.test.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    public static String postgresUser() {
        return System.getProperty("dayuan.test.postgresql.username", "postgres");
    }

    public static String postgresPassword() {
        return System.getProperty("dayuan.test.postgresql.password", "");
    }

    /** The OpenSearch node of the search-in-a-cluster tests ({@code .ci/run} starts one with opensearch/run.sh). */
    static String openSearchUrl() {
        return System.getProperty("dayuan.test.opensearch.url", "http://127.0.0.1:9200");
    }

    static String redisUrl() {
        return System.getProperty("dayuan.test.redis.url", "redis://127.0.0.1:6379");
    }

    /** Where Debian puts the Redis server, to start one of a test's own. */
    static Path redisServer() {
        for (String candidate : new String[] {"/usr/bin/redis-server", "/usr/local/bin/redis-server"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new IllegalStateException("redis-server not found in /usr/bin or /usr/local/bin");
    }

    /** Creates an empty database on the PostgreSQL server and answers its JDBC address. */
    public static String createDatabase(String prefix) {
        String name = prefix + "_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        execute("CREATE DATABASE " + name + " ENCODING 'UTF8'");
        return postgresUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
    }

    public static void dropDatabase(String url) {
        String name = url.replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1");
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(postgresUrl(), postgresUser(), postgresPassword());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
