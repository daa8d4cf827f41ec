package cn.dayuan.database;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Base class of the integration suite that runs on H2, PostgreSQL and MariaDB. A test class joins the suite by
 * extending this class: it inherits the {@code database} tag (which the postgresql and mariadb surefire runs
 * select), the availability check (skip on a developer's machine, fail on CI) and one shared application,
 * started once per run on a random port with an empty schema.
 *
 * <p>All classes of a run share one database, so a test creates what it needs under names from
 * {@link #unique(String)} and asserts on its own data, or on properties that hold whatever else is stored.
 */
@Tag("database")
@ExtendWith(DatabaseAvailability.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dayuan.data-dir=target/test-data/database-suite",
        "dayuan.admin-password=" + DatabaseTest.ADMIN_PASSWORD,
        // Tests flush the view counter themselves, so they can see what is written when.
        "dayuan.view-flush-interval=1h",
        // Tests answer captchas at once (their images come from KnownCaptchaCodes).
        "dayuan.captcha-min-solve-time=0s"})
@Import(FreshSchema.class)
public abstract class DatabaseTest {

    /** The administrator {@code admin} that the application creates on first start. */
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "suite-admin-pw";

    private static final String RUN = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36), 36);
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Autowired
    protected JdbcTemplate jdbc;

    @LocalServerPort
    protected int port;

    /** The database this run is pointed at. */
    protected static TargetDatabase database() {
        return TargetDatabase.current();
    }

    /** A name no other test of this run uses: lower-case letters, digits and '-', so it also serves as a slug. */
    protected static String unique(String prefix) {
        return prefix + "-" + RUN + COUNTER.incrementAndGet();
    }

    /** An absolute address on the running application, e.g. {@code url("/api/v1/channels")}. */
    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
