package cn.dayuan.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.dayuan.system.ExclusiveWork;

/**
 * Work one node at a time, on every database (the lock's SQL and clock are the database's own): a second caller is
 * turned away while the first works, the lock is free again afterwards, and a lock left by a node that died
 * lapses when its time is up.
 */
class ExclusiveWorkDatabaseTest extends DatabaseTest {

    @Autowired
    ExclusiveWork exclusive;

    @Test
    void whileOneNodeWorksAnotherIsTurnedAwayAndAfterwardsTheLockIsFree() throws Exception {
        String name = unique("job");
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread first = new Thread(() -> exclusive.runIfFree(name, Duration.ofMinutes(1), () -> {
            working.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        first.start();
        assertThat(working.await(10, TimeUnit.SECONDS)).isTrue();
        AtomicBoolean ranTwice = new AtomicBoolean();
        assertThat(exclusive.runIfFree(name, Duration.ofMinutes(1), () -> ranTwice.set(true))).isFalse();
        assertThat(ranTwice).isFalse();
        release.countDown();
        first.join(10_000);
        assertThat(exclusive.runIfFree(name, Duration.ofMinutes(1), () -> ranTwice.set(true))).isTrue();
        assertThat(ranTwice).isTrue();
    }

    @Test
    void aLockLeftByADeadNodeLapsesWhenItsTimeIsUp() {
        String name = unique("job");
        // What a node that died mid-job leaves behind: its lock, held until a moment that has passed.
        jdbc.update("INSERT INTO shedlock (name, lock_until, locked_at, locked_by) VALUES (?, ?, ?, ?)", name,
                java.sql.Timestamp.valueOf("2000-01-01 00:00:00"), java.sql.Timestamp.valueOf("2000-01-01 00:00:00"),
                "dead-node");
        assertThat(exclusive.runIfFree(name, Duration.ofMinutes(1), () -> { })).isTrue();

        String held = unique("job");
        jdbc.update("INSERT INTO shedlock (name, lock_until, locked_at, locked_by) VALUES (?, ?, ?, ?)", held,
                java.sql.Timestamp.valueOf("2999-01-01 00:00:00"), java.sql.Timestamp.valueOf("2000-01-01 00:00:00"),
                "live-node");
        assertThat(exclusive.runIfFree(held, Duration.ofMinutes(1), () -> { })).as("held by a live node").isFalse();
    }
}
