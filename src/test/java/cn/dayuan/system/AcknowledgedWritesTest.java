package cn.dayuan.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the API answered 201 for is on disk: a real {@code kill -9} of the portal (a child JVM on the embedded H2
 * database) while articles are being posted loses none of them, and no id is ever handed out twice, even the id of
 * an article deleted just before the kill. A stop (SIGTERM) writes the views the portal still held and logs no
 * error. Also: the embedded database's AUTO_SERVER listener (for the {@code export} and {@code backup} commands
 * beside a running portal) listens on loopback only.
 */
class AcknowledgedWritesTest {

    private static final String PASSWORD = "durable-admin-pw";
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

    @TempDir
    Path dataDir;

    @Test
    void articlesAnswered201SurviveKillNineAndIdsAreNeverReused() throws Exception {
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        List<Long> deleted = Collections.synchronizedList(new ArrayList<>());
        for (int round = 1; round <= 3; round++) {
            Portal portal = Portal.start(dataDir);
            try {
                assertThat(portal.missing(acknowledged)).as("articles answered 201 before kill %d", round - 1).isEmpty();
                if (round == 1) {
                    created(portal.post("/api/v1/channels", "{\"name\":\"持久\",\"slug\":\"chijiu\"}"));
                }
                writeUntilKilled(portal, round, acknowledged, deleted);
            } finally {
                portal.kill();
            }
        }
        Portal last = Portal.start(dataDir);
        try {
            assertThat(acknowledged).hasSizeGreaterThan(30);
            assertThat(last.missing(acknowledged)).as("every article answered 201, after three kill -9").isEmpty();
            for (long id : deleted) {
                assertThat(last.get("/api/v1/articles/" + id).statusCode()).as("deleted %d", id).isEqualTo(404);
            }
            long newest = Collections.max(acknowledged.keySet());
            long next = created(last.post("/api/v1/articles", article("重启之后")));
            assertThat(next).as("a new id, never one handed out before").isGreaterThan(newest);
            assertThat(deleted).doesNotContain(next);
            assertThat(InetAddress.getByName(last.autoServerHost()).isLoopbackAddress())
                    .as("AUTO_SERVER announces %s", last.autoServerHost()).isTrue();
            assertThat(last.addressesThatRefuseTheDatabaseListener()).as("this machine's other addresses").isNotEmpty();
        } finally {
            last.kill();
        }
    }

    @Test
    void aStoppedPortalWritesTheViewsItHeldAndLogsNoError() throws Exception {
        // Views are written every few seconds; an hour here, so that every view is still held when the stop comes.
        String[] settings = {"--dayuan.view-flush-interval=1h", "--dayuan.view-repeat-interval=0s"};
        Portal portal = Portal.start(dataDir, settings);
        long id;
        String stopping;
        try {
            created(portal.post("/api/v1/channels", "{\"name\":\"持久\",\"slug\":\"chijiu\"}"));
            id = created(portal.post("/api/v1/articles", article("停机前的阅读")));
            for (int i = 1; i <= 7; i++) {
                HttpResponse<String> counted = portal.view(id);
                assertThat(counted.statusCode()).as(counted.body()).isEqualTo(200);
                assertThat(counted.body()).contains("\"views\":" + i);
            }
        } finally {
            stopping = portal.stop();
        }
        assertThat(stopping).as("the log of the stop").doesNotContain(" ERROR ").doesNotContain("Exception");
        Portal again = Portal.start(dataDir, settings);
        try {
            HttpResponse<String> counters = again.get("/api/v1/articles/" + id + "/counters");
            assertThat(counters.body()).as("the views counted before the stop").contains("\"views\":7");
        } finally {
            again.kill();
        }
    }

    /** Posts articles from four threads; after a moment deletes the newest and kills the portal mid-stream. */
    private void writeUntilKilled(Portal portal, int round, Map<Long, String> acknowledged, List<Long> deleted)
            throws Exception {
        int before = acknowledged.size();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            writers.submit(() -> {
                for (int i = 0; writing.get(); i++) {
                    String title = "第" + round + "轮第" + thread + "线程第" + i + "篇";
                    try {
                        HttpResponse<String> answer = portal.post("/api/v1/articles", article(title));
                        if (answer.statusCode() == 201) {
                            acknowledged.put(id(answer.body()), title);
                        }
                    } catch (IOException | InterruptedException e) {
                        return null; // killed
                    }
                }
                return null;
            });
        }
        // Until a dozen are acknowledged (however loaded the machine is), then kill while the writers go on.
        long enough = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (acknowledged.size() < before + 12 && System.nanoTime() < enough) {
            Thread.sleep(100);
        }
        long newest = Collections.max(acknowledged.keySet());
        if (portal.delete("/api/v1/articles/" + newest).statusCode() == 204) {
            acknowledged.remove(newest);
            deleted.add(newest);
        }
        Thread.sleep(300);
        portal.kill();
        writing.set(false);
        writers.shutdown();
        assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    private static String article(String title) {
        return "{\"title\":\"" + title + "\",\"channel\":\"chijiu\",\"body\":\"<p>" + title + "的正文。</p>\","
                + "\"status\":\"PUBLISHED\"}";
    }

    private static long created(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return id(answer.body());
    }

    private static long id(String json) {
        Matcher matcher = ID.matcher(json);
        assertThat(matcher.find()).as(json).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    /** The portal as a separate JVM, started the way a user starts it (the test's class path instead of the jar). */
    private static final class Portal {

        private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        private final Process process;
        private final Path dataDir;
        private final int port;
        private final Path log;

        private Portal(Process process, Path dataDir, int port, Path log) {
            this.process = process;
            this.dataDir = dataDir;
            this.port = port;
            this.log = log;
        }

        static Portal start(Path dataDir, String... settings) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
            List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), "cn.dayuan.DayuanApplication",
                    "--server.port=" + port, "--dayuan.data-dir=" + dataDir, "--dayuan.admin-password=" + PASSWORD));
            command.addAll(List.of(settings));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            Portal portal = new Portal(process, dataDir, port, log);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline) {
                assertThat(process.isAlive()).as("the portal exited at start; see %s", log).isTrue();
                try {
                    if (portal.get("/actuator/health").body().contains("\"UP\"")) {
                        return portal;
                    }
                } catch (IOException notYet) {
                    // still starting
                }
                Thread.sleep(200);
            }
            process.destroyForcibly();
            throw new AssertionError("the portal did not come up within 90 s; see " + log);
        }

        /** {@code kill -9}: the JVM gets no chance to flush or close anything. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }

        /**
         * Stops the portal as {@code systemctl stop} or Ctrl-C does (SIGTERM) and waits until it has exited.
         *
         * @return what it logged while stopping
         */
        String stop() throws IOException, InterruptedException {
            long logged = Files.size(log);
            process.destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute").isTrue();
            byte[] all = Files.readAllBytes(log);
            return new String(all, (int) logged, all.length - (int) logged, StandardCharsets.UTF_8);
        }

        /** A reader's browser counting a view of article {@code id}, as the article page's script does. */
        HttpResponse<String> view(long id) throws IOException, InterruptedException {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/counter/" + id + "/view"))
                    .timeout(Duration.ofSeconds(20)).header("Accept", "application/json")
                    .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Acknowledged articles that are gone or hold something else. */
        List<String> missing(Map<Long, String> acknowledged) throws IOException, InterruptedException {
            List<String> missing = new ArrayList<>();
            for (Map.Entry<Long, String> article : acknowledged.entrySet()) {
                HttpResponse<String> answer = get("/api/v1/articles/" + article.getKey());
                if (answer.statusCode() != 200 || !answer.body().contains(article.getValue())) {
                    missing.add(article.getKey() + " " + article.getValue() + " → " + answer.statusCode());
                }
            }
            return missing;
        }

        /** The address the AUTO_SERVER listener wrote into the database's lock file. */
        String autoServerHost() throws IOException {
            Properties lock = new Properties();
            try (var in = Files.newInputStream(dataDir.resolve("db/dayuan.lock.db"))) {
                lock.load(in);
            }
            return lock.getProperty("server").replaceFirst(":\\d+$", "");
        }

        /**
         * Connects to the listener's port through every other address of this machine, which must be refused.
         *
         * @return the addresses tried
         */
        List<InetAddress> addressesThatRefuseTheDatabaseListener() throws IOException {
            Properties lock = new Properties();
            try (var in = Files.newInputStream(dataDir.resolve("db/dayuan.lock.db"))) {
                lock.load(in);
            }
            int listener = Integer.parseInt(lock.getProperty("server").replaceFirst("^.*:", ""));
            List<InetAddress> tried = new ArrayList<>();
            for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(network.getInetAddresses())) {
                    if (address.isLoopbackAddress() || address.isLinkLocalAddress()) {
                        continue;
                    }
                    tried.add(address);
                    try (Socket socket = new Socket()) {
                        socket.connect(new java.net.InetSocketAddress(address, listener), 1000);
                        throw new AssertionError("the database listener answered on " + address);
                    } catch (IOException refused) {
                        // as it should
                    }
                }
            }
            return tried;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(request(path).GET());
        }

        HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
            return send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
        }

        HttpResponse<String> delete(String path) throws IOException, InterruptedException {
            return send(request(path).DELETE());
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(20))
                    .header("Accept", "application/json")
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }
}
