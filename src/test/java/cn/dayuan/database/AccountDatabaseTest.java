package cn.dayuan.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import cn.dayuan.account.Account;
import cn.dayuan.account.AccountService;
import cn.dayuan.account.ApiTokenService;
import cn.dayuan.account.ApiTokenService.IssuedToken;
import cn.dayuan.account.Role;
import cn.dayuan.system.ConflictException;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.NotFoundException;

/** Newsroom accounts and personal API tokens, stored and read back on each database. */
class AccountDatabaseTest extends DatabaseTest {

    @Autowired
    AccountService accounts;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void anAccountIsStoredWithItsChineseNameAndAHashedPassword() {
        String username = unique("wang");
        Instant before = Instant.now();
        Account created = accounts.create(username, "王小明（要闻部）", username + "@example.cn", "密码password1",
                Role.EDITOR);

        Account stored = accounts.findByUsername(username).orElseThrow();
        assertThat(stored.getId()).isEqualTo(created.getId());
        assertThat(stored.getDisplayName()).isEqualTo("王小明（要闻部）");
        assertThat(stored.getEmail()).isEqualTo(username + "@example.cn");
        assertThat(stored.getRole()).isEqualTo(Role.EDITOR);
        assertThat(stored.isEnabled()).isTrue();
        assertThat(stored.getCreatedAt()).isCloseTo(before, within(5, ChronoUnit.SECONDS));
        assertThat(stored.getLastLoginAt()).isNull();

        String hash = jdbc.queryForObject("select password_hash from account where username = ?", String.class,
                username);
        assertThat(hash).doesNotContain("密码password1");
        assertThat(passwordEncoder.matches("密码password1", hash)).isTrue();
    }

    @Test
    void roleStatusPasswordAndLastLoginChangesAreKept() {
        String username = unique("li");
        long id = accounts.create(username, "李编辑", null, "first-password", Role.AUTHOR).getId();

        accounts.update(id, "李主任", "li@example.cn", Role.ADMIN, false);
        accounts.changePassword(id, "second-password");
        accounts.recordLogin(username);

        Account stored = accounts.get(id);
        assertThat(stored.getDisplayName()).isEqualTo("李主任");
        assertThat(stored.getEmail()).isEqualTo("li@example.cn");
        assertThat(stored.getRole()).isEqualTo(Role.ADMIN);
        assertThat(stored.isEnabled()).isFalse();
        assertThat(passwordEncoder.matches("second-password", stored.getPasswordHash())).isTrue();
        assertThat(passwordEncoder.matches("first-password", stored.getPasswordHash())).isFalse();
        assertThat(stored.getLastLoginAt()).isCloseTo(Instant.now(), within(5, ChronoUnit.SECONDS));
    }

    @Test
    void aTakenUsernameOrBadInputIsRefusedAndNothingIsWritten() {
        String username = unique("zhao");
        accounts.create(username, "赵记者", null, "password-1", Role.AUTHOR);
        long before = countAccounts();

        assertThatThrownBy(() -> accounts.create(username, "另一个赵记者", null, "password-2", Role.AUTHOR))
                .isInstanceOf(ConflictException.class).hasMessageContaining(username);
        assertThatThrownBy(() -> accounts.create("张三", "张三", null, "password-3", Role.AUTHOR))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> accounts.create(unique("short"), "短密码", null, "1234567", Role.AUTHOR))
                .isInstanceOf(InvalidInputException.class);
        assertThat(countAccounts()).isEqualTo(before);
    }

    @Test
    void anIssuedTokenAuthenticatesItsAccountUntilRevoked() {
        long accountId = accounts.create(unique("api"), "接口账号", null, "password-api", Role.EDITOR).getId();
        IssuedToken issued = tokens.issue(accountId, "采编系统同步");

        assertThat(issued.plainText()).startsWith(ApiTokenService.PREFIX);
        assertThat(issued.token().getTokenPrefix()).isEqualTo(issued.plainText().substring(0, 10));
        assertThat(jdbc.queryForObject("select count(*) from api_token where token_hash = ?", Long.class,
                issued.plainText())).as("only a hash is stored").isZero();

        assertThat(tokens.authenticate(issued.plainText())).map(Account::getId).contains(accountId);
        assertThat(tokens.findByAccount(accountId)).singleElement().satisfies(token -> {
            assertThat(token.getName()).isEqualTo("采编系统同步");
            assertThat(token.getLastUsedAt()).isCloseTo(Instant.now(), within(5, ChronoUnit.SECONDS));
        });
        assertThat(tokens.authenticate(issued.plainText() + "x")).isEmpty();

        tokens.revoke(accountId, issued.token().getId());
        assertThat(tokens.authenticate(issued.plainText())).isEmpty();
        assertThat(tokens.findByAccount(accountId)).isEmpty();
    }

    @Test
    void aDisabledAccountsTokenNoLongerWorksAndOthersCannotRevokeIt() {
        String username = unique("zhou");
        long accountId = accounts.create(username, "周编辑", null, "password-zhou", Role.EDITOR).getId();
        long otherId = accounts.create(unique("wu"), "吴编辑", null, "password-wu", Role.EDITOR).getId();
        IssuedToken issued = tokens.issue(accountId, "手机客户端");

        assertThatThrownBy(() -> tokens.revoke(otherId, issued.token().getId()))
                .isInstanceOf(NotFoundException.class);
        accounts.update(accountId, "周编辑", null, Role.EDITOR, false);
        assertThat(tokens.authenticate(issued.plainText())).isEmpty();
    }

    private long countAccounts() {
        return jdbc.queryForObject("select count(*) from account", Long.class);
    }
}
