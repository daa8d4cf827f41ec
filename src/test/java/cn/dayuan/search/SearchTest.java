package cn.dayuan.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import cn.dayuan.article.ArticleDetail;
import cn.dayuan.article.ArticleDraft;
import cn.dayuan.article.ArticleQuery;
import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleStatus;
import cn.dayuan.article.ArticleSummary;
import cn.dayuan.article.RightsType;
import cn.dayuan.channel.ChannelService;
import cn.dayuan.system.ContentChangedEvent;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.PageKeys;
import cn.dayuan.tag.TagService;

/**
 * Reader search over real HTTP, content made through the services: what is found and in what order, what is never
 * found, the filters, the pages and their highlighting.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dayuan.data-dir=" + SearchTest.DATA_DIR, "dayuan.admin-password=search-test-pw"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchTest {

    static final String DATA_DIR = "target/test-data/SearchTest";

    static {
        FileSystemUtils.deleteRecursively(Path.of(DATA_DIR).toFile());
    }

    @LocalServerPort
    int port;
    @Autowired
    ArticleService articles;
    @Autowired
    ChannelService channels;
    @Autowired
    TagService tags;
    @Autowired
    SearchService search;
    @Autowired
    SearchSynonyms synonyms;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SearchStartup startup;
    @Autowired
    jakarta.persistence.EntityManagerFactory entityManagerFactory;

    final HttpClient http = HttpClient.newHttpClient();
    long bodyOnly;
    long inTitle;
    long jinci;
    long localId;
    long localChannel;

    @BeforeAll
    void createContent() {
        channels.create("要闻", "yaowen", null, null, null);
        channels.create("本地", "bendi", null, null, null);
        channels.create("太原", "taiyuan", "bendi", null, null);
        localChannel = channels.tree().byPath("bendi").orElseThrow().id();
        bodyOnly = publish("城市建设新进展", "yaowen", "<p>今年全市新建<b>5G基站</b>三千座，地铁二号线开通。</p>",
                List.of(), "2024-03-01T09:00:00+08:00").id();
        inTitle = publish("5G基站建设提速", "yaowen", "<p>通信管理局发布通知。</p>", List.of("通信"),
                "2024-02-01T09:00:00+08:00").id();
        jinci = publish("晋祠博物馆迎来游客高峰", "bendi/taiyuan",
                "<p>2024年春节期间，晋祠接待游客十万人次。讲解员王建国介绍了圣母殿。</p>", List.of("文旅"),
                "2024-02-15T09:00:00+08:00").id();
        localId = publish("社区开设C++编程课堂", "bendi",
                "<p>青少年学习C++编程，老师说：<script>alert(1)</script>&lt;b&gt;不是标签&lt;/b&gt;。</p>",
                List.of("教育"), "2023-12-20T09:00:00+08:00").id();
    }

    /** An article by 记者 李明, who wrote only the four articles made before all tests. */
    ArticleDetail publish(String title, String channel, String body, List<String> tagNames, String at) {
        return publish(title, channel, body, tagNames, at, "记者 李明");
    }

    ArticleDetail publish(String title, String channel, String body, List<String> tagNames, String at, String author) {
        return articles.create(new ArticleDraft(title, null, null, body, channel, author, "山西日报", null, null,
                tagNames, RightsType.ORIGINAL, OffsetDateTime.parse(at).toInstant(), ArticleStatus.PUBLISHED, null,
                false, false, true), "admin");
    }

    List<Long> found(String q) {
        return search.search(SearchQuery.of(q)).hits().stream().map(hit -> hit.article().id()).toList();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void findsByWordsOfTitleAndBody() {
        assertThat(found("晋祠")).containsExactly(jinci);
        assertThat(found("游客")).containsExactly(jinci);
        assertThat(found("圣母殿")).containsExactly(jinci);
        assertThat(found("王建国")).containsExactly(jinci);
        assertThat(found("2024年")).contains(jinci);
        assertThat(found("C++编程")).containsExactly(localId);
        assertThat(found("地铁")).containsExactly(bodyOnly);
        assertThat(found("博物馆")).containsExactly(jinci);
        assertThat(found("文旅")).containsExactly(jinci);
        assertThat(found("李明")).hasSize(4);
    }

    @Test
    void titleHitsRankAboveBodyHits() {
        assertThat(found("5G基站")).containsExactly(inTitle, bodyOnly);
    }

    @Test
    void onlyPublishedArticlesWhoseTimeHasComeAreFound() throws Exception {
        long draft = articles.create(new ArticleDraft("草稿里的龙城新闻", null, null, "<p>龙城草稿</p>", "yaowen", null,
                null, null, null, List.of(), RightsType.ORIGINAL, null, ArticleStatus.DRAFT, null, false, false, true),
                "admin").id();
        long scheduled = articles.create(new ArticleDraft("定时发布的龙城新闻", null, null, "<p>龙城定时</p>", "yaowen",
                null, null, null, null, List.of(), RightsType.ORIGINAL, Instant.now().plusSeconds(3),
                ArticleStatus.PUBLISHED, null, false, false, true), "admin").id();
        long live = publish("龙城今日天气晴", "yaowen", "<p>龙城晴转多云。</p>", List.of(), "2024-04-01T09:00:00+08:00",
                "气象台").id();
        assertThat(found("龙城")).containsExactly(live);

        Thread.sleep(3_500);
        assertThat(found("龙城")).as("a scheduled article is found once its time has come")
                .containsExactlyInAnyOrder(live, scheduled);

        articles.unpublish(live, "admin");
        assertThat(found("龙城")).as("unpublished: gone at once").containsExactly(scheduled);
        articles.publish(live, "admin");
        assertThat(found("龙城")).containsExactlyInAnyOrder(live, scheduled);
        articles.delete(scheduled, "admin");
        assertThat(found("龙城")).as("in the recycle bin: gone at once").containsExactly(live);
        articles.purge(scheduled, "admin");
        articles.delete(live, "admin");
        articles.purge(live, "admin");
        assertThat(found("龙城")).isEmpty();
        assertThat(get("/search?q=" + q("龙城")).body()).contains("没有找到").doesNotContain("龙城今日天气晴");
        articles.publish(draft, "admin");
        assertThat(found("龙城")).containsExactly(draft);
        articles.delete(draft, "admin");
    }

    @Test
    void filtersByChannelWithItsSubChannelsAndByDate() {
        SearchQuery all = SearchQuery.of("李明");
        assertThat(ids(new SearchQuery("李明", localChannel, null, null, SearchSort.RELEVANCE, 1)))
                .containsExactlyInAnyOrder(jinci, localId);
        long taiyuan = channels.tree().byPath("bendi/taiyuan").orElseThrow().id();
        assertThat(ids(new SearchQuery("李明", taiyuan, null, null, SearchSort.RELEVANCE, 1))).containsExactly(jinci);
        assertThat(ids(new SearchQuery("李明", null, LocalDate.parse("2024-02-01"), LocalDate.parse("2024-02-15"),
                SearchSort.DATE, 1))).containsExactly(jinci, inTitle);
        assertThat(ids(new SearchQuery("李明", null, null, LocalDate.parse("2023-12-31"), SearchSort.DATE, 1)))
                .containsExactly(localId);
        assertThat(ids(new SearchQuery("李明", 999_999L, null, null, SearchSort.RELEVANCE, 1))).isEmpty();
        assertThat(ids(new SearchQuery(all.text(), null, null, null, SearchSort.DATE, 1)))
                .containsExactly(bodyOnly, jinci, inTitle, localId);
    }

    /** A reader typing without switching to Chinese: the pinyin of a title's or a tag's word, in full or by initials. */
    @Test
    void pinyinInFullOrByInitialsFindsTitleAndTagWords() {
        long titled = publish("太原古县城夜游开放", "bendi", "<p>夜游线路今晚开放。</p>", List.of(),
                "2021-05-01T09:00:00+08:00", "编辑部").id();
        long tagged = publish("汾河景区灯光秀上演", "bendi", "<p>灯光秀每晚两场。</p>", List.of("太原"),
                "2021-05-02T09:00:00+08:00", "编辑部").id();
        assertThat(found("taiyuan")).containsExactlyInAnyOrder(titled, tagged);
        assertThat(found("TaiYuan")).containsExactlyInAnyOrder(titled, tagged);
        assertThat(found("ty")).contains(titled, tagged);
        assertThat(found("taiyuan 灯光秀")).containsExactly(tagged);
        // Pinyin is not English: stemmed, fenhe would be looked up as fenh and beijing as beij.
        assertThat(found("fenhe")).containsExactly(tagged);
        long capital = publish("北京游客人数创新高", "bendi", "<p>节假日游客人数创新高。</p>", List.of(),
                "2021-05-03T09:00:00+08:00", "编辑部").id();
        assertThat(found("beijing")).containsExactly(capital);
        // A single character (古 of 古县城) has no pinyin in the index: "shi" would otherwise match half the site.
        assertThat(found("gu")).isEmpty();
    }

    /**
     * 医保 finds an article that only says 医疗保障 once the newsroom lists them as synonyms, in the reader search
     * over HTTP and in the newsroom's, with nothing reindexed; taken out again, it no longer does.
     */
    @Test
    void synonymsTheNewsroomListsApplyFromTheNextQueryWithoutReindexing() throws Exception {
        long insurance = publish("门诊报销比例提高", "yaowen", "<p>医疗保障局宣布，参保职工门诊报销比例提高。</p>",
                List.of(), "2021-04-01T09:00:00+08:00", "编辑部").id();
        long rail = publish("三号线全线开工", "bendi", "<p>轨道交通三号线今日全线开工。</p>", List.of(),
                "2021-04-02T09:00:00+08:00", "编辑部").id();
        assertThat(found("医保")).isEmpty();
        assertThat(get("/search?q=" + q("医保")).body()).contains("没有找到与“医保”相关的文章");

        synonyms.add("医保 = 医疗保障", "admin");
        synonyms.add("地铁，轨道交通、轻轨", "admin");
        try {
            assertThat(found("医保")).containsExactly(insurance);
            assertThat(found("医保 门诊")).containsExactly(insurance);
            assertThat(found("地铁")).containsExactlyInAnyOrder(bodyOnly, rail);
            assertThat(found("轨道交通")).containsExactlyInAnyOrder(bodyOnly, rail);
            assertThat(found("轻轨 开工")).containsExactly(rail);
            assertThat(get("/search?q=" + q("医保")).body()).contains("找到 <strong>1</strong> 篇与“医保”相关的文章",
                    "门诊报销比例提高", "<em>医疗保障</em>局宣布");
            long station = articles.create(new ArticleDraft("轻轨站点增设", null, "本次增设的站点位于轨道交通换乘区。",
                    "<p>新站点下月投用。</p>", "bendi", "记者 李明", "山西日报", null, null, List.of(),
                    RightsType.ORIGINAL, OffsetDateTime.parse("2021-04-03T09:00:00+08:00").toInstant(),
                    ArticleStatus.PUBLISHED, null, false, false, true), "admin").id();
            // The title is marked through the synonym, the summary (the body has none of the words) as it is.
            assertThat(get("/search?q=" + q("地铁")).body()).contains("<em>轻轨</em>站点增设",
                    "本次增设的站点位于<em>轨道交通</em>换乘区。");
            articles.delete(station, "admin");
            assertThat(articles.search(new ArticleQuery(null, null, "医保", null), 0, 20, "admin").getContent())
                    .extracting(ArticleSummary::id).containsExactly(insurance);

            assertThatThrownBy(() -> synonyms.add("医疗保障 = 医疗保险", "admin"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("search.synonym.taken");
            assertThatThrownBy(() -> synonyms.add("医疗保险 = 医疗保险", "admin"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("search.synonym.too-few");
            assertThat(synonyms.list()).extracting(SearchSynonyms.Group::text)
                    .containsExactly("医保 = 医疗保障", "地铁 = 轨道交通 = 轻轨");
        } finally {
            synonyms.list().forEach(group -> synonyms.remove(group.id(), "admin"));
        }
        assertThat(found("医保")).isEmpty();
        assertThat(found("地铁")).containsExactly(bodyOnly);
    }

    @Test
    void pagesOfTwentyWithLinksThatKeepTheQuery() throws Exception {
        for (int i = 1; i <= 23; i++) {
            publish("分页测试第" + i + "篇", "yaowen", "<p>翻页内容</p>", List.of(), "2022-01-%02dT09:00:00+08:00"
                    .formatted(i), "编辑部");
        }
        SearchResults first = search.search(new SearchQuery("翻页", null, null, null, SearchSort.DATE, 1));
        assertThat(first.total()).isEqualTo(23);
        assertThat(first.pages()).isEqualTo(2);
        assertThat(first.hits()).hasSize(20);
        assertThat(first.hits().get(0).article().title()).isEqualTo("分页测试第23篇");
        SearchResults second = search.search(new SearchQuery("翻页", null, null, null, SearchSort.DATE, 2));
        assertThat(second.hits()).hasSize(3);
        assertThat(second.hits().get(2).article().title()).isEqualTo("分页测试第1篇");

        HttpResponse<String> page = get("/search?q=" + q("翻页") + "&sort=date&page=2");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("共 23 篇 第 2/2 页").contains("测试第1篇").contains("<em>翻页</em>内容")
                .contains("href=\"/search?q=" + q("翻页") + "&amp;sort=date\"");
    }

    @Test
    void theResultsPageMarksMatchesAndCarriesNoMarkupOfTheArticle() throws Exception {
        HttpResponse<String> page = get("/search?q=" + q("编程"));
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("找到 <strong>1</strong> 篇").contains("<em>编程</em>")
                .contains("社区开设C++<em>编程</em>课堂")
                .doesNotContain("<script>alert(1)").doesNotContain("<b>不是标签")
                .contains("&lt;b&gt;不是标签");
        assertThat(page.headers().firstValue("X-Dayuan-Cache")).isEmpty();
        assertThat(get("/search?q=" + q("编程")).headers().firstValue("X-Dayuan-Cache")).isEmpty();
    }

    @Test
    void aPageWithoutResultsOffersTheNewestArticles() throws Exception {
        String body = get("/search?q=" + q("不存在的词语组合火星")).body();
        assertThat(body).contains("没有找到与“不存在的词语组合火星”相关的文章").contains("最新文章");
        assertThat(get("/search").body()).contains("请输入要查找的词语").contains("最新文章");
        assertThat(get("/").body()).contains("action=\"/search\"");
        assertThat(body).doesNotContain("您要找的是不是");
    }

    @Test
    void aHomophoneThatFindsNothingOffersTheTitleThatSoundsLikeIt() throws Exception {
        // 晋词 is what a pinyin keyboard gives for jinci when the reader picks the wrong character.
        assertThat(found("晋词")).isEmpty();
        assertThat(found("jinci")).as("smartcn cuts 晋祠 into characters; their run is read as one word")
                .containsExactly(jinci);
        SearchResults results = search.search(SearchQuery.of("晋词"));
        assertThat(results.nearTitles()).extracting(ArticleSummary::id).containsExactly(jinci);
        assertThat(search.search(SearchQuery.of("晋词博物馆")).nearTitles()).extracting(ArticleSummary::id)
                .containsExactly(jinci);
        String body = get("/search?q=" + q("晋词")).body();
        assertThat(body).contains("没有找到与“晋词”相关的文章").contains("您要找的是不是")
                .contains("href=\"/bendi/taiyuan/" + jinci + ".html\">晋祠博物馆迎来游客高峰</a>");
        assertThat(search.search(SearchQuery.of("晋祠")).nearTitles()).as("only when nothing matched").isEmpty();
        assertThat(search.search(SearchQuery.of("火星移民")).nearTitles()).isEmpty();
    }

    @Test
    void changesTheEntityListenerCannotSeeAreFollowedThroughTheirEvents() throws InterruptedException {
        long id = publish("体育新闻", "yaowen", "<p>足球比赛。</p>", List.of("足球"), "2024-05-01T09:00:00+08:00", "体育部")
                .id();
        long tag = tags.findByName("足球").orElseThrow().getId();
        tags.rename(tag, "蹴鞠");
        assertThat(eventually(() -> found("蹴鞠"), List.of(id))).as("a tag renamed over JDBC").containsExactly(id);

        // What another node of a cluster committed: this node's entity listener never saw it.
        jdbc.update("UPDATE article SET title = ? WHERE id = ?", "篮球比赛", id);
        assertThat(found("篮球")).isEmpty();
        events.publishEvent(new ContentChangedEvent(Set.of(PageKeys.article(id)), true));
        assertThat(eventually(() -> found("篮球"), List.of(id))).containsExactly(id);
        jdbc.update("UPDATE article SET status = 'UNPUBLISHED' WHERE id = ?", id);
        events.publishEvent(new ContentChangedEvent(Set.of(PageKeys.article(id)), true));
        assertThat(eventually(() -> found("篮球"), List.of())).isEmpty();
    }

    /** Another node's change is reindexed on a worker of its own: what {@code search} finds once it got there. */
    private static <T> T eventually(java.util.function.Supplier<T> search, T expected) throws InterruptedException {
        T found = search.get();
        for (int i = 0; i < 100 && !expected.equals(found); i++) {
            Thread.sleep(50);
            found = search.get();
        }
        return found;
    }

    private List<Long> ids(SearchQuery query) {
        return search.search(query).hits().stream().map(hit -> hit.article().id()).toList();
    }

    @Test
    void anIndexThatLostArticlesIsRebuiltFromTheDatabaseAtStart() throws Exception {
        assertThat(found("晋祠")).containsExactly(jinci);
        org.hibernate.search.mapper.orm.Search.mapping(entityManagerFactory)
                .scope(cn.dayuan.article.Article.class).workspace().purge();
        assertThat(found("晋祠")).isEmpty();
        startup.checkIndex();
        assertThat(found("晋祠")).as("rebuilt: the index held fewer articles than the database").containsExactly(jinci);
        assertThat(Path.of(DATA_DIR, "search-index", "mapping-version")).hasContent(SearchIndexBuilds.MAPPING_VERSION);
    }

    @Test
    void aChangeTheIndexMissedRightBeforeACrashIsIndexedAtTheNextStart() {
        // What a crash between a save and the index's next commit to disk leaves: the database has the change, the
        // index has the old text. The article keeps its place in the database, so the counts agree.
        long id = publish("崩溃之前的标题", "yaowen", "<p>正文。</p>", List.of(), "2024-01-05T09:00:00+08:00",
                "记者 赵强").id();
        jdbc.update("update article set title = ?, updated_at = ? where id = ?", "崩溃之前改过的标题",
                java.sql.Timestamp.from(java.time.Instant.now()), id);
        assertThat(found("崩溃之前改过的标题")).isEmpty();
        startup.checkIndex();
        assertThat(found("崩溃之前改过的标题")).as("indexed again: changed since shortly before the last commit")
                .containsExactly(id);
    }
}
