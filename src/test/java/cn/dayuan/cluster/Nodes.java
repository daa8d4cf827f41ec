package cn.dayuan.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.util.FileSystemUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import cn.dayuan.DayuanApplication;

/**
 * Nodes of one Dayuan cluster inside this JVM: each its own Spring application on a random port with its own data
 * folder, all on one fresh PostgreSQL database and one Redis, started at the same time as a real cluster's nodes
 * may be. Closing stops them and drops the database.
 */
final class Nodes implements AutoCloseable {

    static final String ADMIN_PASSWORD = "cluster-admin-pw";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final String databaseUrl;
    private final String clusterName;
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

        /** The JSON API as the administrator. */
        HttpResponse<String> api(String method, String path, String json) {
            return Browser.api(method, url(path), "admin", ADMIN_PASSWORD, json);
        }

        /** Creates through the API and answers what was created. */
        JsonNode create(String path, String json) {
            HttpResponse<String> answer = api("POST", path, json);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
            return JSON.readTree(answer.body());
        }

        /** Gives an article a new title through the API, every other field as it is. */
        void retitle(long articleId, String title) {
            ObjectNode article = (ObjectNode) JSON.readTree(api("GET", "/api/v1/articles/" + articleId, null).body());
            article.put("title", title);
            assertThat(api("PUT", "/api/v1/articles/" + articleId, article.toString()).statusCode()).isEqualTo(200);
        }

        /** Reads a page until this node serves it from its cache. */
        void warm(String path) {
            for (int i = 0; i < 5; i++) {
                if ("HIT".equals(new Browser().get(url(path)).headers().firstValue("X-Dayuan-Cache").orElse(null))) {
                    return;
                }
            }
            throw new AssertionError(name + " does not cache " + path);
        }

        /** Milliseconds until the page shows what is asked, or {@code limit} if it never did. */
        long millisUntil(String path, Predicate<String> shows, long limit) throws InterruptedException {
            long start = System.nanoTime();
            while (true) {
                long ms = (System.nanoTime() - start) / 1_000_000;
                if (shows.test(new Browser().get(url(path)).body())) {
                    return ms;
                }
                if (ms >= limit) {
                    return limit;
                }
                Thread.sleep(5);
            }
        }
    }

    /**
     * The nodes of one JVM share one Logback context, and Spring Boot resets and configures it while a node starts:
     * two nodes doing that at once leave one without its environment ("Unable to find Spring Environment in logger
     * context"). Each node holds this lock from its start until logging is set up; the rest of starting (migrations,
     * the first administrator, the web server) still runs side by side.
     */
    private static final class OneLoggingSetupAtATime implements ApplicationListener<SpringApplicationEvent>, Ordered {

        private static final ReentrantLock LOGGING_SETUP = new ReentrantLock();

        @Override
        public void onApplicationEvent(SpringApplicationEvent event) {
            if (event instanceof ApplicationStartingEvent) {
                LOGGING_SETUP.lock();
            } else if ((event instanceof ApplicationContextInitializedEvent || event instanceof ApplicationFailedEvent)
                    && LOGGING_SETUP.isHeldByCurrentThread()) {
                LOGGING_SETUP.unlock();
            }
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE; // before Spring Boot's LoggingApplicationListener
        }
    }

    /**
     * The list of hits of a search page ({@code <ul class="article-list search-results">}), or "" when nothing was
     * found: the page's other lists (the newest articles) name articles whatever the search found.
     */
    static String searchResults(String page) {
        if (!page.contains("class=\"search-summary\"") && !page.contains("class=\"search-none\"")) {
            throw new AssertionError("not a search page: " + page.substring(0, Math.min(300, page.length())));
        }
        int start = page.indexOf("search-results");
        return start < 0 ? "" : page.substring(start, page.indexOf("</ul>", start));
    }

    private Nodes(String databaseUrl, String clusterName, List<Node> nodes) {
        this.databaseUrl = databaseUrl;
        this.clusterName = clusterName;
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
                        "--spring.data.redis.url=" + redisUrl,
                        // views from the one test address must add up across nodes, not count once
                        "--dayuan.view-repeat-interval=0s"));
                args.addAll(List.of(arguments));
                starting.add(CompletableFuture.supplyAsync(() -> new Node(name,
                        new SpringApplicationBuilder(DayuanApplication.class)
                                .listeners(new OneLoggingSetupAtATime())
                                .run(args.toArray(String[]::new))),
                        starters));
            }
            return new Nodes(databaseUrl, clusterName, starting.stream().map(CompletableFuture::join).toList());
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

    /** The name of this cluster, which its Redis keys and its index on OpenSearch begin with. */
    String clusterName() {
        return clusterName;
    }

    @Override
    public void close() {
        nodes.forEach(node -> node.context().close());
        ClusterServers.dropDatabase(databaseUrl);
    }
}
