package cn.dayuan.account;

import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.dayuan.system.DayuanProperties;
import cn.dayuan.system.ExclusiveWork;

/**
 * On first start (no accounts yet) creates {@code admin} with the password from DAYUAN_ADMIN_PASSWORD, or a
 * generated one printed once to the log. Nodes that start together on an empty database take turns
 * ({@link ExclusiveWork#FIRST_START}), so the account is created once.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final AccountService accounts;
    private final DayuanProperties properties;
    private final ExclusiveWork exclusive;

    AdminBootstrap(AccountService accounts, DayuanProperties properties, ExclusiveWork exclusive) {
        this.accounts = accounts;
        this.properties = properties;
        this.exclusive = exclusive;
    }

    @Override
    public void run(ApplicationArguments args) {
        exclusive.runFirstStartStep(this::createAdministratorIfNone);
    }

    private void createAdministratorIfNone() {
        if (!accounts.isEmpty()) {
            return;
        }
        String configured = properties.adminPassword();
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? generate() : configured;
        accounts.create("admin", "网络编辑", null, password, Role.ADMIN);
        if (generated) {
            log.warn("Created the administrator account 'admin' with the generated password: {}  "
                    + "(shown only this once; change it in the newsroom under 账号)", password);
        } else {
            log.info("Created the administrator account 'admin' with the password from DAYUAN_ADMIN_PASSWORD");
        }
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
