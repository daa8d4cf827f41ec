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
 * and a user may pass any folder as {@code --dayuan.data-dir}. AUTO_SERVER lets a second process on this
 * machine (the {@code export} command while the portal runs) open the same database through the first.
 */
public class DataDirEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.datasource.url")) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty("dayuan.data-dir", "./data")).toAbsolutePath().normalize();
        String url = "jdbc:h2:file:" + dataDir.resolve("db").resolve("dayuan") + ";AUTO_SERVER=TRUE";
        environment.getPropertySources().addLast(new MapPropertySource("dayuanDataDir", Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", "sa",
                "spring.datasource.password", "")));
    }
}
