package cn.dayuan.backup;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

import cn.dayuan.system.StoredTimes;

/**
 * A logical copy of Dayuan's tables over JDBC, in a form every supported database reads back: the tables in the
 * order of their foreign keys (a table after those it refers to; within a table, a row after the row it refers
 * to), values as JSON, times as UTC instants, and each identity column's next value. Dumped inside one read-only
 * transaction that sees every table as of one moment, so a backup taken while the newsroom writes is consistent.
 */
final class DatabaseDump {

    /**
     * Not content: Flyway's history (the restore migrates anew), locks, the change log between nodes, and search's
     * outbox and agents (a restored site's index is built again from its articles).
     */
    static final Set<String> NOT_BACKED_UP = Set.of("flyway_schema_history", "shedlock", "content_change",
            "hsearch_outbox_event", "hsearch_agent");
    private static final int BATCH = 500;

    private DatabaseDump() {
    }

    /** Writes every table into {@code archive}; answers what was written, in restore order. */
    static List<BackupArchive.Table> dump(Connection connection, BackupArchive.Writer archive)
            throws SQLException, IOException {
        Vendor vendor = Vendor.of(connection);
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        connection.setTransactionIsolation(vendor.snapshotIsolation());
        try {
            List<BackupArchive.Table> tables = new ArrayList<>();
            for (Map.Entry<String, String> table : tablesInOrder(connection).entrySet()) {
                tables.add(dumpTable(connection, vendor, table.getKey(), table.getValue(), archive));
            }
            return tables;
        } finally {
            connection.rollback();
        }
    }

    /** The version of the last migration applied, as Flyway recorded it. */
    static String schemaVersion(Connection connection) throws SQLException {
        String version = null;
        int newest = Integer.MIN_VALUE;
        // Every row, as the column names' case differs between databases; labels are found in any case.
        try (Statement statement = connection.createStatement();
             ResultSet history = statement.executeQuery("SELECT * FROM " + Vendor.of(connection).flywayHistory())) {
            while (history.next()) {
                int rank = history.getInt("installed_rank");
                if (history.getBoolean("success") && history.getString("version") != null && rank > newest) {
                    newest = rank;
                    version = history.getString("version");
                }
            }
        }
        if (version == null) {
            throw new SQLException("the database has no Dayuan schema (Flyway's history is empty)");
        }
        return version;
    }

    private static BackupArchive.Table dumpTable(Connection connection, Vendor vendor, String table,
                                                 String selfReference, BackupArchive.Writer archive)
            throws SQLException, IOException {
        List<String> columns = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        long count = 0;
        boolean identity = false;
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(BATCH);
            try (ResultSet result = statement.executeQuery("SELECT * FROM " + table + orderBy(connection, table))) {
                ResultSetMetaData meta = result.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
                    identity |= meta.isAutoIncrement(i) && "id".equals(columns.get(i - 1));
                }
                archive.startTable(table, columns);
                while (result.next()) {
                    List<Object> row = new ArrayList<>(columns.size());
                    for (int i = 1; i <= columns.size(); i++) {
                        row.add(read(result, meta, i));
                    }
                    count++;
                    if (selfReference == null) {
                        archive.row(row);
                    } else {
                        rows.add(row);
                    }
                }
            }
        }
        if (selfReference != null) {
            for (List<Object> row : referencedFirst(rows, columns.indexOf("id"), columns.indexOf(selfReference))) {
                archive.row(row);
            }
        }
        return new BackupArchive.Table(table, columns, count, identity ? vendor.nextId(connection, table) : null);
    }

    /**
     * Loads {@code archive}'s tables into the connected database, whose tables must exist (at the archive's schema
     * version) and be empty, in one transaction; then sets each identity column to hand out only new ids.
     *
     * @return rows loaded per table
     */
    static Map<String, Long> load(Connection connection, BackupArchive.Reader archive) throws SQLException, IOException {
        Vendor vendor = Vendor.of(connection);
        List<BackupArchive.Table> tables = archive.manifest().tables();
        for (BackupArchive.Table table : tables) {
            long rows = count(connection, table.name());
            if (rows > 0) {
                throw new BackupException("恢复失败：数据库不是空的（表 " + table.name() + " 已有 " + rows
                        + " 行），只能恢复到空的数据库");
            }
        }
        Map<String, Long> loaded = new LinkedHashMap<>();
        connection.setAutoCommit(false);
        try {
            for (BackupArchive.Table table : tables) {
                loaded.put(table.name(), loadTable(connection, table, archive.rows(table.name())));
            }
            connection.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        for (BackupArchive.Table table : tables) {
            if (table.nextId() != null) {
                vendor.setNextId(connection, table.name(), Math.max(table.nextId(), maxId(connection, table.name()) + 1));
            }
        }
        return loaded;
    }

    private static long loadTable(Connection connection, BackupArchive.Table table, Iterator<JsonNode> rows)
            throws SQLException {
        Map<String, Integer> types = new HashMap<>();
        Map<String, String> typeNames = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet empty = statement.executeQuery("SELECT * FROM " + table.name() + " WHERE 1 = 0")) {
            ResultSetMetaData meta = empty.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String column = meta.getColumnName(i).toLowerCase(Locale.ROOT);
                types.put(column, meta.getColumnType(i));
                typeNames.put(column, meta.getColumnTypeName(i));
            }
        }
        for (String column : table.columns()) {
            if (!types.containsKey(column)) {
                throw new SQLException("the database has no column " + table.name() + "." + column);
            }
        }
        String insert = "INSERT INTO " + table.name() + " (" + String.join(", ", table.columns()) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(table.columns().size(), "?")) + ")";
        long count = 0;
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            while (rows.hasNext()) {
                JsonNode row = rows.next();
                for (int i = 0; i < table.columns().size(); i++) {
                    String column = table.columns().get(i);
                    write(statement, i + 1, row.get(i), types.get(column), typeNames.get(column));
                }
                statement.addBatch();
                if (++count % BATCH == 0) {
                    statement.executeBatch();
                }
            }
            statement.executeBatch();
        }
        return count;
    }

    // ---- values ------------------------------------------------------------------------------------------

    private static Object read(ResultSet result, ResultSetMetaData meta, int i) throws SQLException {
        int type = meta.getColumnType(i);
        Object value = switch (type) {
            case Types.BOOLEAN, Types.BIT -> result.getBoolean(i);
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> result.getLong(i);
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> instant(result, i, meta.getColumnTypeName(i), type);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                byte[] bytes = result.getBytes(i);
                yield bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
            }
            default -> result.getString(i);
        };
        return result.wasNull() ? null : value;
    }

    private static String instant(ResultSet result, int i, String typeName, int type) throws SQLException {
        if (zoned(typeName, type)) {
            OffsetDateTime time = result.getObject(i, OffsetDateTime.class);
            return time == null ? null : time.toInstant().toString();
        }
        // A time without zone holds UTC, as Hibernate writes it (hibernate.jdbc.time_zone).
        Timestamp time = result.getTimestamp(i, StoredTimes.utc());
        return time == null ? null : time.toInstant().toString();
    }

    private static void write(PreparedStatement statement, int index, JsonNode value, int type, String typeName)
            throws SQLException {
        if (value == null || value.isNull()) {
            statement.setNull(index, type);
            return;
        }
        switch (type) {
            case Types.BOOLEAN, Types.BIT -> statement.setBoolean(index, value.asBoolean());
            case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> statement.setLong(index, value.asLong());
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
                Instant instant = Instant.parse(value.asString());
                if (zoned(typeName, type)) {
                    statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
                } else {
                    statement.setTimestamp(index, Timestamp.from(instant), StoredTimes.utc());
                }
            }
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
                    statement.setBytes(index, Base64.getDecoder().decode(value.asString()));
            default -> statement.setString(index, value.asString());
        }
    }

    private static boolean zoned(String typeName, int type) {
        String name = typeName.toLowerCase(Locale.ROOT);
        return type == Types.TIMESTAMP_WITH_TIMEZONE || name.contains("time zone") || name.equals("timestamptz");
    }

    // ---- order -------------------------------------------------------------------------------------------

    /**
     * Dayuan's tables, each after the tables it refers to (ties by name), with the column through which a table
     * refers to itself (a channel to its parent), if any.
     */
    static Map<String, String> tablesInOrder(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        Map<String, Set<String>> refersTo = new TreeMap<>();
        Map<String, String> selfReference = new HashMap<>();
        List<String> names = new ArrayList<>();
        try (ResultSet tables = meta.getTables(connection.getCatalog(), connection.getSchema(), "%",
                new String[] {"TABLE"})) {
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
            }
        }
        for (String name : names) {
            String table = name.toLowerCase(Locale.ROOT);
            if (NOT_BACKED_UP.contains(table)) {
                continue;
            }
            refersTo.put(table, new TreeSet<>());
            try (ResultSet keys = meta.getImportedKeys(connection.getCatalog(), connection.getSchema(), name)) {
                while (keys.next()) {
                    String referenced = keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (referenced.equals(table)) {
                        selfReference.put(table, keys.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT));
                    } else {
                        refersTo.get(table).add(referenced);
                    }
                }
            }
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        while (ordered.size() < refersTo.size()) {
            String next = refersTo.entrySet().stream()
                    .filter(e -> !ordered.containsKey(e.getKey()) && ordered.keySet().containsAll(e.getValue()))
                    .map(Map.Entry::getKey).findFirst()
                    .orElseThrow(() -> new SQLException("the tables' foreign keys form a cycle"));
            ordered.put(next, selfReference.get(next));
        }
        return ordered;
    }

    private static String orderBy(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        TreeMap<Short, String> key = new TreeMap<>();
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet columns = meta.getPrimaryKeys(connection.getCatalog(), connection.getSchema(), name)) {
                while (columns.next()) {
                    key.put(columns.getShort("KEY_SEQ"), columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            if (!key.isEmpty()) {
                break;
            }
        }
        return key.isEmpty() ? "" : " ORDER BY " + String.join(", ", key.values());
    }

    /** The rows with every row after the row it refers to. */
    private static List<List<Object>> referencedFirst(List<List<Object>> rows, int id, int reference) {
        Map<Object, List<Object>> byId = new LinkedHashMap<>();
        rows.forEach(row -> byId.put(row.get(id), row));
        List<List<Object>> ordered = new ArrayList<>(rows.size());
        Set<Object> placed = new java.util.HashSet<>();
        for (List<Object> row : rows) {
            place(row, byId, id, reference, placed, ordered);
        }
        return ordered;
    }

    private static void place(List<Object> row, Map<Object, List<Object>> byId, int id, int reference,
                              Set<Object> placed, List<List<Object>> ordered) {
        if (placed.contains(row.get(id))) {
            return;
        }
        placed.add(row.get(id));
        List<Object> parent = row.get(reference) == null ? null : byId.get(row.get(reference));
        if (parent != null) {
            place(parent, byId, id, reference, placed, ordered);
        }
        ordered.add(row);
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static long maxId(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }
}
