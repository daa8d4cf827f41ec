package cn.dayuan.system;

import java.sql.Statement;
import java.util.Locale;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * What the embedded H2 needs and PostgreSQL and MariaDB don't (the class name is Flyway's: version 4):
 * <ul>
 * <li>Long text as {@code CHARACTER VARYING} (up to 10⁹ characters) instead of a CLOB. H2 copies every CLOB of a
 * query result into temporary LOB storage: listing 20 articles wrote their bodies to disk again, which made a cold
 * article render cost a second and grew the database file by gigabytes under load.</li>
 * <li>No index on {@code (status, published_at)}. H2 picks an index for the WHERE clause first and uses an index
 * for ORDER BY only when it is the same one; with this index present the newest-articles query sorted every
 * article instead of reading the first rows of {@code ix_article_newest}.</li>
 * </ul>
 */
@Component
public class V4__H2Adjustments extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (!product.contains("h2")) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("ALTER TABLE article ALTER COLUMN body SET DATA TYPE CHARACTER VARYING");
            statement.execute("ALTER TABLE site_setting ALTER COLUMN setting_value SET DATA TYPE CHARACTER VARYING");
            statement.execute("DROP INDEX ix_article_status_published");
        }
    }
}
