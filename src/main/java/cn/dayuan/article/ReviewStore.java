package cn.dayuan.article;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.dayuan.account.Role;
import cn.dayuan.system.StoredTimes;

/** The review tables: the policy ({@code review_setting}, {@code review_level}, {@code review_channel_rule}) and each article's steps. */
@Component
class ReviewStore {

    private static final String LEVELS = "review.levels";
    private static final String SOURCES = "reprint.sources";
    private static final String SOURCES_REQUIRED = "reprint.sources-required";
    private static final String EDITS_REVIEWED = "review.edits";

    private final JdbcTemplate jdbc;

    ReviewStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    ReviewPolicy policy() {
        int levels = setting(LEVELS).map(Integer::valueOf).orElse(1);
        List<String> sources = setting(SOURCES).map(s -> Arrays.stream(s.split("\n")).filter(l -> !l.isBlank())
                .toList()).orElse(List.of());
        boolean sourcesRequired = setting(SOURCES_REQUIRED).map(Boolean::valueOf).orElse(false);
        Map<Integer, ReviewPolicy.LevelRule> rules = new LinkedHashMap<>();
        for (int level = 1; level <= ReviewPolicy.MAX_LEVELS; level++) {
            rules.put(level, new ReviewPolicy.LevelRule(level, level == ReviewPolicy.MAX_LEVELS ? Role.ADMIN
                    : Role.EDITOR, List.of()));
        }
        jdbc.query("SELECT review_level, minimum_role, accounts FROM review_level ORDER BY review_level", rs -> {
            String accounts = rs.getString(3);
            rules.put(rs.getInt(1), new ReviewPolicy.LevelRule(rs.getInt(1), Role.valueOf(rs.getString(2)),
                    accounts == null || accounts.isBlank() ? List.of()
                            : Arrays.stream(accounts.split(",")).map(String::trim).filter(a -> !a.isEmpty()).toList()));
        });
        Map<Long, Integer> channels = jdbc.query("SELECT channel_id, levels FROM review_channel_rule",
                        (rs, i) -> Map.entry(rs.getLong(1), rs.getInt(2)))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return new ReviewPolicy(levels, rules, channels, sources, sourcesRequired,
                setting(EDITS_REVIEWED).map(Boolean::valueOf).orElse(false));
    }

    void setLevels(int levels) {
        setSetting(LEVELS, Integer.toString(levels));
    }

    void setEditsReviewed(boolean reviewed) {
        setSetting(EDITS_REVIEWED, Boolean.toString(reviewed));
    }

    void setSources(List<String> sources, boolean required) {
        setSetting(SOURCES, String.join("\n", sources));
        setSetting(SOURCES_REQUIRED, Boolean.toString(required));
    }

    private java.util.Optional<String> setting(String key) {
        return jdbc.queryForList("SELECT setting_value FROM review_setting WHERE setting_key = ?", String.class, key)
                .stream().findFirst();
    }

    private void setSetting(String key, String value) {
        if (jdbc.update("UPDATE review_setting SET setting_value = ? WHERE setting_key = ?", value, key) == 0) {
            jdbc.update("INSERT INTO review_setting (setting_key, setting_value) VALUES (?, ?)", key, value);
        }
    }

    void setRule(ReviewPolicy.LevelRule rule) {
        String accounts = rule.accounts().isEmpty() ? null : String.join(",", rule.accounts());
        if (jdbc.update("UPDATE review_level SET minimum_role = ?, accounts = ? WHERE review_level = ?",
                rule.minimumRole().name(), accounts, rule.level()) == 0) {
            jdbc.update("INSERT INTO review_level (review_level, minimum_role, accounts) VALUES (?, ?, ?)",
                    rule.level(), rule.minimumRole().name(), accounts);
        }
    }

    void setChannelLevels(long channelId, Integer levels) {
        jdbc.update("DELETE FROM review_channel_rule WHERE channel_id = ?", channelId);
        if (levels != null) {
            jdbc.update("INSERT INTO review_channel_rule (channel_id, levels) VALUES (?, ?)", channelId, levels);
        }
    }

    List<Review> reviews(long articleId) {
        return jdbc.query("SELECT r.review_level, r.account, a.display_name, r.decision, r.decided_at, r.reason"
                        + " FROM article_review r LEFT JOIN account a ON a.username = r.account"
                        + " WHERE r.article_id = ? ORDER BY r.id",
                (rs, i) -> new Review(rs.getInt(1), rs.getString(2),
                        rs.getString(3) == null ? rs.getString(2) : rs.getString(3),
                        ReviewDecision.valueOf(rs.getString(4)), rs.getTimestamp(5, StoredTimes.utc()).toInstant(),
                        rs.getString(6)), articleId);
    }

    void add(long articleId, int level, String account, ReviewDecision decision, String reason) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        jdbc.update("INSERT INTO article_review (article_id, review_level, account, decision, reason, decided_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", ps -> {
            ps.setLong(1, articleId);
            ps.setInt(2, level);
            ps.setString(3, account);
            ps.setString(4, decision.name());
            ps.setString(5, reason);
            ps.setTimestamp(6, Timestamp.from(now), StoredTimes.utc());
        });
    }

    /** How many articles await each level's sign-off. */
    Map<Integer, Long> waitingPerLevel() {
        Map<Integer, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT review_level, COUNT(*) FROM article WHERE status = 'PENDING' GROUP BY review_level",
                rs -> {
                    counts.put(rs.getInt(1), rs.getLong(2));
                });
        return counts;
    }
}
