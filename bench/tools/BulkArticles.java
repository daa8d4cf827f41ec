import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes the search benchmark's articles (search_corpus.py's TSV) straight into a stopped Dayuan's database: loading
 * 100,000 articles through the JSON API would take over an hour, and what is measured is the index, which the next
 * start builds from the database because it holds fewer articles than the database. The channels must exist (the
 * script makes them through the API); tags are made here. Similar articles are marked as chosen (none), so that the
 * background job that chooses them does not run during the measurements.
 * <p>
 * Usage: java -cp h2.jar BulkArticles.java JDBC_URL CORPUS.tsv
 */
public class BulkArticles {

    public static void main(String[] args) throws Exception {
        try (Connection db = DriverManager.getConnection(args[0], "sa", "")) {
            db.setAutoCommit(false);
            long publisher = single(db, "select id from account where username = 'admin'");
            Map<String, Long> channels = new HashMap<>();
            try (Statement s = db.createStatement(); ResultSet rows = s.executeQuery("select id, path from channel")) {
                while (rows.next()) {
                    channels.put(rows.getString(2), rows.getLong(1));
                }
            }
            Map<String, Long> tags = new HashMap<>();
            String insertArticle = "insert into article (channel_id, title, body, publisher_id, author, source_name,"
                    + " rights_type, status, published_at, headline, pinned, comments_open, view_count, like_count,"
                    + " comment_count, created_at, updated_at, version, similar_ids) values (?, ?, ?, ?, ?, ?,"
                    + " 'ORIGINAL', 'PUBLISHED', ?, false, false, true, 0, 0, 0, ?, ?, 0, '')";
            int count = 0;
            try (BufferedReader in = Files.newBufferedReader(Path.of(args[1]), StandardCharsets.UTF_8);
                 PreparedStatement article = db.prepareStatement(insertArticle, new String[] {"id"});
                 PreparedStatement tag = db.prepareStatement("insert into tag (name) values (?)", new String[] {"id"});
                 PreparedStatement articleTag = db.prepareStatement(
                         "insert into article_tag (article_id, tag_id, tag_order) values (?, ?, ?)")) {
                String line;
                while ((line = in.readLine()) != null) {
                    String[] f = line.split("\t", -1);
                    Long channel = channels.get(f[1]);
                    if (channel == null) {
                        throw new IllegalStateException("no channel " + f[1]);
                    }
                    Timestamp at = Timestamp.from(OffsetDateTime.parse(f[6]).toInstant());
                    article.setLong(1, channel);
                    article.setString(2, f[0]);
                    article.setString(3, f[2]);
                    article.setLong(4, publisher);
                    article.setString(5, f[3]);
                    article.setString(6, f[4]);
                    article.setTimestamp(7, at);
                    article.setTimestamp(8, at);
                    article.setTimestamp(9, at);
                    article.executeUpdate();
                    long id;
                    try (ResultSet keys = article.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                    int order = 0;
                    for (String name : f[5].split(",")) {
                        if (name.isBlank()) {
                            continue;
                        }
                        Long tagId = tags.get(name);
                        if (tagId == null) {
                            tag.setString(1, name);
                            tag.executeUpdate();
                            try (ResultSet keys = tag.getGeneratedKeys()) {
                                keys.next();
                                tagId = keys.getLong(1);
                            }
                            tags.put(name, tagId);
                        }
                        articleTag.setLong(1, id);
                        articleTag.setLong(2, tagId);
                        articleTag.setInt(3, order++);
                        articleTag.addBatch();
                    }
                    if (++count % 1000 == 0) {
                        articleTag.executeBatch();
                        db.commit();
                    }
                }
                articleTag.executeBatch();
                db.commit();
            }
            System.out.println(count);
        }
    }

    private static long single(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
