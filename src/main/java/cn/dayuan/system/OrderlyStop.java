package cn.dayuan.system;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

import sun.misc.Signal;

/**
 * A stop signal (SIGTERM from {@code systemctl stop} or {@code docker stop}, Ctrl-C) closes the portal first and only
 * then lets the JVM run its shutdown hooks. On the embedded database, H2 closes the database in a shutdown hook of
 * its own (its AUTO_SERVER mode, which lets the export and backup commands work beside a running portal, refuses
 * {@code DB_CLOSE_ON_EXIT=FALSE}), and that hook ran at the same time as Spring's: the views and search counts a
 * stopping portal writes last met a closed database and were lost, with errors in the log, at every stop.
 */
public final class OrderlyStop {

    private static final Logger log = LoggerFactory.getLogger(OrderlyStop.class);
    private static final AtomicBoolean STOPPING = new AtomicBoolean();

    private OrderlyStop() {
    }

    public static void install(ConfigurableApplicationContext portal) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> stop(portal, 128 + signal.getNumber()));
            } catch (IllegalArgumentException unavailable) {
                // Not a signal here, or the JVM runs with -Xrs: the JVM's own handling (its hooks) stays.
                log.debug("SIG{} is left to the JVM: {}", name, unavailable.getMessage());
            }
        }
    }

    private static void stop(ConfigurableApplicationContext portal, int status) {
        if (STOPPING.compareAndSet(false, true)) {
            try {
                portal.close();
            } finally {
                System.exit(status);
            }
        }
        // A second signal while the first one closes the portal changes nothing: the stop is under way.
    }
}
