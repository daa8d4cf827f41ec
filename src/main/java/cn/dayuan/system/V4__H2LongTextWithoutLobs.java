package cn.dayuan.system;

import java.sql.Statement;
import java.util.Locale;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * On H2, long text becomes {@code CHARACTER VARYING} (up to 10⁹ characters) instead of a CLOB. H2 copies every
 * CLOB of a query result into temporary LOB storage: listing 20 articles wrote their bodies to disk again, which
 * made a cold article render cost a second and grew the database file by gigabytes under load. PostgreSQL's
 * {@code TEXT} and MariaDB's {@code LONGTEXT} have no such cost and are left alone. (The class name is Flyway's:
 * version 4.)
 */
@Component
class V4__H2LongTextWithoutLobs extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (!product.contains("h2")) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("ALTER TABLE article ALTER COLUMN body SET DATA TYPE CHARACTER VARYING");
            statement.execute("ALTER TABLE site_setting ALTER COLUMN setting_value SET DATA TYPE CHARACTER VARYING");
        }
    }
}
