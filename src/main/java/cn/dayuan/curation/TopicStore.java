package cn.dayuan.curation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.dayuan.curation.TopicService.Section;
import cn.dayuan.curation.TopicService.TopicView;
import cn.dayuan.system.NotFoundException;
import cn.dayuan.system.PageKeys;

/**
 * Stored topics as they are read. The published ones are kept in memory under {@link PageKeys#TOPICS}, which every
 * change of a topic announces: each article page asks which topics it belongs to, and a site has a few dozen.
 */
@Component
class TopicStore {

    private final JdbcTemplate jdbc;

    TopicStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The published topics with their sections, newest first. */
    @Cacheable(cacheNames = PageKeys.TOPICS, sync = true)
    @Transactional(readOnly = true)
    public List<TopicView> published() {
        return jdbc.queryForList("select id from topic where published = ? order by created_at desc, id desc",
                Long.class, true).stream().map(this::load).toList();
    }

    TopicView load(long id) {
        List<TopicView> found = jdbc.query("select * from topic where id = ?", (row, n) -> new TopicView(
                row.getLong("id"), row.getString("slug"), row.getString("title"), row.getString("banner"),
                row.getString("introduction"), row.getBoolean("published"), sections(id), row.getLong("version"),
                row.getTimestamp("updated_at").toInstant(), row.getString("updated_by")), id);
        if (found.isEmpty()) {
            throw new NotFoundException("topic.not-found", id);
        }
        return found.get(0);
    }

    private List<Section> sections(long topicId) {
        Map<Long, Section> sections = new LinkedHashMap<>();
        jdbc.query("select id, title, tag_name from topic_section where topic_id = ? order by position", row -> {
            sections.put(row.getLong("id"), new Section(row.getString("title"), row.getString("tag_name"),
                    new ArrayList<>()));
        }, topicId);
        jdbc.query("select a.section_id, a.article_id from topic_article a join topic_section s on s.id = a.section_id"
                + " where s.topic_id = ? order by a.section_id, a.position", row -> {
            sections.get(row.getLong("section_id")).articles().add(row.getLong("article_id"));
        }, topicId);
        return sections.values().stream().map(s -> new Section(s.title(), s.tag(), List.copyOf(s.articles())))
                .toList();
    }
}
