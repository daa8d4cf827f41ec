package cn.dayuan.search;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.hibernate.search.engine.search.common.ValueModel;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.util.common.data.RangeBoundInclusion;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.dayuan.article.Article;
import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleStatus;
import cn.dayuan.article.ArticleSummary;
import cn.dayuan.channel.ChannelService;
import cn.dayuan.system.DayuanProperties;

/**
 * Full-text search over the articles readers may see: published, with a publish time that has passed (checked
 * when the query runs, so a scheduled article is found from the moment it goes live). The index itself holds every
 * article in every status and follows each change in the change's own transaction (Hibernate Search's automatic
 * indexing, waiting until the change is searchable), so an article unpublished, trashed or purged is gone from the
 * results as soon as the change is answered.
 * <p>
 * A query is words: it is analysed by the index's analyzer into at most {@value #MAX_WORDS} words, which are looked
 * up as {@link #matchingWords} says.
 */
@Service
@Transactional(readOnly = true)
public class SearchService {

    static final int MAX_WORDS = 32;
    private static final int NEAR_TITLES = 3;
    private static final float TITLE_BOOST = 4f;
    private static final float TAGS_BOOST = 3f;
    private static final float SUBTITLE_BOOST = 2f;
    private static final float SUMMARY_BOOST = 1.5f;
    private static final float PINYIN_BOOST = 2f;
    private static final Pattern LATIN_LETTERS = Pattern.compile("[a-z]+");

    @PersistenceContext
    private EntityManager entityManager;

    private final ArticleService articles;
    private final ChannelService channels;
    private final SearchSynonyms synonyms;
    private final SearchBackend backend;
    private final ZoneId zone;
    private final Analyzer analyzer = new SmartChineseAnalyzer();
    private final Timer queries;

    SearchService(ArticleService articles, ChannelService channels, SearchSynonyms synonyms, SearchBackend backend,
                  DayuanProperties properties, MeterRegistry meters) {
        this.backend = backend;
        this.queries = Timer.builder("dayuan.search.queries")
                .description("Reader searches: the index query, its highlights and the hits' summaries")
                .publishPercentiles(0.5, 0.99).distributionStatisticExpiry(Duration.ofMinutes(1)).register(meters);
        this.articles = articles;
        this.synonyms = synonyms;
        this.channels = channels;
        this.zone = properties.timeZone();
    }

    /**
     * One page of the public articles that match {@code query}, best first or newest first. Timed as
     * {@code dayuan.search.queries}, with the median and 99th percentile of about the last minute in
     * {@code /actuator/metrics/dayuan.search.queries.percentile}.
     */
    public SearchResults search(SearchQuery query) {
        return queries.record(() -> find(query));
    }

    private SearchResults find(SearchQuery query) {
        List<String> words = query.isBlank() ? List.of() : ChineseAnalysis.words(analyzer, query.text(), MAX_WORDS);
        if (words.isEmpty()) {
            return SearchResults.none(query);
        }
        SearchSession session = Search.session(entityManager);
        Instant now = Instant.now();
        int offset = (query.page() - 1) * SearchQuery.PAGE_SIZE;
        SearchResult<List<?>> result = session.search(Article.class)
                .select(f -> f.composite().from(f.id(Long.class), f.highlight(SearchMapping.BODY)).asList())
                .where(f -> predicate(f, query, words, now))
                .sort(f -> query.sort() == SearchSort.DATE
                        ? f.field(SearchMapping.PUBLISHED_AT).desc().then().score()
                        : f.score().then().field(SearchMapping.PUBLISHED_AT).desc())
                .highlighter(h -> h.fastVector().tag(Snippet.START, Snippet.END).fragmentSize(60).numberOfFragments(2))
                .fetch(offset, SearchQuery.PAGE_SIZE);
        long total = result.total().hitCount();
        List<Long> ids = new ArrayList<>();
        Map<Long, List<?>> rows = new HashMap<>();
        for (List<?> row : result.hits()) {
            Long id = (Long) row.get(0);
            ids.add(id);
            rows.put(id, row);
        }
        List<SearchHit> hits = new ArrayList<>();
        WordMarks marks = new WordMarks(analyzer, wordsToMark(words));
        for (ArticleSummary article : articles.publicSummaries(ids)) {
            List<?> row = rows.get(article.id());
            Snippet title = marks.in(article.title());
            Snippet excerpt = highlighted(row.get(1));
            if (excerpt.isEmpty()) {
                excerpt = marks.in(article.summary());
            }
            hits.add(new SearchHit(article, title.isEmpty() ? Snippet.plain(article.title()) : title, excerpt));
        }
        int pages = (int) Math.min(SearchQuery.MAX_PAGE, (total + SearchQuery.PAGE_SIZE - 1) / SearchQuery.PAGE_SIZE);
        return new SearchResults(query, hits, total, pages, total == 0 ? nearTitles(session, words, now) : List.of());
    }

    /** The query's words and the words of their synonyms, as the analyzer cuts them. */
    private Set<String> wordsToMark(List<String> words) {
        Set<String> marked = new HashSet<>(words);
        for (Synonyms.Term term : synonyms.current().terms(words)) {
            term.alternatives().forEach(other -> marked.addAll(ChineseAnalysis.words(analyzer, other, MAX_WORDS)));
        }
        return marked;
    }

    /**
     * Up to {@value #NEAR_TITLES} public articles whose title words sound like the query's Chinese words: a reader
     * typing pinyin picks a homophone (晋词 for 晋祠) and finds nothing. The query's words are read as the index
     * reads titles ({@link PinyinBridge#spokenWords}: full pinyin of words of two or more characters, a run of
     * single characters counting as one word).
     */
    private List<ArticleSummary> nearTitles(SearchSession session, List<String> words, Instant now) {
        List<String> sounds = PinyinBridge.spokenWords(words).stream().map(PinyinBridge::fullPinyin).distinct()
                .toList();
        if (sounds.isEmpty()) {
            return List.of();
        }
        List<Long> ids = session.search(Article.class).select(f -> f.id(Long.class))
                .where(f -> f.bool().with(b -> {
                    b.must(f.bool().with(any -> {
                        sounds.forEach(sound -> any.should(f.match().field(SearchMapping.TITLE_PINYIN)
                                .matching(sound, ValueModel.INDEX)));
                        any.minimumShouldMatchNumber(required(sounds.size()));
                    }));
                    b.filter(publicNow(f, now));
                }))
                .sort(f -> f.score().then().field(SearchMapping.PUBLISHED_AT).desc())
                .fetchHits(NEAR_TITLES);
        return articles.publicSummaries(ids);
    }

    /**
     * The articles that have the words (of {@code text}) in some field: all of up to three words, three in four of
     * more, where a run of words that the newsroom listed as a synonym ({@link SearchSynonyms}) counts as one word
     * that any of its synonyms may stand for. Titles and tags weigh most, and the whole text as a phrase in the title
     * or body ranks an article higher.
     *
     * @param backend where the index is, which says whether the words are its terms
     */
    static PredicateFinalStep matchingWords(SearchPredicateFactory f, String text, List<String> words,
                                            Synonyms synonyms, SearchBackend backend) {
        List<Synonyms.Term> terms = synonyms.terms(backend.lookedUp(text, words));
        Map<String, String> latinAsTyped = ChineseAnalysis.latinAsTyped(text);
        return f.bool().with(b -> {
            b.must(f.bool().with(any -> {
                for (Synonyms.Term term : terms) {
                    String typed = latinAsTyped.getOrDefault(term.text(), term.text());
                    if (term.alternatives().isEmpty()) {
                        // A cjk index does not stem English either: a Latin word is looked up as typed there.
                        any.should(backend.queryWordsAreTerms() ? wordInAnyField(f, term.text(), typed)
                                : pinyinOr(f, typed, phraseInAnyField(f, typed)));
                    } else {
                        any.should(f.or().with(or -> {
                            or.add(phraseInAnyField(f, term.text()));
                            term.alternatives().forEach(other -> or.add(phraseInAnyField(f, other)));
                        }));
                    }
                }
                any.minimumShouldMatchNumber(required(terms.size()));
            }));
            if (words.size() > 1) {
                b.should(f.phrase().field(SearchMapping.TITLE).boost(TITLE_BOOST).field(SearchMapping.BODY)
                        .matching(text));
            }
        });
    }

    /**
     * The word in any text field, each with its weight; a word of Latin letters also, as it was typed, as the pinyin
     * of a title's or tag's word (taiyuan or ty for 太原). The word is a term of the index already
     * ({@link ChineseAnalysis#words}): analysed again, an English word would be stemmed twice (createuser → createus
     * → createu) and a Chinese word cut apart out of its sentence (解析 → 解, 析), and neither would be found.
     */
    private static PredicateFinalStep wordInAnyField(SearchPredicateFactory f, String word, String typed) {
        PredicateFinalStep text = f.match().field(SearchMapping.TITLE).boost(TITLE_BOOST)
                .field(SearchMapping.TAGS).boost(TAGS_BOOST).field(SearchMapping.SUBTITLE).boost(SUBTITLE_BOOST)
                .field(SearchMapping.SUMMARY).boost(SUMMARY_BOOST)
                .fields(SearchMapping.BODY, SearchMapping.AUTHOR, SearchMapping.SOURCE).matching(word)
                .skipAnalysis();
        return pinyinOr(f, typed, text);
    }

    /** What finds the word in the text fields, or for a word of Latin letters (as typed) also as pinyin. */
    private static PredicateFinalStep pinyinOr(SearchPredicateFactory f, String word, PredicateFinalStep text) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (!LATIN_LETTERS.matcher(lower).matches()) {
            return text;
        }
        // The word is matched as it is, not passed through PinyinBridge (it is pinyin already).
        return f.or(text, f.match().fields(SearchMapping.TITLE_PINYIN, SearchMapping.TAGS_PINYIN)
                .boost(PINYIN_BOOST).matching(lower, ValueModel.INDEX));
    }

    /** The words in this order in any text field, each with its weight. */
    private static PredicateFinalStep phraseInAnyField(SearchPredicateFactory f, String phrase) {
        return f.phrase().field(SearchMapping.TITLE).boost(TITLE_BOOST).field(SearchMapping.TAGS).boost(TAGS_BOOST)
                .field(SearchMapping.SUBTITLE).boost(SUBTITLE_BOOST).field(SearchMapping.SUMMARY).boost(SUMMARY_BOOST)
                .fields(SearchMapping.BODY, SearchMapping.AUTHOR, SearchMapping.SOURCE).matching(phrase);
    }

    private PredicateFinalStep predicate(SearchPredicateFactory f, SearchQuery query, List<String> words, Instant now) {
        return f.bool().with(b -> {
            b.must(matchingWords(f, query.text(), words, synonyms.current(), backend));
            b.filter(publicNow(f, now));
            if (query.channelId() != null) {
                Set<Long> channelIds = new HashSet<>();
                channels.tree().byId(query.channelId()).ifPresent(channel -> channelIds.addAll(
                        channels.tree().selfAndDescendantIds(channel.id())));
                if (channelIds.isEmpty()) {
                    channelIds.add(-1L);
                }
                b.filter(f.terms().field(SearchMapping.CHANNEL).matchingAny(channelIds));
            }
            if (query.from() != null || query.to() != null) {
                Instant from = query.from() == null ? null : query.from().atStartOfDay(zone).toInstant();
                Instant before = query.to() == null ? null : query.to().plusDays(1).atStartOfDay(zone).toInstant();
                b.filter(f.range().field(SearchMapping.PUBLISHED_AT).between(from, RangeBoundInclusion.INCLUDED,
                        before, RangeBoundInclusion.EXCLUDED));
            }
        });
    }

    /** How many of a query's terms an article must have: all of up to three, three in four of more. */
    private static int required(int terms) {
        return terms <= 3 ? terms : (int) Math.ceil(terms * 0.75);
    }

    /** What readers may find: published, with a publish time that has passed. */
    private static PredicateFinalStep publicNow(SearchPredicateFactory f, Instant now) {
        return f.and(f.match().field(SearchMapping.STATUS).matching(ArticleStatus.PUBLISHED),
                f.range().field(SearchMapping.PUBLISHED_AT).atMost(now));
    }

    private static Snippet highlighted(Object fragments) {
        if (!(fragments instanceof List<?> list) || list.isEmpty()) {
            return new Snippet(List.of());
        }
        return Snippet.ofHighlights(list.stream().map(String::valueOf).toList());
    }

    /** Indexes again every article changed at or after {@code since}; the number of them. */
    @Transactional
    int reindexChangedSince(Instant since) {
        List<Long> ids = entityManager.createQuery("select a.id from Article a where a.updatedAt >= :since", Long.class)
                .setParameter("since", since).getResultList();
        reindex(ids);
        return ids.size();
    }

    /**
     * Brings the index entries of these articles up to date with the database: each one that exists is indexed
     * again, each one that does not is removed. For what the entity listener cannot see: changes made on another
     * node of a cluster, and tags renamed, merged or deleted over JDBC. Read-write: on OpenSearch the work is
     * written into the outbox table.
     */
    @Transactional
    public void reindex(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        SearchSession session = Search.session(entityManager);
        Set<Long> missing = new HashSet<>(ids);
        List<Long> all = List.copyOf(ids);
        for (int i = 0; i < all.size(); i += 100) {
            List<Long> batch = all.subList(i, Math.min(all.size(), i + 100));
            // What the mapping reads of an article, in one query: its channel, publisher and tags.
            List<Article> found = entityManager.createQuery("select distinct a from Article a join fetch a.channel"
                    + " join fetch a.publisher left join fetch a.tags where a.id in :ids", Article.class)
                    .setParameter("ids", batch).getResultList();
            for (Article article : found) {
                session.indexingPlan().addOrUpdate(article);
                missing.remove(article.getId());
            }
            session.indexingPlan().process();
        }
        for (Long id : missing) {
            session.indexingPlan().purge(Article.class, id, null);
        }
        // Written now, not at commit: a failure (such as an index that cannot take this mapping's entries) is
        // thrown to the caller.
        session.indexingPlan().execute();
        entityManager.clear();
    }
}
