package cn.dayuan.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import cn.dayuan.DayuanApplication;

/**
 * Nodes of one Dayuan cluster inside this JVM: each its own Spring application on a random port with its own data
 * folder, all on one fresh PostgreSQL database and one Redis, started at the same time as a real cluster's nodes
 * may be. Closing stops them and drops the database.
 */
final class Nodes implements AutoCloseable {

    static final String ADMIN_PASSWORD = "cluster-admin-pw";

    private final String databaseUrl;
    private final List<Node> nodes;

    /** One node: its application and its address. */
    record Node(String name, ConfigurableApplicationContext context) {

        int port() {
            return ((WebServerApplicationContext) context).getWebServer().getPort();
        }

        String url(String path) {
            return "http://127.0.0.1:" + port() + path;
        }

        <T> T bean(Class<T> type) {
            return context.getBean(type);
        }
    }

    private Nodes(String databaseUrl, List<Node> nodes) {
        this.databaseUrl = databaseUrl;
        this.nodes = nodes;
    }

    /**
     * Starts {@code count} nodes together on a new database.
     *
     * @param redisUrl  the Redis every node uses
     * @param arguments further command-line arguments for every node
     */
    static Nodes start(String redisUrl, int count, String... arguments) {
        String databaseUrl = ClusterServers.createDatabase("dayuan_cluster");
        // A name of its own on the shared Redis: other runs' sessions, limits and messages stay apart.
        String clusterName = "test-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        ExecutorService starters = Executors.newFixedThreadPool(count);
        try {
            List<CompletableFuture<Node>> starting = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = String.valueOf((char) ('a' + i));
                Path dataDir = Path.of("target/test-data/cluster-" + clusterName + "-" + name);
                FileSystemUtils.deleteRecursively(dataDir.toFile());
                List<String> args = new ArrayList<>(List.of(
                        "--server.port=0",
                        "--dayuan.data-dir=" + dataDir,
                        "--dayuan.admin-password=" + ADMIN_PASSWORD,
                        "--dayuan.cluster-name=" + clusterName,
                        "--spring.datasource.url=" + databaseUrl,
                        "--spring.datasource.username=" + ClusterServers.postgresUser(),
                        "--spring.datasource.password=" + ClusterServers.postgresPassword(),
                        "--spring.data.redis.url=" + redisUrl));
                args.addAll(List.of(arguments));
                starting.add(CompletableFuture.supplyAsync(() -> new Node(name,
                        new SpringApplicationBuilder(DayuanApplication.class).run(args.toArray(String[]::new))),
                        starters));
            }
            return new Nodes(databaseUrl, starting.stream().map(CompletableFuture::join).toList());
        } catch (RuntimeException e) {
            ClusterServers.dropDatabase(databaseUrl);
            throw e;
        } finally {
            starters.shutdown();
        }
    }

    Node get(int index) {
        return nodes.get(index);
    }

    String databaseUrl() {
        return databaseUrl;
    }

    @Override
    public void close() {
        nodes.forEach(node -> node.context().close());
        ClusterServers.dropDatabase(databaseUrl);
    }
}
