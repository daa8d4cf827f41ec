package cn.dayuan.system;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;

/**
 * Work that one node (and one thread) at a time may do: scheduled jobs, the static export, a backup, the first
 * start's set-up. The locks are ShedLock rows in the shared database, in a single node and in a cluster alike,
 * timed by the database's clock. A lock is kept alive while its work runs and lapses {@code atMost} after a node
 * died holding it, so a killed node blocks the work of the others for that long at most.
 */
@Component
public class ExclusiveWork {

    /** The lock under which starting nodes set up an empty database one after the other. */
    public static final String FIRST_START = "first-start";

    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dayuan-lock-keep-alive");
        thread.setDaemon(true);
        return thread;
    });
    private final LockProvider locks;

    ExclusiveWork(DataSource dataSource) {
        this.locks = new KeepAliveLockProvider(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration
                .builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build()), keepAlive);
    }

    /**
     * Runs {@code work} unless work of the same name is running on this or another node.
     *
     * @param atMost how long the others wait for a node that died while holding the lock (at least 30 seconds)
     * @return whether the work ran
     */
    public boolean runIfFree(String name, Duration atMost, Runnable work) {
        Optional<SimpleLock> lock = locks.lock(new LockConfiguration(Instant.now(), name, atMost, Duration.ZERO));
        if (lock.isEmpty()) {
            return false;
        }
        try {
            work.run();
            return true;
        } finally {
            lock.get().unlock();
        }
    }

    /**
     * Waits until no work of this name runs anywhere, then runs {@code work}: for set-up that every starting node
     * needs done exactly once before it goes on.
     *
     * @throws StartupRefusedException when the lock stayed taken for {@code wait}
     */
    public <T> T runWhenFree(String name, Duration atMost, Duration wait, Supplier<T> work) {
        try (Held ignored = holdWhenFree(name, atMost, wait)) {
            return work.get();
        }
    }

    /**
     * Waits until no work of this name runs anywhere, then holds its lock until the answer is closed: for set-up
     * that spans more than one call, such as the creation of beans.
     *
     * @throws StartupRefusedException when the lock stayed taken for {@code wait}
     */
    public Held holdWhenFree(String name, Duration atMost, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Optional<SimpleLock> lock = locks.lock(new LockConfiguration(Instant.now(), name, atMost, Duration.ZERO));
            if (lock.isPresent()) {
                return lock.get()::unlock;
            }
            if (System.nanoTime() > deadline) {
                throw new StartupRefusedException("Another node held the lock '" + name + "' for longer than "
                        + wait.toSeconds() + " s.", "Wait until the other node has started, or, if it died, start "
                        + "this node again once " + atMost.toSeconds() + " s have passed.");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the lock '" + name + "'", e);
            }
        }
    }

    /** A lock held until closed. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * A step of the first start on an empty database (the administrator, the demo portal): nodes that start
     * together run it one after the other, and each step looks whether another node did it already.
     */
    public void runFirstStartStep(Runnable step) {
        runWhenFree(FIRST_START, Duration.ofMinutes(1), Duration.ofMinutes(3), () -> {
            step.run();
            return null;
        });
    }

    @PreDestroy
    void stop() {
        keepAlive.shutdownNow();
    }
}
