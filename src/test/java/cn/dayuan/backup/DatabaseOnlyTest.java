package cn.dayuan.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.filter.AssignableTypeFilter;

class DatabaseOnlyTest {

    @Test
    void theBackupCommandsMigrateWithEveryJavaMigrationThePortalHas() {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AssignableTypeFilter(JavaMigration.class));
        var migrations = scan.findCandidateComponents("cn.dayuan").stream().map(c -> c.getBeanClassName()).toList();
        var imported = Arrays.stream(DatabaseOnly.class.getAnnotation(Import.class).value()).map(Class::getName).toList();

        assertThat(migrations).as("a restore must build the schema the portal then finds").isNotEmpty()
                .allSatisfy(migration -> assertThat(imported).contains(migration));
    }
}
