package cn.dayuan.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

import cn.dayuan.cluster.Nodes.Node;

/**
 * Redis goes away while two nodes serve, and comes back: cached pages keep answering, edits still reach the other
 * node (through the change log), health says which part is down, and once Redis is back an edit shows on the
 * other node's cached pages at once again. The Redis is one of the test's own, never the machine's shared one.
 */
@Tag("cluster")
@ExtendWith(ClusterAvailability.class)
class ClusterFaultTest {

    private static int redisPort;
    private static Process redis;
    private static Nodes cluster;

    @BeforeAll
    static void startRedisAndTwoNodes() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            redisPort = socket.getLocalPort();
        }
        startRedis();
        cluster = Nodes.start("redis://127.0.0.1:" + redisPort, 2);
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
        if (redis != null) {
            redis.destroyForcibly();
        }
    }

    @Test
    void cachedPagesOutliveRedisAndEditsShowAgainAtOnceWhenItIsBack() throws Exception {
        Node a = cluster.get(0);
        Node b = cluster.get(1);
        a.create("/api/v1/channels", "{\"name\":\"断线\",\"slug\":\"duanxian\"}");
        JsonNode article = a.create("/api/v1/articles", """
                {"title":"断线之前","channel":"duanxian","body":"<p>缓存照常服务。</p>","status":"PUBLISHED"}""");
        long id = article.get("id").asLong();
        String page = URI.create(article.get("url").asString()).getPath();
        List<String> pages = List.of("/", page, "/duanxian/");
        for (Node node : List.of(a, b)) {
            pages.forEach(node::warm);
        }

        redis.destroy();
        assertThat(redis.waitFor(10, TimeUnit.SECONDS)).isTrue();

        for (int round = 0; round < 10; round++) {
            for (Node node : List.of(a, b)) {
                for (String path : pages) {
                    HttpResponse<String> response = new Browser().get(node.url(path));
                    assertThat(response.statusCode()).as("%s %s without Redis", node.name(), path).isEqualTo(200);
                    assertThat(response.headers().firstValue("X-Dayuan-Cache")).hasValue("HIT");
                }
            }
        }
        assertThat(new Browser().get(b.url("/nav/")).statusCode()).as("a page rendered without Redis").isEqualTo(200);
        HttpResponse<String> health = new Browser().get(b.url("/actuator/health"));
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"redis\":{\"status\":\"DOWN\"}").contains("\"db\":{\"status\":\"UP\"}");
        assertThat(new Browser().get(b.url("/actuator/health/db")).statusCode())
                .as("what a load balancer asks").isEqualTo(200);
        HttpResponse<String> newsroom = new Browser().get(a.url("/admin/login"));
        assertThat(newsroom.statusCode()).as("the newsroom without its session store").isEqualTo(503);
        assertThat(newsroom.body()).contains("暂时无法登录");
        assertThat(new Browser().get(b.url("/api/v1/captcha")).statusCode()).as("a captcha needs Redis").isEqualTo(503);
        assertThat(new Browser().get(b.url("/captcha.png")).statusCode()).isEqualTo(503);

        // An edit while Redis is gone reaches the other node through the change log.
        a.retitle(id, "断线之中");
        assertThat(b.millisUntil(page, body -> body.contains("断线之中"), 5000)).isLessThan(5000);

        startRedis();
        for (Node node : List.of(a, b)) {
            long start = System.nanoTime();
            while (!new Browser().get(node.url("/actuator/health")).body().contains("\"status\":\"UP\"")) {
                assertThat(System.nanoTime() - start).as("%s sees Redis again", node.name())
                        .isLessThan(TimeUnit.SECONDS.toNanos(30));
                Thread.sleep(200);
            }
        }
        // The subscription comes back on its own; give it its recovery interval.
        Thread.sleep(2000);
        pages.forEach(b::warm);
        a.retitle(id, "断线之后");
        for (String path : pages) {
            assertThat(b.millisUntil(path, body -> body.contains("断线之后"), 2000)).as(path).isLessThan(500);
        }
    }

    private static void startRedis() throws IOException, InterruptedException {
        redis = new ProcessBuilder(ClusterServers.redisServer().toString(), "--port", String.valueOf(redisPort),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no")
                .redirectErrorStream(true).redirectOutput(Path.of("target/redis-" + redisPort + ".log").toFile())
                .start();
        for (int i = 0; i < 100; i++) {
            try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", redisPort)) {
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("redis-server did not start on port " + redisPort);
    }
}
