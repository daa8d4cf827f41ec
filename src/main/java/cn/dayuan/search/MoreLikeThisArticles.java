package cn.dayuan.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.hibernate.search.backend.elasticsearch.ElasticsearchExtension;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import cn.dayuan.article.Article;
import cn.dayuan.article.ArticleStatus;
import cn.dayuan.article.SimilarArticles;

/**
 * The articles most like a text, by Lucene's "more like this": the words of the text that are most distinctive for
 * the index (frequent in the text, rare in the other articles, at most {@value #WORDS} of them) are looked up in the
 * published articles. An article must share {@value #SHARED_WORDS} of the distinctive words (both, when the text
 * has only {@value #MIN_SHARED_WORDS} that other articles use too) to count as alike; sharing title words and tags
 * weighs more. The text need not be in the index (an article about to be saved is compared as it will be, not as it
 * was).
 * <p>
 * On OpenSearch the same is asked with its {@code more_like_this} query, in one request; there a text with a single
 * distinctive word is compared on that word, and when OpenSearch does not answer the choice is left for later.
 */
@Component
class MoreLikeThisArticles implements SimilarArticles {

    private static final int WORDS = 25;
    private static final int SHARED_WORDS = 3;
    private static final int MIN_SHARED_WORDS = 2;
    private static final float TITLE_BOOST = 2f;
    /**
     * Words found in more than this share of the articles are too common to tell anything (a site's boilerplate,
     * 记者, 市民): a tenth in an index of {@value #LARGE_INDEX} articles or more, half in a smaller one, where a
     * tenth would be a handful of articles.
     */
    private static final int COMMON_PERCENT = 10;
    private static final int COMMON_PERCENT_SMALL_INDEX = 50;
    private static final int LARGE_INDEX = 100;

    @PersistenceContext
    private EntityManager entityManager;

    private static final Logger log = LoggerFactory.getLogger(MoreLikeThisArticles.class);

    private final Analyzer analyzer = new SmartChineseAnalyzer();
    private final boolean enabled;
    private final boolean openSearch;

    MoreLikeThisArticles(Environment environment, SearchBackend backend) {
        this.enabled = SearchStartup.isEnabled(environment);
        this.openSearch = backend.openSearch();
    }

    @Override
    public List<Long> like(Long excludedId, String title, List<String> tags, String body, int count) {
        if (!enabled) {
            return null;
        }
        SearchSession session = Search.session(entityManager);
        if (openSearch) {
            try {
                return publicArticlesLike(session, openSearchLikeQuery(session, title, String.join(" ", tags),
                        HtmlTextBridge.text(body)), excludedId, count);
            } catch (RuntimeException e) {
                // OpenSearch down or refusing: the article is saved without a choice, which MissingSimilarArticles
                // makes later, rather than not saved at all.
                log.warn("Could not ask OpenSearch for articles like \"{}\": {}", title, e.toString());
                return null;
            }
        }
        Query like;
        try (IndexReader reader = session.scope(Article.class).extension(LuceneExtension.get()).openIndexReader()) {
            like = likeQuery(reader, title, String.join(" ", tags), HtmlTextBridge.text(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (like == null) {
            return List.of();
        }
        return publicArticlesLike(session, f -> f.extension(LuceneExtension.get()).fromLuceneQuery(like), excludedId,
                count);
    }

    private static List<Long> publicArticlesLike(SearchSession session,
                                                 Function<SearchPredicateFactory, PredicateFinalStep> like,
                                                 Long excludedId, int count) {
        Instant now = Instant.now();
        return session.search(Article.class).select(f -> f.id(Long.class))
                .where(f -> f.bool().with(b -> {
                    b.must(like.apply(f));
                    b.filter(f.match().field(SearchMapping.STATUS).matching(ArticleStatus.PUBLISHED));
                    b.filter(f.range().field(SearchMapping.PUBLISHED_AT).atMost(now));
                    if (excludedId != null) {
                        b.mustNot(f.id().matching(excludedId));
                    }
                }))
                .sort(f -> f.score().then().field(SearchMapping.PUBLISHED_AT).desc())
                .fetchHits(count);
    }

    /**
     * The same likeness as {@link #likeQuery} in OpenSearch's terms: up to {@value #WORDS} distinctive body words of
     * which three must be shared ({@code "2<3"}: all of two, three of more), title words and tags weighing more.
     * Unlike the embedded index, a text with a single distinctive word is compared on that word.
     */
    private static Function<SearchPredicateFactory, PredicateFinalStep> openSearchLikeQuery(
            SearchSession session, String title, String tags, String body) {
        long articles = session.search(Article.class).where(f -> f.matchAll()).fetchTotalHitCount();
        long maxDocFreq = Math.max(1, articles * (articles >= LARGE_INDEX ? COMMON_PERCENT : COMMON_PERCENT_SMALL_INDEX)
                / 100);
        String heading = title + " " + tags;
        JsonObject bodyWords = moreLikeThis(SearchMapping.BODY, heading + " " + (body == null ? "" : body), maxDocFreq);
        bodyWords.getAsJsonObject("more_like_this").addProperty("minimum_should_match",
                MIN_SHARED_WORDS + "<" + SHARED_WORDS);
        JsonObject titleWords = moreLikeThis(SearchMapping.TITLE, heading, maxDocFreq);
        titleWords.getAsJsonObject("more_like_this").addProperty("boost", TITLE_BOOST);
        JsonObject tagWords = tags.isBlank() ? null : moreLikeThis(SearchMapping.TAGS, tags, maxDocFreq);
        return f -> f.bool().with(b -> {
            b.must(f.extension(ElasticsearchExtension.get()).fromJson(bodyWords));
            b.should(f.extension(ElasticsearchExtension.get()).fromJson(titleWords));
            if (tagWords != null) {
                b.should(f.extension(ElasticsearchExtension.get()).fromJson(tagWords));
            }
        });
    }

    private static JsonObject moreLikeThis(String field, String text, long maxDocFreq) {
        JsonObject query = new JsonObject();
        JsonArray fields = new JsonArray();
        fields.add(field);
        query.add("fields", fields);
        query.addProperty("like", text);
        query.addProperty("min_term_freq", 1);
        query.addProperty("min_doc_freq", 1);
        query.addProperty("min_word_length", 2);
        query.addProperty("max_query_terms", WORDS);
        query.addProperty("max_doc_freq", maxDocFreq);
        query.addProperty("minimum_should_match", "1");
        JsonObject wrapper = new JsonObject();
        wrapper.add("more_like_this", query);
        return wrapper;
    }

    /** The "more like this" query for the text, or null when it has no distinctive words. */
    private Query likeQuery(IndexReader reader, String title, String tags, String body) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(reader);
        mlt.setAnalyzer(analyzer);
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(1);
        // Single characters are mostly particles (的, 在, 是); names and terms are two or more.
        mlt.setMinWordLen(2);
        mlt.setMaxQueryTerms(WORDS);
        mlt.setMaxDocFreqPct(reader.numDocs() >= LARGE_INDEX ? COMMON_PERCENT : COMMON_PERCENT_SMALL_INDEX);
        String heading = title + " " + tags;
        BooleanQuery bodyWords = (BooleanQuery) mlt.like(SearchMapping.BODY,
                new StringReader(heading + " " + (body == null ? "" : body)));
        // Only words that other articles have count; one shared word (服务, 全市) is no likeness.
        if (bodyWords.clauses().size() < MIN_SHARED_WORDS) {
            return null;
        }
        BooleanQuery.Builder shared = new BooleanQuery.Builder()
                .setMinimumNumberShouldMatch(Math.min(SHARED_WORDS, bodyWords.clauses().size()));
        bodyWords.clauses().forEach(shared::add);
        return new BooleanQuery.Builder()
                .add(shared.build(), BooleanClause.Occur.MUST)
                .add(new BoostQuery(mlt.like(SearchMapping.TITLE, new StringReader(heading)), TITLE_BOOST),
                        BooleanClause.Occur.SHOULD)
                .add(mlt.like(SearchMapping.TAGS, new StringReader(tags)), BooleanClause.Occur.SHOULD)
                .build();
    }
}
