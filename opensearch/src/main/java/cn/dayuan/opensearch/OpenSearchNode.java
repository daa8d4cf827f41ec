package cn.dayuan.opensearch;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.index.mapper.MapperExtrasPlugin;
import org.opensearch.index.reindex.ReindexPlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugin.analysis.smartcn.AnalysisSmartChinesePlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * One OpenSearch node on loopback, with the modules a Hibernate Search index of Dayuan needs: HTTP and transport over
 * Netty, the common analyzers (cjk), the extra field types, reindexing, and smartcn. It keeps its data in the home
 * folder it is given and prints {@code OPENSEARCH STARTED http=host:port} once it answers; it stops on SIGTERM.
 * <p>
 * Arguments: {@code <home folder> <http port>} (port 0 picks a free one). The plugins are on the class path, which is
 * how OpenSearch's own integration tests run a node: a real node, without the distribution's launcher scripts.
 */
public final class OpenSearchNode {

    private static final List<Class<? extends Plugin>> PLUGINS = List.of(Netty4Plugin.class,
            CommonAnalysisPlugin.class, MapperExtrasPlugin.class, ReindexPlugin.class,
            AnalysisSmartChinesePlugin.class);

    private static final class ClasspathNode extends Node {
        ClasspathNode(Environment environment) {
            super(environment, PLUGINS, true);
        }
    }

    private OpenSearchNode() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: OpenSearchNode <home folder> <http port>");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Path config = home.resolve("config");
        Files.createDirectories(config);
        Files.createDirectories(home.resolve("logs"));
        try (var log4j = OpenSearchNode.class.getResourceAsStream("/log4j2.properties")) {
            Files.copy(log4j, config.resolve("log4j2.properties"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Settings settings = Settings.builder()
                .put("cluster.name", "dayuan")
                .put("node.name", "node-1")
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("path.logs", home.resolve("logs").toString())
                .put("network.host", "127.0.0.1")
                .put("http.port", args[1])
                .put("transport.port", "0")
                .put("http.type", "netty4")
                .put("transport.type", "netty4")
                .put("discovery.type", "single-node")
                // A test machine's disk may be nearly full; the node must not turn its indexes read-only for it.
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                .build();
        Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Collections.emptyMap(),
                config, () -> "node-1");
        PrintStream out = System.out;
        LogConfigurator.registerErrorListener();
        LogConfigurator.setNodeName("node-1");
        LogConfigurator.configure(environment);

        Node node = new ClasspathNode(environment);
        node.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "opensearch-stop"));
        var address = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress();
        out.println("OPENSEARCH STARTED http=" + address.getAddress() + ":" + address.getPort());
        out.flush();
        stopped.await();
    }
}
