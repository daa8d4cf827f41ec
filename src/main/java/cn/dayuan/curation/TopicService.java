package cn.dayuan.curation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.dayuan.account.Account;
import cn.dayuan.account.Permissions;
import cn.dayuan.account.Role;
import cn.dayuan.article.ArticleDetail;
import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleSummary;
import cn.dayuan.system.AuditEvent;
import cn.dayuan.system.ChineseText;
import cn.dayuan.system.ConflictException;
import cn.dayuan.system.ContentChangedEvent;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.NotFoundException;
import cn.dayuan.system.PageKeys;
import cn.dayuan.system.PlainText;
import cn.dayuan.tag.Tag;
import cn.dayuan.tag.TagService;

/**
 * Special topics (专题): a title, a banner picture, an introduction and sections of articles, each section picked by
 * hand or the newest articles of a tag, on a public page {@code /zt/{slug}/} once published; the pages of its
 * articles link to it. Editors write them; a save that names the version it started from is refused when someone
 * saved the topic in between.
 */
@Service
public class TopicService {

    public static final int MAX_SECTIONS = 10;
    public static final int MAX_ARTICLES_PER_SECTION = 50;
    /** How many of a tag's newest articles a tag section shows. */
    public static final int TAG_SECTION_SIZE = 20;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,48}[a-z0-9]");

    private final JdbcTemplate jdbc;
    private final ArticleService articles;
    private final TagService tags;
    private final Permissions permissions;
    private final ApplicationEventPublisher events;
    private final TopicStore store;

    TopicService(JdbcTemplate jdbc, ArticleService articles, TagService tags, Permissions permissions,
                 ApplicationEventPublisher events, TopicStore store) {
        this.jdbc = jdbc;
        this.store = store;
        this.articles = articles;
        this.tags = tags;
        this.permissions = permissions;
        this.events = events;
    }

    /** A section as written: a title, and a tag or articles (numbers, in order). */
    public record Section(String title, String tag, List<Long> articles) {
    }

    /** A topic as an editor writes it. */
    public record TopicDraft(String slug, String title, String banner, String introduction, boolean published,
                             List<Section> sections) {
    }

    /** A stored topic. */
    public record TopicView(long id, String slug, String title, String banner, String introduction,
                            boolean published, List<Section> sections, long version, Instant updatedAt,
                            String updatedBy) {

        public String url() {
            return "/zt/" + slug + "/";
        }
    }

    /** A section as readers see it: its public articles. */
    public record ShownSection(String title, String tag, List<ArticleSummary> articles) {
    }

    /** A topic as its public page shows it. */
    public record ShownTopic(TopicView topic, List<ShownSection> sections) {
    }

    // ---- the newsroom

    @Transactional(readOnly = true)
    public List<TopicView> all(String actor) {
        permissions.require(actor, Role.EDITOR);
        return jdbc.queryForList("select id from topic order by updated_at desc, id desc", Long.class).stream()
                .map(store::load).toList();
    }

    @Transactional(readOnly = true)
    public TopicView get(long id, String actor) {
        permissions.require(actor, Role.EDITOR);
        return store.load(id);
    }

    @Transactional
    public TopicView create(TopicDraft draft, String actor) {
        Account account = permissions.require(actor, Role.EDITOR);
        TopicDraft checked = checked(draft);
        Instant now = Instant.now();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.update(connection -> {
                var insert = connection.prepareStatement("insert into topic (slug, title, banner, introduction, "
                        + "published, created_at, updated_at, updated_by, version) values (?, ?, ?, ?, ?, ?, ?, ?, 0)",
                        new String[] {"id"});
                insert.setString(1, checked.slug());
                insert.setString(2, checked.title());
                insert.setString(3, checked.banner());
                insert.setString(4, checked.introduction());
                insert.setBoolean(5, checked.published());
                insert.setTimestamp(6, Timestamp.from(now));
                insert.setTimestamp(7, Timestamp.from(now));
                insert.setString(8, account.getUsername());
                return insert;
            }, key);
        } catch (DuplicateKeyException e) {
            throw slugTaken(checked.slug());
        }
        long id = key.getKey().longValue();
        writeSections(id, checked.sections());
        events.publishEvent(AuditEvent.of(account.getUsername(), "topic.create", "topic:" + id)
                .with("title", null, checked.title()).with("slug", null, checked.slug()));
        announce(id, null, checked);
        return store.load(id);
    }

    /** Replaces a topic. With {@code expectedVersion}, a save over someone else's newer one is refused. */
    @Transactional
    public TopicView update(long id, TopicDraft draft, Long expectedVersion, String actor) {
        Account account = permissions.require(actor, Role.EDITOR);
        TopicDraft checked = checked(draft);
        Long version = jdbc.query("select version from topic where id = ? for update",
                row -> row.next() ? row.getLong(1) : null, id);
        if (version == null) {
            throw new NotFoundException("topic.not-found", id);
        }
        TopicView before = store.load(id);
        if (expectedVersion != null && expectedVersion != version) {
            throw new ConflictException("topic.edited-meanwhile", before.title(), before.updatedBy());
        }
        try {
            jdbc.update("update topic set slug = ?, title = ?, banner = ?, introduction = ?, published = ?, "
                            + "updated_at = ?, updated_by = ?, version = ? where id = ?", checked.slug(),
                    checked.title(), checked.banner(), checked.introduction(), checked.published(),
                    Timestamp.from(Instant.now()), account.getUsername(), version + 1, id);
        } catch (DuplicateKeyException e) {
            throw slugTaken(checked.slug());
        }
        jdbc.update("delete from topic_section where topic_id = ?", id);
        writeSections(id, checked.sections());
        events.publishEvent(AuditEvent.of(account.getUsername(), "topic.update", "topic:" + id)
                .with("title", before.title(), checked.title()).with("slug", before.slug(), checked.slug())
                .with("published", before.published(), checked.published()));
        announce(id, before, checked);
        return store.load(id);
    }

    @Transactional
    public void delete(long id, String actor) {
        Account account = permissions.require(actor, Role.EDITOR);
        TopicView before = store.load(id);
        jdbc.update("delete from topic where id = ?", id);
        events.publishEvent(AuditEvent.of(account.getUsername(), "topic.delete", "topic:" + id)
                .with("title", before.title(), null));
        announce(id, before, null);
    }

    // ---- readers

    /** The published topics, newest first; the page records the list. */
    public List<TopicView> published() {
        PageKeys.record(PageKeys.TOPICS);
        List<TopicView> published = store.published();
        published.forEach(t -> PageKeys.record(PageKeys.topic(t.id())));
        return published;
    }

    /** A published topic's page, or empty; the page records the topic, its articles and its tags' lists. */
    @Transactional(readOnly = true)
    public Optional<ShownTopic> shown(String slug) {
        Optional<TopicView> found = store.published().stream().filter(t -> t.slug().equals(slug)).findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        TopicView topic = found.get();
        PageKeys.record(PageKeys.topic(topic.id()));
        List<ShownSection> sections = new ArrayList<>();
        for (Section section : topic.sections()) {
            List<ArticleSummary> shown;
            if (section.tag() != null) {
                Optional<Tag> tag = tags.findByName(section.tag());
                tag.ifPresent(t -> PageKeys.record(PageKeys.tagList(t.getId())));
                shown = tag.map(t -> articles.publicByTag(t.getId(), 0, TAG_SECTION_SIZE).getContent())
                        .orElse(List.of());
            } else {
                section.articles().forEach(id -> PageKeys.record(PageKeys.article(id)));
                shown = articles.publicArticles(section.articles());
            }
            sections.add(new ShownSection(section.title(), section.tag(), shown));
        }
        return Optional.of(new ShownTopic(topic, sections));
    }

    /** The published topics an article belongs to (picked by hand, or by one of its tags), for its page. */
    public List<TopicView> topicsOf(ArticleDetail article) {
        Set<String> tagNames = article.tags().stream().map(Tag::getName).collect(Collectors.toSet());
        List<TopicView> topics = store.published().stream()
                .filter(topic -> topic.sections().stream().anyMatch(section -> tagNames.contains(section.tag())
                        || section.articles().contains(article.id())))
                .sorted(Comparator.comparingLong(TopicView::id)).toList();
        topics.forEach(topic -> PageKeys.record(PageKeys.topic(topic.id())));
        return topics;
    }

    // ---- inside

    private void writeSections(long topicId, List<Section> sections) {
        for (int i = 0; i < sections.size(); i++) {
            Section section = sections.get(i);
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            int position = i;
            jdbc.update(connection -> {
                var insert = connection.prepareStatement(
                        "insert into topic_section (topic_id, position, title, tag_name) values (?, ?, ?, ?)",
                        new String[] {"id"});
                insert.setLong(1, topicId);
                insert.setInt(2, position);
                insert.setString(3, section.title());
                insert.setString(4, section.tag());
                return insert;
            }, key);
            long sectionId = key.getKey().longValue();
            for (int j = 0; j < section.articles().size(); j++) {
                jdbc.update("insert into topic_article (section_id, position, article_id) values (?, ?, ?)",
                        sectionId, j, section.articles().get(j));
            }
        }
    }

    /**
     * What a change shows elsewhere: the topic list and page, the pages of articles that came into or left the
     * topic by hand, and the pages of articles carrying a tag a section names (they link to the topic).
     */
    private void announce(long id, TopicView before, TopicDraft after) {
        Set<String> keys = new HashSet<>(Set.of(PageKeys.TOPICS, PageKeys.topic(id)));
        List<Section> touched = new ArrayList<>(before == null ? List.of() : before.sections());
        touched.addAll(after == null ? List.of() : after.sections());
        for (Section section : touched) {
            section.articles().forEach(articleId -> keys.add(PageKeys.article(articleId)));
            if (section.tag() != null) {
                tags.findByName(section.tag()).ifPresent(tag -> keys.add(PageKeys.relatedByTag(tag.getId())));
            }
        }
        events.publishEvent(new ContentChangedEvent(keys));
    }

    private TopicDraft checked(TopicDraft draft) {
        if (draft == null) {
            throw new InvalidInputException("title", "topic.empty");
        }
        String title = text(draft.title(), "title", "topic.title.too-long", 100);
        if (title == null) {
            throw new InvalidInputException("title", "topic.title.required");
        }
        String slug = text(draft.slug(), "slug", "topic.slug.too-long", 50);
        slug = slug == null ? ChineseText.pinyinSlug(title) : slug.toLowerCase(Locale.ROOT);
        if (slug.length() > 50) {
            slug = slug.substring(0, 50).replaceAll("-+$", "");
        }
        if (!SLUG.matcher(slug).matches()) {
            throw new InvalidInputException("slug", "topic.slug.invalid");
        }
        String banner = text(draft.banner(), "banner", "topic.banner.too-long", 500);
        if (banner != null && !banner.startsWith("/") && !banner.matches("(?i)https?://\\S+")) {
            throw new InvalidInputException("banner", "topic.banner.invalid");
        }
        String introduction = text(draft.introduction(), "introduction", "topic.introduction.too-long", 4000);
        List<Section> given = draft.sections() == null ? List.of() : draft.sections();
        if (given.isEmpty()) {
            throw new InvalidInputException("sections", "topic.sections.none");
        }
        if (given.size() > MAX_SECTIONS) {
            throw new InvalidInputException("sections", "topic.sections.too-many", MAX_SECTIONS);
        }
        List<Section> sections = new ArrayList<>();
        for (Section section : given) {
            sections.add(checked(section, sections.size() + 1));
        }
        return new TopicDraft(slug, title, banner, introduction, draft.published(), sections);
    }

    private Section checked(Section section, int number) {
        String field = "sections";
        String title = text(section.title(), field, "topic.section.title.too-long", 100, number);
        if (title == null) {
            throw new InvalidInputException(field, "topic.section.title.required", number);
        }
        String tag = text(section.tag(), field, "topic.section.tag.too-long", 50, number);
        if (tag != null && tags.findByName(tag).isEmpty()) {
            throw new InvalidInputException(field, "topic.section.tag.unknown", number, tag);
        }
        List<Long> ids = section.articles() == null ? List.of() : section.articles();
        if (tag == null && ids.isEmpty()) {
            throw new InvalidInputException(field, "topic.section.empty", number, title);
        }
        if (tag != null && !ids.isEmpty()) {
            throw new InvalidInputException(field, "topic.section.both", number, title);
        }
        if (ids.size() > MAX_ARTICLES_PER_SECTION) {
            throw new InvalidInputException(field, "topic.section.too-many", MAX_ARTICLES_PER_SECTION);
        }
        Set<Long> seen = new HashSet<>();
        for (Long id : ids) {
            if (id == null || !seen.add(id)) {
                throw new InvalidInputException(field, "topic.section.article.twice", number, id);
            }
            if (!articles.exists(id) || articles.inTrash(id)) {
                throw new InvalidInputException(field, "topic.article.not-found", id);
            }
        }
        return new Section(title, tag, List.copyOf(ids));
    }

    /** @param tooLong the text's key when it is longer than {@code max}: {@code {0}} is max, then {@code more} */
    private static String text(String value, String field, String tooLong, int max, Object... more) {
        String clean = PlainText.clean(value);
        if (clean == null || clean.isBlank()) {
            return null;
        }
        clean = clean.strip();
        if (clean.length() > max) {
            Object[] args = new Object[more.length + 1];
            args[0] = max;
            System.arraycopy(more, 0, args, 1, more.length);
            throw new InvalidInputException(field, tooLong, args);
        }
        return clean;
    }

    private static InvalidInputException slugTaken(String slug) {
        return new InvalidInputException("slug", "topic.slug.taken", slug);
    }

}
