package cn.dayuan.search;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.util.common.data.RangeBoundInclusion;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

import cn.dayuan.article.Article;
import cn.dayuan.article.ArticleQuery;
import cn.dayuan.article.ArticleStatus;
import cn.dayuan.article.KeywordSearch;

/**
 * The newsroom's keyword search over the same index as the readers' ({@link SearchService#matchingWords}), in every
 * status: the list's other filters (channel, status, publisher or byline, days) are asked of the index too, so one
 * query gives the page and the total. Articles in the recycle bin are found only when asked for by status.
 */
@Component
class NewsroomArticleSearch implements KeywordSearch {

    /**
     * Pages past this many hits are not fetched, as in Elasticsearch ({@code index.max_result_window}): the index
     * would have to hold and rank every hit before them. The total is still counted; 500 pages of 20 are more than
     * anyone reads of a keyword's results, and a narrower search does better.
     */
    static final int MAX_WINDOW = 10_000;

    @PersistenceContext
    private EntityManager entityManager;

    private final Analyzer analyzer = new SmartChineseAnalyzer();
    private final SearchSynonyms synonyms;
    private final SearchBackend backend;

    NewsroomArticleSearch(SearchSynonyms synonyms, SearchBackend backend) {
        this.synonyms = synonyms;
        this.backend = backend;
    }

    @Override
    public Page<Long> find(ArticleQuery query, Collection<Long> channelIds, String onlyPublisher, Pageable pageable) {
        String keyword = query.keyword() == null ? "" : query.keyword().trim();
        List<String> words = ChineseAnalysis.words(analyzer, keyword, SearchService.MAX_WORDS);
        if (words.isEmpty()) {
            return Page.empty(pageable);
        }
        Synonyms current = synonyms.current();
        var search = Search.session(entityManager).search(Article.class).select(f -> f.id(Long.class))
                .where(f -> predicate(f, query, keyword, words, current, channelIds, onlyPublisher))
                .sort(f -> f.score().then().field(SearchMapping.UPDATED_AT).desc());
        if (pageable.getOffset() + pageable.getPageSize() > MAX_WINDOW) {
            return new PageImpl<>(List.of(), pageable, search.fetchTotalHitCount());
        }
        SearchResult<Long> result = search.fetch((int) pageable.getOffset(), pageable.getPageSize());
        return new PageImpl<>(result.hits(), pageable, result.total().hitCount());
    }

    private PredicateFinalStep predicate(SearchPredicateFactory f, ArticleQuery query, String keyword,
                                                List<String> words, Synonyms synonyms,
                                                Collection<Long> channelIds, String onlyPublisher) {
        return f.bool().with(b -> {
            b.must(SearchService.matchingWords(f, keyword, words, synonyms, backend));
            if (query.status() != null) {
                b.filter(f.match().field(SearchMapping.STATUS).matching(query.status()));
            } else {
                b.mustNot(f.match().field(SearchMapping.STATUS).matching(ArticleStatus.TRASHED));
            }
            if (channelIds != null) {
                b.filter(f.terms().field(SearchMapping.CHANNEL).matchingAny(channelIds));
            }
            if (onlyPublisher != null) {
                b.filter(f.match().field(SearchMapping.PUBLISHER).matching(onlyPublisher));
            }
            String author = query.author() == null ? "" : query.author().trim();
            if (!author.isEmpty()) {
                b.filter(f.or(f.match().field(SearchMapping.PUBLISHER).matching(author),
                        f.match().field(SearchMapping.AUTHOR).matching(author).minimumShouldMatchPercent(100)));
            }
            if (query.from() != null || query.to() != null) {
                b.filter(f.or(between(f, SearchMapping.PUBLISHED_AT, query.from(), query.to()),
                        f.bool().mustNot(f.exists().field(SearchMapping.PUBLISHED_AT))
                                .must(between(f, SearchMapping.CREATED_AT, query.from(), query.to()))));
            }
        });
    }

    /** {@code field} from {@code from} (inclusive) to {@code to} (exclusive); either may be open. */
    private static PredicateFinalStep between(SearchPredicateFactory f, String field, Instant from, Instant to) {
        return f.range().field(field).between(from, RangeBoundInclusion.INCLUDED, to, RangeBoundInclusion.EXCLUDED);
    }
}
