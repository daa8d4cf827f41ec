package cn.dayuan.search;

import java.util.List;

import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmMappingConfigurationContext;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmSearchMappingConfigurer;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.ProgrammaticMappingConfigurationContext;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.TypeMappingStep;

import cn.dayuan.account.Account;
import cn.dayuan.article.Article;
import cn.dayuan.tag.Tag;

/**
 * What of an article the index holds, mapped here rather than by annotations on the entity so that the article
 * package knows nothing of search. Every article is indexed whatever its status: the reader search filters on status
 * and publish time when it asks, the newsroom's search ({@link NewsroomArticleSearch}) finds drafts too.
 * <p>
 * Text fields keep their words' positions and offsets (term vectors) for the fast vector highlighter, which reads
 * them instead of cutting the whole text into words again as the plain highlighter did: smartcn's segmentation of
 * twenty bodies took most of a search's time.
 * <p>
 * Tags, the channel and the publisher's account name are embedded without following their changes
 * ({@link ReindexOnUpdate#SHALLOW}): a tag renamed, merged or deleted moves {@code article_tag} rows over JDBC, which
 * no entity listener sees, and announces the articles it touched, which {@link SearchIndexFollower} reindexes; an
 * account's name never changes.
 */
final class SearchMapping implements HibernateOrmSearchMappingConfigurer {

    static final String INDEX = "article";
    static final String TITLE = "title";
    static final String SUBTITLE = "subtitle";
    static final String SUMMARY = "summary";
    static final String BODY = "body";
    static final String AUTHOR = "author";
    static final String SOURCE = "source";
    static final String TAGS = "tags.name";
    static final String TITLE_PINYIN = "titlePinyin";
    static final String TAGS_PINYIN = "tags.namePinyin";
    static final String CHANNEL = "channel.id";
    static final String STATUS = "status";
    static final String PUBLISHED_AT = "publishedAt";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";
    static final String PUBLISHER = "publisher.username";

    @Override
    public void configure(HibernateOrmMappingConfigurationContext context) {
        ProgrammaticMappingConfigurationContext mapping = context.programmaticMapping();
        TypeMappingStep article = mapping.type(Article.class);
        article.indexed().index(INDEX);
        text(article, "title", TITLE);
        article.property("title").fullTextField(TITLE_PINYIN).analyzer(ChineseAnalysis.PINYIN)
                .valueBridge(new PinyinBridge());
        text(article, "subtitle", SUBTITLE);
        text(article, "summary", SUMMARY);
        article.property("body").fullTextField(BODY).analyzer(ChineseAnalysis.ANALYZER)
                .valueBridge(new HtmlTextBridge()).projectable(Projectable.YES)
                .highlightable(List.of(Highlightable.FAST_VECTOR));
        text(article, "author", AUTHOR);
        text(article, "sourceName", SOURCE);
        article.property("status").keywordField(STATUS);
        article.property("publishedAt").genericField(PUBLISHED_AT).sortable(Sortable.YES);
        article.property("createdAt").genericField(CREATED_AT);
        article.property("updatedAt").genericField(UPDATED_AT).sortable(Sortable.YES);
        article.property("publisher").indexedEmbedded().includePaths("username")
                .indexingDependency().reindexOnUpdate(ReindexOnUpdate.SHALLOW);
        article.property("channel").indexedEmbedded().includeEmbeddedObjectId(true)
                .indexingDependency().reindexOnUpdate(ReindexOnUpdate.SHALLOW);
        article.property("tags").indexedEmbedded().includePaths("name", "namePinyin")
                .indexingDependency().reindexOnUpdate(ReindexOnUpdate.SHALLOW);
        mapping.type(Tag.class).property("name").fullTextField("name").analyzer(ChineseAnalysis.ANALYZER)
                .fullTextField("namePinyin").analyzer(ChineseAnalysis.PINYIN).valueBridge(new PinyinBridge());
        mapping.type(Account.class).property("username").keywordField("username");
    }

    private static void text(TypeMappingStep type, String property, String field) {
        type.property(property).fullTextField(field).analyzer(ChineseAnalysis.ANALYZER)
                .projectable(Projectable.YES).highlightable(List.of(Highlightable.FAST_VECTOR));
    }
}
