package cn.dayuan.backup;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Import;

import cn.dayuan.system.DayuanProperties;
import cn.dayuan.system.ExclusiveWork;
import cn.dayuan.system.FlywayPlaceholders;
import cn.dayuan.system.V27__DropIndexesCoveredByOthers;
import cn.dayuan.system.V4__H2Adjustments;

/**
 * What the {@code backup} and {@code restore} commands start: the database as the portal configures it (same
 * settings, same data folder, same migrations), and nothing else — no web server, no scheduled work, no first-start
 * set-up that would write into the database a restore needs empty. Not a {@code @Configuration}, so the portal's
 * component scan leaves it alone; the commands start it as their application's source.
 */
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        TransactionAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, FlywayAutoConfiguration.class})
@EnableConfigurationProperties(DayuanProperties.class)
@Import({BackupService.class, SiteRestore.class, ExclusiveWork.class, FlywayPlaceholders.class,
        V4__H2Adjustments.class, V27__DropIndexesCoveredByOthers.class})
class DatabaseOnly {
}
