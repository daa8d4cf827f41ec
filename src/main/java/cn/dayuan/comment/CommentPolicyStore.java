package cn.dayuan.comment;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.dayuan.system.PageKeys;
import cn.dayuan.system.StoredTimes;

/**
 * The small tables that steer comments: the site's mode ({@code comment_setting}), channel and article rules, and
 * the newsroom's blocklists.
 */
@Component
class CommentPolicyStore {

    static final String MODE = "comment.mode";
    static final String POSTS_PER_TEN_MINUTES = "comment.posts-per-ten-minutes";
    static final int DEFAULT_POSTS_PER_TEN_MINUTES = 5;

    /** A blocklist entry. */
    enum BlockKind { ADDRESS, WORD }

    record Block(long id, BlockKind kind, String value, String createdBy, Instant createdAt) {
    }

    private final JdbcTemplate jdbc;

    CommentPolicyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The site's comment mode and the channels' rules, which every article page's comment form follows. */
    record Rules(CommentMode mode, Map<Long, ChannelRule> channelRules) {
    }

    @Cacheable(cacheNames = PageKeys.COMMENT_RULES, sync = true)
    public Rules rules() {
        return new Rules(setting(MODE).map(CommentMode::valueOf).orElse(CommentMode.REVIEW_FIRST),
                jdbc.query("SELECT channel_id, rule FROM comment_channel_rule",
                                (rs, i) -> Map.entry(rs.getLong(1), ChannelRule.valueOf(rs.getString(2))))
                        .stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    void setMode(CommentMode mode) {
        setSetting(MODE, mode.name());
    }

    int postsPerTenMinutes() {
        return setting(POSTS_PER_TEN_MINUTES).map(Integer::valueOf).orElse(DEFAULT_POSTS_PER_TEN_MINUTES);
    }

    void setPostsPerTenMinutes(int posts) {
        setSetting(POSTS_PER_TEN_MINUTES, Integer.toString(posts));
    }

    private Optional<String> setting(String key) {
        return jdbc.queryForList("SELECT setting_value FROM comment_setting WHERE setting_key = ?", String.class, key)
                .stream().findFirst();
    }

    private void setSetting(String key, String value) {
        if (jdbc.update("UPDATE comment_setting SET setting_value = ? WHERE setting_key = ?", value, key) == 0) {
            jdbc.update("INSERT INTO comment_setting (setting_key, setting_value) VALUES (?, ?)", key, value);
        }
    }

    void setChannelRule(long channelId, Optional<ChannelRule> rule) {
        jdbc.update("DELETE FROM comment_channel_rule WHERE channel_id = ?", channelId);
        rule.ifPresent(r -> jdbc.update("INSERT INTO comment_channel_rule (channel_id, rule) VALUES (?, ?)",
                channelId, r.name()));
    }

    boolean articleAlwaysReviewed(long articleId) {
        return !jdbc.queryForList("SELECT rule FROM comment_article_rule WHERE article_id = ?", String.class, articleId)
                .isEmpty();
    }

    void setArticleAlwaysReviewed(long articleId, boolean reviewed) {
        jdbc.update("DELETE FROM comment_article_rule WHERE article_id = ?", articleId);
        if (reviewed) {
            jdbc.update("INSERT INTO comment_article_rule (article_id, rule) VALUES (?, ?)", articleId,
                    ChannelRule.REVIEWED.name());
        }
    }

    List<Block> blocks() {
        return jdbc.query("SELECT id, kind, block_value, created_by, created_at FROM comment_block ORDER BY kind, block_value",
                (rs, i) -> new Block(rs.getLong(1), BlockKind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5, StoredTimes.utc()).toInstant()));
    }

    boolean addBlock(BlockKind kind, String value, String actor) {
        if (!jdbc.queryForList("SELECT id FROM comment_block WHERE kind = ? AND block_value = ?", Long.class,
                kind.name(), value).isEmpty()) {
            return false;
        }
        jdbc.update("INSERT INTO comment_block (kind, block_value, created_by, created_at) VALUES (?, ?, ?, ?)", ps -> {
            ps.setString(1, kind.name());
            ps.setString(2, value);
            ps.setString(3, actor);
            ps.setTimestamp(4, Timestamp.from(Instant.now()), StoredTimes.utc());
        });
        return true;
    }

    void removeBlock(long id) {
        jdbc.update("DELETE FROM comment_block WHERE id = ?", id);
    }
}
