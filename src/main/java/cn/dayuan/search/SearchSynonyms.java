package cn.dayuan.search;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.dayuan.account.Permissions;
import cn.dayuan.account.Role;
import cn.dayuan.system.AuditEvent;
import cn.dayuan.system.ContentChangedEvent;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.PageKeys;
import cn.dayuan.system.PlainText;

/**
 * The synonyms the newsroom keeps for search (医保 = 医疗保障 = 医疗保险): a query that says a thing one way finds the
 * articles that say it another way, in the reader search and in the newsroom's. They apply to queries, never to the
 * index, so a change counts from the next query on, on every node (the groups are kept in memory under
 * {@link PageKeys#SEARCH_SYNONYMS}), without reindexing. A word belongs to one group at most.
 */
@Service
@Transactional(readOnly = true)
public class SearchSynonyms {

    static final int MAX_WORD_LENGTH = 20;
    static final int MAX_GROUP_SIZE = 10;
    private static final String SEPARATOR = " = ";
    /** Between the words of a group as typed: equals signs, commas, enumeration commas, semicolons, new lines. */
    private static final Pattern TYPED_SEPARATOR = Pattern.compile("[=＝,，、;；\\r\\n]+");

    /** A synonym group as the newsroom lists it. */
    public record Group(long id, List<String> words, String createdBy, Instant createdAt) {

        public String text() {
            return String.join(SEPARATOR, words);
        }
    }

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Permissions permissions;
    private final Analyzer analyzer = new SmartChineseAnalyzer();

    SearchSynonyms(JdbcTemplate jdbc, ApplicationEventPublisher events, Permissions permissions) {
        this.jdbc = jdbc;
        this.events = events;
        this.permissions = permissions;
    }

    /** Every group, analysed for queries. */
    @Cacheable(cacheNames = PageKeys.SEARCH_SYNONYMS, sync = true)
    public Synonyms current() {
        return new Synonyms(load().stream().map(group -> group.words().stream()
                .map(word -> new Synonyms.Member(word, words(word))).toList()).toList());
    }

    public List<Group> list() {
        permissions.require(Role.EDITOR);
        return load();
    }

    /**
     * Adds a group typed as words between {@code =}, commas or new lines ("地铁 = 轨道交通").
     *
     * @throws InvalidInputException when fewer than two different words are given, a word is too long or has nothing
     *                               searchable in it, or belongs to another group already
     */
    @Transactional
    public void add(String typed, String actor) {
        permissions.require(Role.EDITOR);
        List<String> words = new ArrayList<>();
        List<List<String>> analysed = new ArrayList<>();
        for (String part : TYPED_SEPARATOR.split(typed == null ? "" : PlainText.clean(typed))) {
            String word = part.strip().replaceAll("\\s+", " ");
            if (word.isEmpty()) {
                continue;
            }
            if (word.length() > MAX_WORD_LENGTH) {
                throw new InvalidInputException("words", "search.synonym.too-long", word, MAX_WORD_LENGTH);
            }
            List<String> cut = words(word);
            if (cut.isEmpty()) {
                throw new InvalidInputException("words", "search.synonym.no-words", word);
            }
            if (!analysed.contains(cut)) {
                words.add(word);
                analysed.add(cut);
            }
        }
        if (words.size() < 2) {
            throw new InvalidInputException("words", "search.synonym.too-few");
        }
        if (words.size() > MAX_GROUP_SIZE) {
            throw new InvalidInputException("words", "search.synonym.too-many", MAX_GROUP_SIZE);
        }
        for (Group other : load()) {
            for (String word : other.words()) {
                if (analysed.contains(words(word))) {
                    throw new InvalidInputException("words", "search.synonym.taken", word, other.text());
                }
            }
        }
        Instant now = Instant.now();
        String text = String.join(SEPARATOR, words);
        jdbc.update("insert into search_synonym (words, created_by, created_at) values (?, ?, ?)", text, actor,
                Timestamp.from(now));
        events.publishEvent(AuditEvent.of(actor, "search-synonym.add", "search-synonyms").with("words", null, text));
        events.publishEvent(ContentChangedEvent.of(PageKeys.SEARCH_SYNONYMS));
    }

    @Transactional
    public void remove(long id, String actor) {
        permissions.require(Role.EDITOR);
        List<String> words = jdbc.queryForList("select words from search_synonym where id = ?", String.class, id);
        if (!words.isEmpty() && jdbc.update("delete from search_synonym where id = ?", id) > 0) {
            events.publishEvent(AuditEvent.of(actor, "search-synonym.remove", "search-synonyms")
                    .with("words", words.get(0), null));
            events.publishEvent(ContentChangedEvent.of(PageKeys.SEARCH_SYNONYMS));
        }
    }

    private List<Group> load() {
        return jdbc.query("select id, words, created_by, created_at from search_synonym order by id",
                (row, n) -> new Group(row.getLong("id"), Arrays.asList(row.getString("words").split(SEPARATOR)),
                        row.getString("created_by"), row.getTimestamp("created_at").toInstant()));
    }

    private List<String> words(String text) {
        return ChineseAnalysis.words(analyzer, text, SearchService.MAX_WORDS);
    }
}
