package cn.dayuan.database;

import java.util.concurrent.atomic.AtomicBoolean;

import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Starts each test run from an empty schema: the first application context of the run drops everything Flyway
 * finds in the test database, then migrates as the application does. Only when the test run asks for it
 * ({@code dayuan.test.fresh-schema=true}, set by surefire in pom.xml), so a test started from an IDE against
 * some other database never wipes it; the production configuration keeps Flyway's clean disabled.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FreshSchema {

    private static final AtomicBoolean CLEANED_IN_THIS_RUN = new AtomicBoolean();

    @Bean
    FlywayMigrationStrategy cleanOnceThenMigrate(Environment environment) {
        boolean fresh = environment.getProperty("dayuan.test.fresh-schema", Boolean.class, false);
        return flyway -> {
            if (fresh && CLEANED_IN_THIS_RUN.compareAndSet(false, true)) {
                Flyway.configure(flyway.getConfiguration().getClassLoader())
                        .configuration(flyway.getConfiguration())
                        .cleanDisabled(false)
                        .load()
                        .clean();
            }
            flyway.migrate();
        };
    }
}
