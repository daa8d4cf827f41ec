package cn.dayuan.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * What the three databases do differently for a logical backup: how a consistent read of every table is had, and
 * how the next value of an identity column is read and set, so that a restored site never hands out an id it
 * handed out before (an old link would then show another article).
 */
enum Vendor {

    H2 {
        @Override
        String flywayHistory() {
            // Flyway creates it with a quoted lower-case name, which H2 (unlike the others) keeps apart.
            return "\"flyway_schema_history\"";
        }

        @Override
        int snapshotIsolation() {
            // H2's SERIALIZABLE reads one snapshot, which is all a read-only transaction needs.
            return Connection.TRANSACTION_SERIALIZABLE;
        }

        @Override
        long nextId(Connection connection, String table) throws SQLException {
            return queryLong(connection, "SELECT IDENTITY_BASE FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA ="
                    + " SCHEMA() AND TABLE_NAME = '" + table.toUpperCase(Locale.ROOT) + "' AND IS_IDENTITY = 'YES'");
        }

        @Override
        void setNextId(Connection connection, String table, long next) throws SQLException {
            execute(connection, "ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + next);
        }
    },

    POSTGRESQL {
        @Override
        int snapshotIsolation() {
            return Connection.TRANSACTION_REPEATABLE_READ;
        }

        @Override
        long nextId(Connection connection, String table) throws SQLException {
            try (Statement statement = connection.createStatement();
                 ResultSet sequence = statement.executeQuery("SELECT last_value, is_called FROM "
                         + sequence(connection, table))) {
                sequence.next();
                return sequence.getBoolean(2) ? sequence.getLong(1) + 1 : sequence.getLong(1);
            }
        }

        @Override
        void setNextId(Connection connection, String table, long next) throws SQLException {
            execute(connection, "SELECT setval('" + sequence(connection, table) + "', " + next + ", false)");
        }

        private String sequence(Connection connection, String table) throws SQLException {
            try (Statement statement = connection.createStatement();
                 ResultSet name = statement.executeQuery("SELECT pg_get_serial_sequence('" + table + "', 'id')")) {
                name.next();
                return name.getString(1);
            }
        }
    },

    MARIADB {
        @Override
        int snapshotIsolation() {
            // InnoDB reads the whole transaction from the snapshot taken at its first read.
            return Connection.TRANSACTION_REPEATABLE_READ;
        }

        @Override
        long nextId(Connection connection, String table) throws SQLException {
            return queryLong(connection, "SELECT AUTO_INCREMENT FROM information_schema.TABLES"
                    + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '" + table + "'");
        }

        @Override
        void setNextId(Connection connection, String table, long next) throws SQLException {
            execute(connection, "ALTER TABLE " + table + " AUTO_INCREMENT = " + next);
        }
    };

    static Vendor of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return H2;
        }
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        if (product.contains("mariadb") || product.contains("mysql")) {
            return MARIADB;
        }
        throw new SQLException("Backups know H2, PostgreSQL and MariaDB/MySQL, not " + product);
    }

    /** Flyway's history table as a query names it. */
    String flywayHistory() {
        return "flyway_schema_history";
    }

    /** The isolation level at which one transaction reads every table as of one moment. */
    abstract int snapshotIsolation();

    /** The value the table's identity column hands out next. Table names are Dayuan's own, never user input. */
    abstract long nextId(Connection connection, String table) throws SQLException;

    abstract void setNextId(Connection connection, String table, long next) throws SQLException;

    private static long queryLong(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            return result.next() ? result.getLong(1) : 1;
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
