package cn.dayuan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import cn.dayuan.cluster.Browser;

/**
 * Sessions follow their account on a single node, tried as an attacker would: an administrator who was demoted and
 * disabled keeps no power in a session opened before, and a password change ends the account's other sessions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dayuan.data-dir=target/test-data/AccountSessionsTest",
        "dayuan.admin-password=" + AccountSessionsTest.ADMIN_PASSWORD})
class AccountSessionsTest {

    static final String ADMIN_PASSWORD = "sessions-admin-pw";

    static {
        FileSystemUtils.deleteRecursively(Path.of("target/test-data/AccountSessionsTest").toFile());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aDemotedAndDisabledAdministratorKeepsNoPowerInAnOpenSession() {
        long id = createAccount("rogue", "rogue-password-1", "ADMIN");
        Browser rogue = new Browser();
        assertThat(rogue.login(url(""), "rogue", "rogue-password-1")).endsWith("/admin");
        // The form it means to use later, with its CSRF token, loaded while it was an administrator.
        assertThat(rogue.get(url("/admin/accounts/new")).statusCode()).isEqualTo(200);

        Browser admin = new Browser();
        admin.login(url(""), "admin", ADMIN_PASSWORD);
        admin.get(url("/admin/accounts/" + id + "/edit"));
        assertThat(admin.post(url("/admin/accounts/" + id), "displayName", "rogue", "email", "", "role", "AUTHOR",
                "_enabled", "on")
                .statusCode()).as("demoted and disabled (the checkbox left out)").isEqualTo(303);

        HttpResponse<String> created = rogue.post(url("/admin/accounts"), "username", "rogue2",
                "password", "rogue-password-2", "role", "ADMIN", "enabled", "true");
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/admin/login?expired"));
        HttpResponse<String> promoted = rogue.post(url("/admin/accounts/" + id), "displayName", "rogue",
                "role", "ADMIN", "enabled", "true");
        assertThat(promoted.statusCode()).as("a token of a session that ended").isEqualTo(403);
        assertThat(rogue.get(url("/admin/accounts")).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/admin/login"));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM account WHERE username = 'rogue2'", Integer.class))
                .isZero();
        assertThat(jdbc.queryForMap("SELECT role, enabled FROM account WHERE id = ?", id))
                .containsEntry("ROLE", "AUTHOR").containsEntry("ENABLED", false);
        assertThat(admin.get(url("/admin/accounts")).statusCode()).as("the administrator who acted stays").isEqualTo(200);
    }

    @Test
    void aPasswordChangeEndsTheOtherSessionsButNotTheOneThatMadeIt() {
        long id = createAccount("traveller", "traveller-pw-1", "EDITOR");
        Browser laptop = new Browser();
        Browser phone = new Browser();
        laptop.login(url(""), "traveller", "traveller-pw-1");
        phone.login(url(""), "traveller", "traveller-pw-1");

        laptop.get(url("/admin/profile"));
        assertThat(laptop.post(url("/admin/profile/password"), "currentPassword", "traveller-pw-1",
                "password", "traveller-pw-2", "confirmPassword", "traveller-pw-2").statusCode()).isEqualTo(303);
        assertThat(laptop.get(url("/admin")).statusCode()).as("the session that changed it").isEqualTo(200);
        assertThat(phone.get(url("/admin")).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/admin/login?expired"));
        assertThat(phone.get(url("/admin/login?expired")).body()).contains("登录已失效");

        // An administrator resets it: every session of the account ends.
        Browser admin = new Browser();
        admin.login(url(""), "admin", ADMIN_PASSWORD);
        admin.get(url("/admin/accounts/" + id + "/edit"));
        assertThat(admin.post(url("/admin/accounts/" + id + "/password"), "password", "traveller-pw-3").statusCode())
                .isEqualTo(303);
        assertThat(laptop.get(url("/admin")).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/admin/login?expired"));
        assertThat(new Browser().login(url(""), "traveller", "traveller-pw-3")).endsWith("/admin");
    }

    private long createAccount(String username, String password, String role) {
        HttpResponse<String> created = Browser.api("POST", url("/api/v1/accounts"), "admin", ADMIN_PASSWORD,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"role\":\"" + role + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return jdbc.queryForObject("SELECT id FROM account WHERE username = ?", Long.class, username);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
