package cn.dayuan.tag;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What {@link TagService} does to tables over JDBC: the insert-or-nothing that lets many writers use a new tag at
 * once, the aliases of old names, the counts, and the rows of {@code article_tag} that a merge or a delete moves
 * (the {@code tag} package may not depend on {@code article}, whose entity owns that table through JPA). Runs in
 * the caller's transaction, on its connection.
 */
@Component
class TagStore {

    /** How each database adds a row unless one with the same name is there, without failing the transaction. */
    enum Dialect {
        /** Waits for a transaction inserting the same name, then does nothing if it committed. */
        POSTGRESQL("INSERT INTO tag (name) VALUES (?) ON CONFLICT (name) DO NOTHING"),
        /** Likewise; the row it found is then read with a locking read, which sees past the snapshot. */
        MARIADB("INSERT IGNORE INTO tag (name) VALUES (?)"),
        /** H2 has no ON CONFLICT outside its PostgreSQL mode; MERGE with a key updates the row it finds. */
        H2("MERGE INTO tag (name) KEY (name) VALUES (?)");

        final String insertIfAbsent;

        Dialect(String insertIfAbsent) {
            this.insertIfAbsent = insertIfAbsent;
        }
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Dialect dialect;

    TagStore(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.dialect = dialectOf(dataSource);
    }

    private static Dialect dialectOf(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("h2")) {
                return Dialect.H2;
            }
            if (product.contains("mariadb") || product.contains("mysql")) {
                return Dialect.MARIADB;
            }
            return Dialect.POSTGRESQL;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database product to choose how tags are inserted", e);
        }
    }

    Dialect dialect() {
        return dialect;
    }

    /** Adds a tag of this name unless there is one; never fails on the unique name, whoever inserts it at once. */
    void insertIfAbsent(String name) {
        try {
            jdbc.update(dialect.insertIfAbsent, name);
        } catch (DuplicateKeyException e) {
            // H2 checks the key before it inserts: another transaction committed the same name in between. A failed
            // statement does not end an H2 transaction, and now the row is there to be found.
            if (dialect != Dialect.H2) {
                throw e;
            }
            jdbc.update(dialect.insertIfAbsent, name);
        }
    }

    // ---- aliases ---------------------------------------------------------------------------------------------

    /** The id of the tag whose old name this is. */
    Long aliasTarget(String name) {
        List<Long> ids = jdbc.queryForList("SELECT tag_id FROM tag_alias WHERE name = ?", Long.class, name);
        return ids.isEmpty() ? null : ids.get(0);
    }

    void addAlias(String name, long tagId) {
        jdbc.update("INSERT INTO tag_alias (name, tag_id, created_at) VALUES (?, ?, ?)", name, tagId,
                java.sql.Timestamp.from(java.time.Instant.now()));
    }

    /** A tag took this name: it no longer leads elsewhere. */
    void dropAlias(String name) {
        jdbc.update("DELETE FROM tag_alias WHERE name = ?", name);
    }

    void moveAliases(long fromTagId, long intoTagId) {
        jdbc.update("UPDATE tag_alias SET tag_id = ? WHERE tag_id = ?", intoTagId, fromTagId);
    }

    /** Old names of each of these tags, oldest first. */
    Map<Long, List<String>> aliasesOf(Collection<Long> tagIds) {
        Map<Long, List<String>> aliases = new LinkedHashMap<>();
        if (tagIds.isEmpty()) {
            return aliases;
        }
        named.query("SELECT tag_id, name FROM tag_alias WHERE tag_id IN (:ids) ORDER BY created_at, id",
                new MapSqlParameterSource("ids", tagIds),
                row -> {
                    aliases.computeIfAbsent(row.getLong(1), id -> new ArrayList<>()).add(row.getString(2));
                });
        return aliases;
    }

    // ---- counts ----------------------------------------------------------------------------------------------

    /** One page of tags whose name contains {@code query} (all when null), most used first, with their counts. */
    List<TagView> page(String query, int offset, int limit) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("limit", limit).addValue("offset", offset);
        String where = where(query, parameters);
        List<TagView> found = named.query("SELECT t.id, t.name, COUNT(at.article_id) AS articles FROM tag t"
                + " LEFT JOIN article_tag at ON at.tag_id = t.id" + where
                + " GROUP BY t.id, t.name ORDER BY articles DESC, t.name, t.id LIMIT :limit OFFSET :offset",
                parameters, (row, n) -> new TagView(row.getLong(1), row.getString(2), row.getLong(3), List.of()));
        Map<Long, List<String>> aliases = aliasesOf(found.stream().map(TagView::id).toList());
        return found.stream().map(t -> t.withAliases(aliases.getOrDefault(t.id(), List.of()))).toList();
    }

    long count(String query) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        Long count = named.queryForObject("SELECT COUNT(*) FROM tag t" + where(query, parameters), parameters,
                Long.class);
        return count == null ? 0 : count;
    }

    private static String where(String query, MapSqlParameterSource parameters) {
        if (query == null) {
            return "";
        }
        // '!' escapes: MariaDB reads a backslash in a string literal as an escape of its own.
        String escaped = query.replace("!", "!!").replace("%", "!%").replace("_", "!_");
        parameters.addValue("pattern", "%" + escaped + "%");
        return " WHERE t.name LIKE :pattern ESCAPE '!'";
    }

    // ---- article_tag -----------------------------------------------------------------------------------------

    /** Ids of the articles carrying the tag. */
    Set<Long> articlesOf(long tagId) {
        return new LinkedHashSet<>(jdbc.queryForList("SELECT article_id FROM article_tag WHERE tag_id = ?"
                + " ORDER BY article_id", Long.class, tagId));
    }

    long articleCount(long tagId) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM article_tag WHERE tag_id = ?", Long.class, tagId);
        return count == null ? 0 : count;
    }

    /**
     * Every article of {@code fromTagId} carries {@code intoTagId} instead, at the earlier of the two places where
     * it carried both (an editor's first tag is the most important one), and the tags after the place given up
     * move up one, so that each article's tags stay numbered 0, 1, 2, … as the article entity expects.
     */
    void moveArticles(long fromTagId, long intoTagId) {
        List<long[]> both = jdbc.query("SELECT f.article_id, f.tag_order, i.tag_order FROM article_tag f"
                        + " JOIN article_tag i ON i.article_id = f.article_id AND i.tag_id = ? WHERE f.tag_id = ?",
                (row, n) -> new long[] {row.getLong(1), row.getLong(2), row.getLong(3)}, intoTagId, fromTagId);
        List<Object[]> removeInto = new ArrayList<>();
        List<Object[]> removeFrom = new ArrayList<>();
        List<Object[]> closeGap = new ArrayList<>();
        for (long[] row : both) {
            long article = row[0];
            long fromOrder = row[1];
            long intoOrder = row[2];
            if (fromOrder < intoOrder) {
                removeInto.add(new Object[] {article, intoTagId});
                closeGap.add(new Object[] {article, intoOrder});
            } else {
                removeFrom.add(new Object[] {article, fromTagId});
                closeGap.add(new Object[] {article, fromOrder});
            }
        }
        String delete = "DELETE FROM article_tag WHERE article_id = ? AND tag_id = ?";
        if (!removeInto.isEmpty()) {
            jdbc.batchUpdate(delete, removeInto);
        }
        if (!removeFrom.isEmpty()) {
            jdbc.batchUpdate(delete, removeFrom);
        }
        jdbc.update("UPDATE article_tag SET tag_id = ? WHERE tag_id = ?", intoTagId, fromTagId);
        if (!closeGap.isEmpty()) {
            jdbc.batchUpdate("UPDATE article_tag SET tag_order = tag_order - 1 WHERE article_id = ? AND tag_order > ?",
                    closeGap);
        }
    }

    /** Takes the tag off every article; the tags after it move up one. */
    void removeFromArticles(long tagId) {
        List<Object[]> places = jdbc.query("SELECT article_id, tag_order FROM article_tag WHERE tag_id = ?",
                (row, n) -> new Object[] {row.getLong(1), row.getLong(2)}, tagId);
        jdbc.update("DELETE FROM article_tag WHERE tag_id = ?", tagId);
        if (!places.isEmpty()) {
            jdbc.batchUpdate("UPDATE article_tag SET tag_order = tag_order - 1 WHERE article_id = ? AND tag_order > ?",
                    places);
        }
    }
}
