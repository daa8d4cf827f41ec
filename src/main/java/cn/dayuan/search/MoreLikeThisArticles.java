package cn.dayuan.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
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

    private final Analyzer analyzer = new SmartChineseAnalyzer();
    private final boolean enabled;

    MoreLikeThisArticles(Environment environment) {
        this.enabled = SearchStartup.isEnabled(environment);
    }

    @Override
    public List<Long> like(Long excludedId, String title, List<String> tags, String body, int count) {
        if (!enabled) {
            return null;
        }
        SearchSession session = Search.session(entityManager);
        Query like;
        try (IndexReader reader = session.scope(Article.class).extension(LuceneExtension.get()).openIndexReader()) {
            like = likeQuery(reader, title, String.join(" ", tags), HtmlTextBridge.text(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (like == null) {
            return List.of();
        }
        Instant now = Instant.now();
        return session.search(Article.class).select(f -> f.id(Long.class))
                .where(f -> f.bool().with(b -> {
                    b.must(f.extension(LuceneExtension.get()).fromLuceneQuery(like));
                    b.filter(f.match().field(SearchMapping.STATUS).matching(ArticleStatus.PUBLISHED));
                    b.filter(f.range().field(SearchMapping.PUBLISHED_AT).atMost(now));
                    if (excludedId != null) {
                        b.mustNot(f.id().matching(excludedId));
                    }
                }))
                .sort(f -> f.score().then().field(SearchMapping.PUBLISHED_AT).desc())
                .fetchHits(count);
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
