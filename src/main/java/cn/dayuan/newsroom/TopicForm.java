package cn.dayuan.newsroom;

import java.util.ArrayList;
import java.util.List;

import cn.dayuan.curation.TopicService;

/** What the 专题 form holds: the topic's fields and its sections as typed (articles one per line). */
public record TopicForm(Long id, Long version, String slug, String title, String banner, String introduction,
                        boolean published, List<Section> sections) {

    /** Empty sections offered below the filled ones. */
    static final int SPARE_SECTIONS = 2;

    public record Section(String title, String tag, String articles) {

        boolean blank() {
            return title.isBlank() && tag.isBlank() && articles.isBlank();
        }
    }

    static TopicForm empty() {
        return new TopicForm(null, null, "", "", "", "", false, spare(new ArrayList<>()));
    }

    static TopicForm of(TopicService.TopicView topic) {
        List<Section> sections = new ArrayList<>();
        topic.sections().forEach(s -> sections.add(new Section(s.title(), s.tag() == null ? "" : s.tag(),
                String.join("\n", s.articles().stream().map(String::valueOf).toList()))));
        return new TopicForm(topic.id(), topic.version(), topic.slug(), topic.title(), nonNull(topic.banner()),
                nonNull(topic.introduction()), topic.published(), spare(sections));
    }

    /** The sections with empty ones added, so that the form always offers room for more. */
    TopicForm withSpareSections() {
        return new TopicForm(id, version, slug, title, banner, introduction, published,
                spare(new ArrayList<>(sections.stream().filter(s -> !s.blank()).toList())));
    }

    private static List<Section> spare(List<Section> sections) {
        for (int i = 0; i < SPARE_SECTIONS && sections.size() < TopicService.MAX_SECTIONS; i++) {
            sections.add(new Section("", "", ""));
        }
        return sections;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
