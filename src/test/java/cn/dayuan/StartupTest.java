package cn.dayuan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

import cn.dayuan.account.Account;
import cn.dayuan.account.AccountService;
import cn.dayuan.channel.ChannelService;

/** What a newcomer sees on first start and on every start after it, on the same data folder. */
class StartupTest {

    @TempDir
    Path dataDir;

    @Test
    void firstStartCreatesTheAdministratorAndARestartKeepsEverything() throws Exception {
        try (ConfigurableApplicationContext first = start("first-start-pw")) {
            Account admin = first.getBean(AccountService.class).findByUsername("admin").orElseThrow();
            assertThat(admin.getRole().name()).isEqualTo("ADMIN");
            assertThat(first.getBean(PasswordEncoder.class).matches("first-start-pw", admin.getPasswordHash())).isTrue();
            first.getBean(ChannelService.class).create("国内新闻", null, null, "国内要闻", null);
            assertThat(health(first)).contains("\"status\":\"UP\"");
        }
        assertThat(Files.exists(dataDir.resolve("db"))).as("the database lives in the data folder").isTrue();

        try (ConfigurableApplicationContext second = start("another-password")) {
            Account admin = second.getBean(AccountService.class).findByUsername("admin").orElseThrow();
            assertThat(second.getBean(PasswordEncoder.class).matches("first-start-pw", admin.getPasswordHash()))
                    .as("a restart never resets the administrator's password").isTrue();
            assertThat(second.getBean(AccountService.class).findAll()).hasSize(1);
            assertThat(second.getBean(ChannelService.class).tree().byPath("guoneixinwen")).isPresent();
        }
    }

    private ConfigurableApplicationContext start(String adminPassword) {
        return new SpringApplicationBuilder(DayuanApplication.class).run(
                "--dayuan.data-dir=" + dataDir, "--dayuan.admin-password=" + adminPassword, "--server.port=0");
    }

    private static String health(ConfigurableApplicationContext context) throws IOException, InterruptedException {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
