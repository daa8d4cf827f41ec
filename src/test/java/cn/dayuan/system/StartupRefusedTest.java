package cn.dayuan.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.session.SessionRepository;

import cn.dayuan.DayuanApplication;

/**
 * The one switch: without {@code spring.data.redis.url} nothing of Redis or Spring Session is even created; with it,
 * a node refuses the embedded database. And a data folder whose media folder cannot be written stops the start
 * with a report that says so.
 */
class StartupRefusedTest {

    @TempDir
    Path dataDir;

    @Test
    void aSingleNodeHasNoRedisAtAll() {
        try (ConfigurableApplicationContext node = start()) {
            assertThat(node.getBeanNamesForType(RedisConnectionFactory.class)).isEmpty();
            assertThat(node.getBeanNamesForType(SessionRepository.class)).isEmpty();
            assertThat(node.getBean(RateLimiter.class).getClass().getSimpleName()).isEqualTo("LocalRateLimiter");
        }
    }

    @Test
    void aClusterNodeRefusesTheEmbeddedDatabase() {
        assertThatThrownBy(() -> start("--spring.data.redis.url=redis://127.0.0.1:6379").close())
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("needs a database that every node shares")
                .satisfies(e -> assertThat(((StartupRefusedException) e).action())
                        .contains("PostgreSQL or MariaDB"));
        assertThatThrownBy(() -> start("--spring.data.redis.url=redis://127.0.0.1:6379",
                "--spring.datasource.url=jdbc:h2:mem:cluster").close())
                .isInstanceOf(StartupRefusedException.class);
    }

    @Test
    void aMediaFolderThatCannotBeWrittenStopsTheStart() throws Exception {
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("media"), "a file where the media folder belongs");
        assertThatThrownBy(() -> start().close())
                .hasRootCauseInstanceOf(StartupRefusedException.class)
                .rootCause().hasMessageContaining("media folder").hasMessageContaining("cannot be written");
    }

    private ConfigurableApplicationContext start(String... more) {
        String[] args = new String[3 + more.length];
        args[0] = "--server.port=0";
        args[1] = "--dayuan.data-dir=" + dataDir;
        args[2] = "--dayuan.admin-password=refused-pw-1";
        System.arraycopy(more, 0, args, 3, more.length);
        return new SpringApplicationBuilder(DayuanApplication.class).run(args);
    }
}
