package cn.dayuan.article;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The table {@code most_read}: the ranking as last announced, article ids by place. */
@Component
class MostReadStore {

    private final JdbcTemplate jdbc;

    MostReadStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Long> ids() {
        return jdbc.queryForList("SELECT article_id FROM most_read ORDER BY place", Long.class);
    }

    void replace(List<Long> ids) {
        jdbc.update("DELETE FROM most_read");
        for (int place = 0; place < ids.size(); place++) {
            jdbc.update("INSERT INTO most_read (place, article_id) VALUES (?, ?)", place + 1, ids.get(place));
        }
    }
}
