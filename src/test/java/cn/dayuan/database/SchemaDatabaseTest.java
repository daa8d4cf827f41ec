package cn.dayuan.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The one Flyway schema, as each database engine ended up storing it. */
class SchemaDatabaseTest extends DatabaseTest {

    private static final List<String> TABLES = List.of("account", "api_token", "site_setting", "channel", "tag",
            "article", "article_tag", "directory_category", "directory_link", "tag_alias", "channel_path");

    @Autowired
    Flyway flyway;

    @Test
    void everyMigrationIsAppliedAndNoneIsPending() {
        MigrationInfo[] applied = flyway.info().applied();
        assertThat(applied).isNotEmpty();
        assertThat(Arrays.stream(applied).map(MigrationInfo::getState)).containsOnly(MigrationState.SUCCESS);
        assertThat(flyway.info().pending()).isEmpty();
    }

    @Test
    void theRunStartsFromAnEmptySchemaWithOnlyTheAdministrator() {
        for (String table : TABLES) {
            assertThat(jdbc.queryForObject("select count(*) from " + table, Long.class))
                    .as("table %s is readable", table).isNotNull();
        }
        assertThat(jdbc.queryForList("select username from account where username = ?", String.class, ADMIN))
                .containsExactly(ADMIN);
    }

    @Test
    void textColumnsKeepCharactersBeyondTheBasicPlane() {
        // An Extension-B character from a personal name and an emoji: four bytes each in UTF-8 (MariaDB: utf8mb4).
        String name = unique("𠮷野家😀");
        jdbc.update("insert into tag (name) values (?)", name);
        assertThat(jdbc.queryForObject("select name from tag where name = ?", String.class, name)).isEqualTo(name);
        if (database().isMariaDbOrMySql()) {
            List<String> collations = jdbc.queryForList("select table_collation from information_schema.tables"
                    + " where table_schema = database() and table_name in ('" + String.join("','", TABLES) + "')",
                    String.class);
            assertThat(collations).hasSize(TABLES.size()).allSatisfy(c -> assertThat(c).startsWith("utf8mb4"));
        }
    }
}
