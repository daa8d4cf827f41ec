package cn.dayuan.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.util.FileSystemUtils;

import cn.dayuan.system.ConflictException;

/** Two administrators demoting each other at the same moment: one of them stays an administrator. */
@SpringBootTest(properties = {"dayuan.data-dir=" + LastAdministratorTest.DATA_DIR,
        "dayuan.admin-password=last-admin-test-pw"})
class LastAdministratorTest {

    static final String DATA_DIR = "target/test-data/LastAdministratorTest";

    static {
        FileSystemUtils.deleteRecursively(Path.of(DATA_DIR).toFile());
    }

    @Autowired
    AccountService accounts;

    @Test
    void twoAdministratorsDemotingEachOtherAtOnceLeaveOne() throws Exception {
        Account first = accounts.findByUsername("admin").orElseThrow();
        Account second = accounts.create("deputy", "副站长", null, "Deputy-Admin-2026", Role.ADMIN);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                accounts.update(first.getId(), null, null, Role.ADMIN, true);
                accounts.update(second.getId(), null, null, Role.ADMIN, true);
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Boolean>> demotions = new ArrayList<>();
                for (Account target : List.of(first, second)) {
                    demotions.add(threads.submit(() -> {
                        together.await();
                        try {
                            accounts.update(target.getId(), null, null, Role.EDITOR, true);
                            return true;
                        } catch (ConflictException lastAdministrator) {
                            return false;
                        }
                    }));
                }
                int demoted = 0;
                for (Future<Boolean> demotion : demotions) {
                    demoted += demotion.get() ? 1 : 0;
                }
                assertThat(demoted).as("round " + round).isEqualTo(1);
                assertThat(accounts.findAll().stream().filter(a -> a.getRole() == Role.ADMIN && a.isEnabled()))
                        .as("round " + round).hasSize(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
