package cn.dayuan.system;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the embedded H2 database into the data folder unless a database URL was configured.
 * Done here rather than in application.yml because H2 refuses relative paths that don't start with "./",
 * and a user may pass any folder as {@code --dayuan.data-dir}.
 * <ul>
 *   <li>{@code WRITE_DELAY=0}: a commit is in the file before it is answered, so an article the API answered 201
 *   for survives a killed process (H2's default keeps the last half second of commits in memory).</li>
 *   <li>{@code AUTO_SERVER} lets a second process on this machine (the {@code export} and {@code backup} commands
 *   while the portal runs) open the same database through the first; its listener binds to loopback only.</li>
 *   <li>A cluster node ({@link ClusterMode}) refuses the embedded database: the nodes must share one.</li>
 * </ul>
 */
public class DataDirEnvironment implements EnvironmentPostProcessor {

    /** H2 reads this system property when it opens the AUTO_SERVER listener. */
    private static final String H2_BIND_ADDRESS = "h2.bindAddress";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty("spring.datasource.url");
        if (ClusterMode.isOn(environment) && (configured == null || isEmbeddedH2(configured))) {
            throw new StartupRefusedException(
                    "Cluster mode (" + ClusterMode.REDIS_URL + " is set) needs a database that every node shares, "
                            + "but this node would use " + (configured == null
                            ? "the embedded H2 database in its data folder" : "the embedded H2 database " + configured)
                            + ".",
                    "Point every node at the same PostgreSQL or MariaDB database with spring.datasource.url "
                            + "(see README.md, \"Running several nodes\"), or remove " + ClusterMode.REDIS_URL
                            + " to run a single node on the embedded database.");
        }
        if (configured != null) {
            return;
        }
        if (System.getProperty(H2_BIND_ADDRESS) == null) {
            System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
        }
        Path dataDir = Path.of(environment.getProperty("dayuan.data-dir", "./data")).toAbsolutePath().normalize();
        String url = "jdbc:h2:file:" + dataDir.resolve("db").resolve("dayuan") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
        environment.getPropertySources().addLast(new MapPropertySource("dayuanDataDir", Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", "sa",
                "spring.datasource.password", "")));
    }

    /** H2 in this process (a file or memory database), as opposed to an H2 server reached over TCP. */
    private static boolean isEmbeddedH2(String url) {
        return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
    }
}
