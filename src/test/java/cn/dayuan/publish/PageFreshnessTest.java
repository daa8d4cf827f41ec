package cn.dayuan.publish;

import static cn.dayuan.publish.TestHttp.cacheStatus;
import static cn.dayuan.publish.TestHttp.header;
import static cn.dayuan.publish.TestHttp.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

import cn.dayuan.account.Account;
import cn.dayuan.account.AccountService;
import cn.dayuan.article.ArticleDetail;
import cn.dayuan.article.ArticleDraft;
import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleSummary;
import cn.dayuan.article.ArticleStatus;
import cn.dayuan.article.RightsType;
import cn.dayuan.article.ViewCounter;
import cn.dayuan.channel.Channel;
import cn.dayuan.channel.ChannelService;
import cn.dayuan.channel.ChannelView;
import cn.dayuan.curation.TopicService;
import cn.dayuan.directory.DirectoryService;
import cn.dayuan.portal.MostReadList;
import cn.dayuan.portal.PageFrame;
import cn.dayuan.portal.Pagination;
import cn.dayuan.site.SiteService;
import cn.dayuan.site.SiteSettings;
import cn.dayuan.tag.Tag;
import cn.dayuan.tag.TagService;

/**
 * No public page ever shows stale content after a change, and pages the change does not touch stay cached: the
 * real portal's pages, over real HTTP, on a small site of two channels with a sub-channel each.
 *
 * <p>Before each change every page of the site is warmed. After it, every page is fetched twice: with a query
 * string, which the page cache passes through, so the body is what a fresh render gives; and as readers ask for
 * it. The two must match, and a page whose fresh render differs from the copy taken before the change must have
 * been evicted (a MISS). Pages the change does not touch are named and must still be HITs. Numbers that the page's
 * script fills in (views, likes) and the "阅读排行" list, which follows views and may be a few minutes behind, are
 * left out of the comparison, except in the test that refreshes that list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dayuan.data-dir=" + PageFreshnessTest.DATA_DIR, "dayuan.admin-password=page-freshness-test-pw",
        "dayuan.most-read-refresh=1h", "dayuan.view-repeat-interval=0s"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PageFreshnessTest {

    static final String DATA_DIR = "target/test-data/PageFreshnessTest";
    private static final String EDITOR = "admin";
    private static final Pattern VIEWS = Pattern.compile("<span data-views>\\d+</span>");
    private static final Pattern LIKES = Pattern.compile("<span data-likes>\\d+</span>");
    private static final Pattern MOST_READ = Pattern.compile("<h2 class=\"box-title\">阅读排行</h2>.*?</section>",
            Pattern.DOTALL);
    private static final String[] TITLES_A = {
            "市政府召开常务会议研究部署城市更新工作", "全市营商环境优化提升大会召开", "我市出台支持民营经济发展二十条措施",
            "市人大常委会开展食品安全法执法检查", "政务服务“一网通办”事项突破三千项", "市政协召开专题协商会聚焦老旧小区改造",
            "全市安全生产工作会议部署汛期隐患排查", "我市获评全国文明城市提名城市", "市委理论学习中心组举行集体学习",
            "重点项目集中开工总投资逾百亿元", "全市乡村振兴工作推进会召开", "东城区启动背街小巷环境整治",
            "西城区新建口袋公园十二处", "南区街道推行“网格员+志愿者”服务模式", "北区完成二十个老旧小区加装电梯",
            "高新区新增专精特新企业三十家", "东城区社区卫生服务中心全部完成标准化建设", "西城区开展夜间经济示范街区创建",
            "南区农贸市场改造提升工程完工", "北区举办首届社区运动会", "高新区人才公寓首批房源配租",
            "东城区推行垃圾分类积分兑换", "西城区为独居老人安装智能烟感"};
    private static final String[] TITLES_B = {
            "市区新增公交线路五条方便群众出行", "全市医保参保缴费期延长至月底", "冬季供暖设施检修全面启动",
            "市民服务热线上半年办结诉求逾十万件", "全市中小学秋季学期课后服务全覆盖", "市第一中学新校区正式投入使用",
            "我市高考报名工作顺利结束", "幼儿园学位供给增加四千个"};

    static {
        // The site is built from nothing, before the application starts: every page the test knows of is every
        // page there is.
        try {
            FileSystemUtils.deleteRecursively(Path.of(DATA_DIR));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
    SiteService site;
    @Autowired
    DirectoryService directory;
    @Autowired
    AccountService accounts;
    @Autowired
    ViewCounter viewCounter;
    @Autowired
    MostReadList mostRead;
    @Autowired
    StaticExporter exporter;
    @Autowired
    PageCache pageCache;
    @Autowired
    TopicService topics;

    TestHttp http;
    Channel shizheng;
    Channel quxian;
    Channel minsheng;
    Channel jiaoyu;
    final List<ArticleDetail> familyA = new ArrayList<>();
    final List<ArticleDetail> familyB = new ArrayList<>();
    long navigationCategory;
    /** Every page as it was served after the last warm-up. */
    Map<String, Fetched> before;
    String testName;

    @BeforeAll
    void buildSite() {
        http = new TestHttp(port);
        shizheng = channels.create("时政", "shizheng", null, "本地时政要闻", null);
        quxian = channels.create("区县", "quxian", "shizheng", null, null);
        minsheng = channels.create("民生", "minsheng", null, "民生服务资讯", null);
        jiaoyu = channels.create("教育", "jiaoyu", "minsheng", null, null);
        Instant start = Instant.now().minus(Duration.ofDays(3));
        String[] specificA = {"城市更新", "营商环境", "乡村振兴"};
        for (int i = 0; i < TITLES_A.length; i++) {
            Channel channel = i < 11 ? shizheng : quxian;
            List<String> tagNames = new ArrayList<>(List.of("政务", specificA[i % 3]));
            if (i == 4) {
                tagNames.add("交通");
            }
            familyA.add(publish(channel, TITLES_A[i], start.plus(Duration.ofHours(2L * i)), tagNames));
        }
        String[] specificB = {"医疗", "教育"};
        for (int i = 0; i < TITLES_B.length; i++) {
            Channel channel = i < 4 ? minsheng : jiaoyu;
            List<String> tagNames = new ArrayList<>(List.of("民生", specificB[i % 2]));
            if (i == 0) {
                tagNames.add("交通");
            }
            familyB.add(publish(channel, TITLES_B[i], start.plus(Duration.ofHours(2L * i + 1)), tagNames));
        }
        navigationCategory = directory.createCategory("政务服务", "本地政务服务平台", null).id();
        directory.createLink(navigationCategory, "市政务服务网", "https://zwfw.example.gov.cn/", "网上办事大厅", null);
    }

    @BeforeEach
    void nameTheTest(TestInfo test) {
        testName = test.getTestMethod().map(java.lang.reflect.Method::getName).orElse(test.getDisplayName());
    }

    @BeforeEach
    void warmEveryPage() {
        before = new LinkedHashMap<>();
        for (String path : sitePages()) {
            HttpResponse<byte[]> first = http.get(path);
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            HttpResponse<byte[]> second = http.get(path);
            assertThat(cacheStatus(second)).as("%s is served from the cache once warm", path).isEqualTo("HIT");
            before.put(path, Fetched.of(second));
        }
    }

    @Test
    @Order(1)
    void theWarmSiteHasEveryKindOfPage() {
        assertThat(before).containsKeys("/", "/shizheng/", "/shizheng/index_2.html", "/shizheng/quxian/",
                "/minsheng/", "/minsheng/jiaoyu/", "/feed.xml", "/shizheng/feed.xml", "/minsheng/jiaoyu/feed.xml",
                "/sitemap.xml", "/nav/", "/about.html", tagPage("政务"), tagPage("政务") + "index_2.html",
                tagPage("交通"), familyA.get(0).url(), familyB.get(7).url());
        // The comparison this test relies on: an untouched page's fresh render is its cached copy.
        Changes changes = verify();
        assertThat(changes.changed).isEmpty();
        assertThat(changes.kept).containsExactlyInAnyOrderElementsOf(before.keySet());
    }

    @Test
    @Order(2)
    void publishingInASubChannelShowsTheArticleEverywhereItIsListed() {
        ArticleDetail added = publish(quxian, "东城区老旧管网改造工程全面完工", Instant.now(), List.of("政务", "城市更新"));
        familyA.add(added);

        Changes changes = verify();
        for (String page : List.of("/", "/shizheng/", "/shizheng/quxian/", "/feed.xml", "/shizheng/feed.xml",
                "/shizheng/quxian/feed.xml", "/atom.xml", "/shizheng/atom.xml", "/shizheng/quxian/atom.xml",
                tagPage("政务"), tagPage("城市更新"), familyA.get(0).url())) {
            assertThat(changes.changed).as("%s lists the new article", page).contains(page);
            assertThat(served(page)).as(page).contains("东城区老旧管网改造工程全面完工");
        }
        assertThat(changes.changed).as("the oldest articles move to page 2; a new address")
                .contains("/shizheng/index_2.html", "/sitemap.xml");
        assertThat(served("/sitemap.xml")).contains(added.url());
        assertThat(changes.kept).as("pages that do not list it").containsAll(pagesOfFamilyB())
                .contains("/nav/", "/about.html", "/copyright.html", "/robots.txt", tagPage("医疗"));
    }

    @Test
    @Order(3)
    void aNewTitleReplacesTheOldOneOnEveryPage() {
        ArticleDetail article = familyA.get(4);
        String oldTitle = article.title();
        ArticleDetail edited = edit(article, "网上可办政务服务事项突破三千五百项", article.channelPath(), article.tagNames());
        familyA.set(4, edited);

        Changes changes = verify();
        assertThat(changes.changed).contains(edited.url(), "/shizheng/", tagPage("营商环境"), tagPage("交通"),
                tagPage("政务"), "/feed.xml", "/shizheng/feed.xml", "/atom.xml", "/shizheng/atom.xml");
        assertThat(changes.changed).as("the related list of an article under 民生 sharing the tag 交通")
                .contains(familyB.get(0).url());
        for (String page : sitePages()) {
            assertThat(served(page)).as(page).doesNotContain(oldTitle);
        }
        assertThat(served(familyB.get(0).url())).contains("网上可办政务服务事项突破三千五百项");
        assertThat(changes.kept).containsAll(pagesOfFamilyB()).contains("/nav/", "/about.html", "/robots.txt");
        assertThat(changes.kept).as("a title changes no list's order: list pages that do not show it stay")
                .contains("/shizheng/index_2.html", tagPage("政务") + "index_2.html");
    }

    @Test
    @Order(4)
    void anArticleMovedToAnotherChannelLeavesTheOldOneAndJoinsTheNew() {
        ArticleDetail article = familyA.get(12);
        String oldUrl = article.url();
        ArticleDetail moved = edit(article, article.title(), "minsheng/jiaoyu", article.tagNames());
        familyA.set(12, moved);

        Changes changes = verify();
        assertThat(http.get(oldUrl).statusCode()).isEqualTo(301);
        assertThat(changes.changed).contains(oldUrl, "/shizheng/", "/shizheng/quxian/", "/minsheng/",
                "/minsheng/jiaoyu/", "/minsheng/feed.xml", "/minsheng/jiaoyu/feed.xml", "/", "/sitemap.xml");
        assertThat(served("/shizheng/quxian/")).doesNotContain(article.title());
        assertThat(served("/minsheng/jiaoyu/")).contains(article.title());
        assertThat(changes.kept).containsAll(articlePagesOfFamilyB())
                .contains("/nav/", "/about.html", tagPage("医疗"), tagPage("教育"));
    }

    @Test
    @Order(5)
    void changedTagsMoveTheArticleBetweenTagPagesAndRelatedLists() {
        ArticleDetail article = familyA.get(6);
        ArticleDetail retagged = edit(article, article.title(), article.channelPath(), List.of("政务", "交通"));
        familyA.set(6, retagged);

        Changes changes = verify();
        assertThat(changes.changed).contains(tagPage("交通"), tagPage("城市更新"), retagged.url(),
                familyB.get(0).url());
        assertThat(served(familyB.get(0).url())).as("its related list").contains(article.title());
        assertThat(served(tagPage("城市更新"))).doesNotContain(article.title());
        assertThat(changes.kept).contains("/minsheng/", "/minsheng/jiaoyu/", "/minsheng/feed.xml", "/nav/",
                "/about.html", tagPage("医疗"), familyB.get(1).url(), familyB.get(7).url());
    }

    @Test
    @Order(6)
    void anUnpublishedArticleIsGoneFromEveryPage() {
        ArticleDetail article = familyB.get(2);
        articles.unpublish(article.id(), EDITOR);

        Changes changes = verify();
        assertThat(http.get(article.url()).statusCode()).isEqualTo(404);
        assertThat(changes.changed).contains(article.url(), "/", "/minsheng/", "/minsheng/feed.xml", "/feed.xml",
                "/sitemap.xml", tagPage("民生"), tagPage("医疗"));
        for (String page : sitePages()) {
            assertThat(served(page)).as(page).doesNotContain(article.title());
        }
        assertThat(changes.kept).containsAll(articlePagesOfFamilyA(List.of("交通")))
                .contains("/shizheng/", "/shizheng/index_2.html", "/shizheng/quxian/", "/shizheng/feed.xml",
                        tagPage("政务"), tagPage("营商环境"), "/nav/");
    }

    @Test
    @Order(7)
    void aDeletedArticleIsGoneFromEveryPage() {
        ArticleDetail article = familyA.remove(9);
        articles.delete(article.id(), EDITOR);

        Changes changes = verify();
        assertThat(http.get(article.url()).statusCode()).as("in the recycle bin: gone").isEqualTo(410);
        assertThat(changes.changed).contains(article.url(), "/shizheng/", "/shizheng/index_2.html",
                "/shizheng/feed.xml", "/feed.xml", "/sitemap.xml", tagPage("政务"), tagPage("城市更新"));
        for (String page : sitePages()) {
            assertThat(served(page)).as(page).doesNotContain(article.title());
        }
        assertThat(changes.kept).containsAll(articlePagesOfFamilyB())
                .contains("/minsheng/", "/minsheng/jiaoyu/", "/minsheng/jiaoyu/feed.xml", tagPage("医疗"), "/nav/");
    }

    @Test
    @Order(8)
    void aScheduledArticleAppearsWhenItsTimeComes() throws InterruptedException {
        Instant at = Instant.now().plusSeconds(8);
        ArticleDetail scheduled = publish(jiaoyu, "全市教师资格认定工作即将启动", at, List.of("民生", "教育"));
        familyB.add(scheduled);
        assertThat(verify().changed).as("nothing shows before its time").isEmpty();
        warmEveryPage();
        assertThat(Instant.now()).as("the pages were warmed before the article's time").isBefore(at);

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), at).toMillis()) + 2500);
        Changes changes = verify();
        assertThat(http.get(scheduled.url()).statusCode()).isEqualTo(200);
        assertThat(changes.changed).contains("/", "/minsheng/", "/minsheng/jiaoyu/",
                "/minsheng/jiaoyu/feed.xml", "/feed.xml", "/sitemap.xml", tagPage("教育"));
        assertThat(served("/minsheng/jiaoyu/")).contains("全市教师资格认定工作即将启动");
        assertThat(changes.kept).containsAll(articlePagesOfFamilyA(List.of()))
                .contains("/shizheng/", "/shizheng/quxian/", "/shizheng/feed.xml", tagPage("政务"), "/nav/");
    }

    @Test
    @Order(9)
    void aRenamedChannelIsRenamedOnEveryPage() {
        channels.update(jiaoyu.getId(), "教育动态", "jiaoyu", minsheng.getId(), null, null);

        Changes changes = verify();
        assertThat(changes.changed).as("menus, breadcrumbs and the site feed's categories")
                .contains("/", "/shizheng/", familyA.get(0).url(), "/minsheng/jiaoyu/", "/feed.xml",
                        "/minsheng/jiaoyu/feed.xml");
        assertThat(served("/feed.xml")).contains("<category>教育动态</category>");
        assertThat(changes.kept).contains("/robots.txt");
    }

    @Test
    @Order(10)
    void aChannelWithANewAddressMovesItsArticlesThere() {
        channels.update(jiaoyu.getId(), "教育动态", "jiaoyudongtai", minsheng.getId(), null, null);

        Changes changes = verify();
        assertThat(before.keySet()).filteredOn(p -> p.startsWith("/minsheng/jiaoyu/")).contains("/minsheng/jiaoyu/")
                .allSatisfy(old -> {
                    HttpResponse<byte[]> moved = http.get(old);
                    assertThat(moved.statusCode()).as(old).isEqualTo(301);
                    assertThat(moved.headers().firstValue("Location").orElseThrow()).as(old)
                            .endsWith(old.replace("/minsheng/jiaoyu/", "/minsheng/jiaoyudongtai/"));
                });
        assertThat(changes.changed).contains("/", "/feed.xml", "/sitemap.xml", "/minsheng/feed.xml");
        assertThat(served("/feed.xml")).contains("/minsheng/jiaoyudongtai/").doesNotContain("/minsheng/jiaoyu/");
        assertThat(changes.kept).contains("/robots.txt");
    }

    @Test
    @Order(11)
    void aChangedSettingShowsOnEveryPage() {
        SiteSettings s = site.settings();
        site.update(new SiteSettings("城东网", s.fullName(), s.siteUrl(), s.description(), s.keywords(),
                s.aboutTitle(), s.aboutText(), s.copyright(), s.icpNumber(), s.disclaimer(), s.disclaimerEn(),
                s.webmasterEmail(), s.rightsOriginal(), s.rightsAuthorized(), s.rightsReprint(), s.opinionNotice(),
                s.newsLicence(), "晋公网安备 14010502000999号", s.reportPhone(), s.reportEmail(), s.reportCentreName(),
                s.reportCentreUrl(), s.disclaimerLabel(), s.disclaimerEnLabel(), s.aboutServices()));

        Changes changes = verify();
        assertThat(changes.changed).contains("/", "/about.html", "/nav/", "/shizheng/", familyA.get(0).url(),
                tagPage("政务"), "/shizheng/feed.xml");
        assertThat(served("/about.html")).contains("关于城东网");
        assertThat(served(familyA.get(0).url())).as("a footer field follows on a cached article page")
                .contains("晋公网安备 14010502000999号");
    }

    @Test
    @Order(12)
    void aNewNavigationLinkShowsOnEveryPageWithTheNavigation() {
        directory.createLink(navigationCategory, "社保查询平台", "https://si.example.gov.cn/", "社保缴费与待遇查询", null);

        Changes changes = verify();
        for (String page : changes.changed) {
            assertThat(served(page)).as(page).contains("社保查询平台");
        }
        assertThat(changes.changed).contains("/", "/nav/", "/about.html", "/shizheng/", familyB.get(0).url());
        assertThat(changes.kept).as("feeds and the sitemap do not show the navigation")
                .contains("/feed.xml", "/sitemap.xml", "/robots.txt", "/shizheng/feed.xml");
    }

    @Test
    @Order(13)
    void aNewPublisherNameShowsOnThatPublishersArticles() {
        Account admin = accounts.findByUsername(EDITOR).orElseThrow();
        accounts.update(admin.getId(), "城东网编辑部", admin.getEmail(), admin.getRole(), true);

        Changes changes = verify();
        assertThat(changes.changed).contains(familyA.get(0).url(), familyB.get(0).url());
        assertThat(served(familyA.get(0).url())).contains("城东网编辑部");
        assertThat(changes.kept).as("lists do not name the publisher")
                .contains("/", "/shizheng/", "/minsheng/", tagPage("政务"), "/feed.xml", "/nav/");
    }

    @Test
    @Order(14)
    void viewsAndLikesEvictNothing() {
        for (ArticleDetail article : List.of(familyA.get(0), familyA.get(3), familyB.get(1))) {
            for (int i = 0; i < 4; i++) {
                assertThat(http.post("/counter/" + article.id() + "/view").statusCode()).isEqualTo(200);
            }
            assertThat(http.post("/counter/" + article.id() + "/like", "Accept", "application/json").statusCode())
                    .isEqualTo(200);
        }
        viewCounter.flush();

        Changes changes = verify();
        assertThat(changes.changed).isEmpty();
        assertThat(changes.kept).containsExactlyInAnyOrderElementsOf(before.keySet());
        assertThat(databaseMostRead()).as("the ranking did change").isNotEqualTo(cachedMostRead("/"));
    }

    @Test
    @Order(15)
    void theMostReadListCatchesUpWhenItIsRefreshed() {
        assertThat(cachedMostRead("/nav/")).isNotEqualTo(databaseMostRead());

        mostRead.refresh();

        Changes changes = verify(true);
        assertThat(changes.changed).contains("/", "/nav/", "/about.html", familyA.get(0).url(), "/shizheng/");
        assertThat(changes.kept).as("no ranking there").contains("/feed.xml", "/sitemap.xml", "/shizheng/feed.xml");
        assertThat(cachedMostRead("/nav/")).isEqualTo(databaseMostRead()).isEqualTo(freshMostRead());

        warmEveryPage();
        mostRead.refresh();
        assertThat(verify(true).changed).as("an unchanged ranking evicts nothing").isEmpty();
        assertThat(cacheStatus(http.get("/nav/"))).isEqualTo("HIT");
    }

    @Test
    @Order(16)
    void anExportRewritesOnlyTheFilesOfPagesThatChanged(@TempDir Path temp) throws IOException {
        Path dir = temp.resolve("site");
        String address = cn.dayuan.site.SiteAddress.set(site, "http://127.0.0.1:" + port);
        TopicService.TopicView topic = topics.create(new TopicService.TopicDraft("minqi", "支持民营经济发展", null,
                "二十条措施", true, List.of(new TopicService.Section("政策", null,
                        List.of(familyA.get(0).id(), familyA.get(1).id())))), EDITOR);
        try {
            exportRewritesOnlyTheFilesOfPagesThatChanged(dir, topic.url());
        } finally {
            topics.delete(topic.id(), EDITOR);
            cn.dayuan.site.SiteAddress.set(site, address);
        }
    }

    private void exportRewritesOnlyTheFilesOfPagesThatChanged(Path dir, String topicPage) throws IOException {
        exporter.export(dir, null);
        for (String page : before.keySet()) {
            assertThat(dir.resolve(file(page))).as(page).isRegularFile();
        }
        // Every kind of page is built without HTTP, and each is the live page.
        assertThat(before.keySet()).contains("/shizheng/", "/shizheng/index_2.html", "/shizheng/quxian/",
                familyA.get(0).url(), familyA.get(1).url(), "/", "/feed.xml", tagPage("政务"));
        for (String page : before.keySet()) {
            assertThat(Files.readString(dir.resolve(file(page)))).as("%s exported as the live site serves it", page)
                    .isEqualTo(new String(http.get(page).body(), StandardCharsets.UTF_8));
        }
        for (String page : List.of("/copyright.html", "/zt/", topicPage, "/assets/portal.css", "/assets/portal.js",
                "/assets/vendor/quill/quill.snow.css")) {
            HttpResponse<byte[]> live = http.get(page);
            assertThat(live.statusCode()).as(page).isEqualTo(200);
            assertThat(Files.readAllBytes(dir.resolve(file(page)))).as("%s exported as the live site serves it", page)
                    .isEqualTo(live.body());
        }
        HttpResponse<byte[]> nowhere = http.get("/no-such-page/", "Accept", "text/html");
        assertThat(nowhere.statusCode()).isEqualTo(404);
        assertThat(Files.readString(dir.resolve(StaticExporter.NOT_FOUND_FILE)))
                .as("the 404 page, built without a request")
                .isEqualTo(new String(nowhere.body(), StandardCharsets.UTF_8));
        ArticleDetail article = familyA.get(2);
        ArticleDetail withdrawn = articles.findPublic(familyB.get(5).id()).orElseThrow();
        Map<String, byte[]> contentBefore = contents(dir);
        Map<String, Object> filesBefore = identities(dir);

        ArticleDetail edited = edit(article, "我市出台支持民营经济发展二十条措施 明确五方面重点任务", article.channelPath(),
                article.tagNames());
        articles.unpublish(withdrawn.id(), EDITOR);
        // Emptied so that what the second export asks for shows: every page it requests is rendered and cached.
        pageCache.clear();
        ExportResult second = exporter.export(dir, null);

        Map<String, byte[]> contentAfter = contents(dir);
        Map<String, Object> filesAfter = identities(dir);
        Set<String> rewritten = new TreeSet<>();
        filesAfter.forEach((name, identity) -> {
            if (!identity.equals(filesBefore.get(name))) {
                rewritten.add(name);
            }
        });
        Set<String> differing = new TreeSet<>();
        contentAfter.forEach((name, bytes) -> {
            if (!Arrays.equals(bytes, contentBefore.get(name))) {
                differing.add(name);
            }
        });
        assertThat(rewritten).as("exactly the files whose bytes changed are rewritten").isEqualTo(differing)
                .hasSize(second.written())
                .contains(file(edited.url()), file("/shizheng/"), file("/shizheng/feed.xml"), file("/"),
                        file("/feed.xml"), file("/sitemap.xml"), file(tagPage("乡村振兴")), file("/minsheng/"),
                        file(tagPage("民生")))
                .doesNotContain(file("/nav/"), file("/about.html"), file("/robots.txt"),
                        file(familyA.get(0).url()), file("/shizheng/quxian/"));
        assertThat(Files.readString(dir.resolve(file(edited.url())))).contains("明确五方面重点任务");
        assertThat(second.deleted()).as("the article's file, and its redirect from the channel's old address")
                .isEqualTo(2);
        String withdrawnRedirect = file(withdrawn.url().replace("/jiaoyudongtai/", "/jiaoyu/"));
        assertThat(contentBefore).containsKey(withdrawnRedirect);
        assertThat(dir.resolve(withdrawnRedirect)).doesNotExist();
        String exportedFrom = "http://127.0.0.1:" + port;
        assertThat(pageCache.get(exportedFrom + edited.url()))
                .as("built without a request: the export leaves the readers' page cache alone").isNull();
        assertThat(List.of("/nav/", "/about.html"))
                .as("not asked for: no change touched them, so the export knew they were unchanged")
                .allSatisfy(page -> assertThat(pageCache.get(exportedFrom + page)).as(page).isNull());
        assertThat(second.rendered()).as("only the pages that show what changed are built again")
                .isGreaterThanOrEqualTo(second.written()).isLessThan(contentBefore.size() / 2);
        assertThat(pageCache.size()).isLessThan(contentBefore.size() / 2);
        assertThat(dir.resolve(file(withdrawn.url()))).as("the unpublished article's file").doesNotExist();
        assertThat(contentAfter.keySet()).containsAll(contentBefore.keySet().stream()
                .filter(name -> !name.equals(file(withdrawn.url())) && !name.equals(withdrawnRedirect)).toList());
    }

    // ---- the check -----------------------------------------------------------------------------------------

    /** What one change did to the pages warmed before it. */
    record Changes(Set<String> changed, Set<String> kept, Set<String> renderedAgain) {
    }

    @Test
    @Order(17)
    void aRenamedTagIsRenamedOnEveryPageAndItsOldPagesLeadThere() {
        long tagId = tags.findByName("营商环境").orElseThrow().getId();
        List<String> carrying = articlesWithTag("营商环境");
        tags.rename(tagId, "优化营商环境");

        Changes changes = verify();
        assertThat(changes.changed).containsAll(carrying).contains(tagPage("营商环境"));
        assertThat(http.get(tagPage("营商环境")).headers().firstValue("Location").orElseThrow())
                .endsWith(tagPage("优化营商环境"));
        assertThat(served(carrying.get(0))).contains("优化营商环境");
        // Every page listing one of its articles goes, as for a corrected title: the tag's name may show there.
        assertThat(changes.kept).contains("/robots.txt", "/minsheng/feed.xml");
    }

    @Test
    @Order(18)
    void aMergedTagsArticlesJoinTheOtherTagsPages() {
        List<String> carrying = articlesWithTag("交通");
        assertThat(carrying).isNotEmpty();
        ArticleDetail moved = familyA.get(4);
        assertThat(served(tagPage("医疗"))).doesNotContain(moved.title());
        tags.merge(tags.findByName("交通").orElseThrow().getId(), tags.findByName("医疗").orElseThrow().getId());

        Changes changes = verify();
        assertThat(served(tagPage("医疗"))).as("the listing behind the page was read again").contains(moved.title());
        assertThat(changes.changed).containsAll(carrying).contains(tagPage("交通"), tagPage("医疗"));
        assertThat(http.get(tagPage("交通")).statusCode()).isEqualTo(301);
        assertThat(changes.kept).contains("/nav/", "/about.html", tagPage("城市更新"), tagPage("教育"));
    }

    private List<String> articlesWithTag(String name) {
        return articles.publicUrls().stream().filter(url -> served(url).contains(">" + name + "</a>")).toList();
    }

    private Changes verify() {
        return verify(false);
    }

    /**
     * Fetches every page warmed before the change and every page the site has now, fresh and as served, and
     * asserts that what is served is what a fresh render gives, and that a page whose content changed is no
     * longer the cached copy.
     */
    private Changes verify(boolean compareMostRead) {
        Set<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(sitePages());
        Changes changes = new Changes(new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
        for (String path : paths) {
            Fetched fresh = Fetched.of(http.get(path + "?fresh"));
            assertThat(fresh.cacheStatus).as("a query string bypasses the cache").isNull();
            Fetched served = Fetched.of(http.get(path));
            assertThat(served.status).as("status of %s", path).isEqualTo(fresh.status);
            assertThat(served.location).as("redirect of %s", path).isEqualTo(fresh.location);
            assertThat(served.comparable(compareMostRead)).as("%s shows what a fresh render shows", path)
                    .isEqualTo(fresh.comparable(compareMostRead));
            Fetched old = before.get(path);
            if (old == null) {
                continue;
            }
            if (old.status != fresh.status || !old.comparable(compareMostRead).equals(fresh.comparable(compareMostRead))) {
                assertThat(served.cacheStatus).as("%s changed, so it must have been evicted", path).isNotEqualTo("HIT");
                changes.changed.add(path);
            } else if ("HIT".equals(served.cacheStatus)) {
                changes.kept.add(path);
            } else {
                changes.renderedAgain.add(path);
            }
        }
        // Pages rendered again although they did not change cost a render, not correctness; listed for the report.
        System.out.printf("%s: %d changed, %d still cached, %d rendered again unchanged %s%n",
                testName, changes.changed.size(),
                changes.kept.size(), changes.renderedAgain.size(), changes.renderedAgain);
        return changes;
    }

    /** A response reduced to what the comparison needs. */
    record Fetched(int status, String cacheStatus, String location, String body) {

        static Fetched of(HttpResponse<byte[]> response) {
            return new Fetched(response.statusCode(), TestHttp.cacheStatus(response), header(response, "Location"),
                    text(response));
        }

        /** The body without what may lag behind by design: counters the page's script fills in, the ranking. */
        String comparable(boolean withMostRead) {
            String comparable = LIKES.matcher(VIEWS.matcher(body).replaceAll("<span data-views>…</span>"))
                    .replaceAll("<span data-likes>…</span>");
            return withMostRead ? comparable : MOST_READ.matcher(comparable).replaceAll("阅读排行…");
        }
    }

    // ---- the site ------------------------------------------------------------------------------------------

    /** Every public page of the site as it is now. */
    private List<String> sitePages() {
        List<String> pages = new ArrayList<>(List.of("/", "/about.html", "/copyright.html", "/nav/", "/feed.xml",
                "/atom.xml", "/sitemap.xml", "/robots.txt"));
        for (ChannelView channel : channels.tree().all()) {
            pages.add(channel.url());
            long total = articles.publicInChannel(channel.id(), 0, 1).getTotalElements();
            for (int page = 2; page <= pagesFor(total); page++) {
                pages.add(channel.url() + "index_" + page + ".html");
            }
            pages.add(channel.url() + "feed.xml");
            pages.add(channel.url() + "atom.xml");
        }
        pages.addAll(articles.publicUrls());
        for (Tag tag : tags.findAll()) {
            long total = articles.publicByTag(tag.getId(), 0, 1).getTotalElements();
            if (total > 0) {
                pages.add(tagPage(tag.getName()));
            }
            for (int page = 2; page <= pagesFor(total); page++) {
                pages.add(tagPage(tag.getName()) + "index_" + page + ".html");
            }
        }
        return pages;
    }

    private static int pagesFor(long articleCount) {
        return (int) ((articleCount + Pagination.PAGE_SIZE - 1) / Pagination.PAGE_SIZE);
    }

    private static String tagPage(String name) {
        return PageFrame.tagUrl(name);
    }

    private List<String> pagesOfFamilyB() {
        List<String> pages = new ArrayList<>(List.of("/minsheng/", "/minsheng/feed.xml", "/minsheng/atom.xml"));
        for (ChannelView channel : channels.tree().all()) {
            if (channel.path().startsWith("minsheng/")) {
                pages.add(channel.url());
                pages.add(channel.url() + "feed.xml");
                pages.add(channel.url() + "atom.xml");
            }
        }
        pages.addAll(articlePagesOfFamilyB());
        return pages;
    }

    /** Pages of public articles under 民生 that share no tag with articles under 时政. */
    private List<String> articlePagesOfFamilyB() {
        return articles.publicUrls().stream().filter(url -> url.startsWith("/minsheng/"))
                .filter(url -> !articles.findPublic(id(url)).orElseThrow().tagNames().contains("交通"))
                .filter(url -> familyB.stream().anyMatch(a -> a.id() == id(url)))
                .toList();
    }

    /** Pages of public articles under 时政 that have none of {@code exceptTags}. */
    private List<String> articlePagesOfFamilyA(List<String> exceptTags) {
        return articles.publicUrls().stream().filter(url -> url.startsWith("/shizheng/"))
                .filter(url -> articles.findPublic(id(url)).orElseThrow().tagNames().stream()
                        .noneMatch(exceptTags::contains))
                .toList();
    }

    private static long id(String articleUrl) {
        String name = articleUrl.substring(articleUrl.lastIndexOf('/') + 1);
        return Long.parseLong(name.substring(0, name.length() - ".html".length()));
    }

    private String served(String path) {
        return text(http.get(path));
    }

    private List<String> freshMostRead() {
        return mostReadTitles(served("/nav/?fresh"));
    }

    /** The ranking as the database has it now; pages catch up with it when the list is refreshed. */
    private List<String> databaseMostRead() {
        return articles.mostRead(10).stream().map(ArticleSummary::title).toList();
    }

    private List<String> cachedMostRead(String path) {
        return mostReadTitles(served(path));
    }

    private static List<String> mostReadTitles(String page) {
        var block = MOST_READ.matcher(page);
        assertThat(block.find()).isTrue();
        return Pattern.compile("title=\"([^\"]*)\"").matcher(block.group()).results().map(m -> m.group(1)).toList();
    }

    private ArticleDetail publish(Channel channel, String title, Instant at, List<String> tagNames) {
        return articles.create(draft(title, channel.getPath(), at, tagNames), EDITOR);
    }

    private ArticleDetail edit(ArticleDetail article, String title, String channelPath, List<String> tagNames) {
        return articles.update(article.id(), draft(title, channelPath, article.publishedAt(), tagNames), EDITOR);
    }

    private static ArticleDraft draft(String title, String channelPath, Instant publishedAt, List<String> tagNames) {
        String body = "<p>" + title + "。记者从相关部门获悉，此项工作已于近日全面铺开，各责任单位按照时间节点倒排工期、挂图作战，"
                + "确保各项任务按期保质完成。</p><p>下一步，相关部门将加强督查指导，及时回应群众关切，让改革发展成果更多更公平惠及全体市民。</p>";
        return new ArticleDraft(title, null, null, body, channelPath, "本报记者", "城东日报", null, "王晓", tagNames,
                RightsType.ORIGINAL, publishedAt, ArticleStatus.PUBLISHED, null, false, false, false);
    }

    // ---- the export ----------------------------------------------------------------------------------------

    private static String file(String page) {
        String path = java.net.URLDecoder.decode(page, java.nio.charset.StandardCharsets.UTF_8).substring(1);
        return path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
    }

    private static Map<String, byte[]> contents(Path published) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        Path dir = published.toRealPath();
        for (Path file : exported(dir)) {
            files.put(dir.relativize(file).toString(), Files.readAllBytes(file));
        }
        return files;
    }

    /** Each exported file's inode and time: a rewrite replaces the file, so they change. */
    private static Map<String, Object> identities(Path published) throws IOException {
        Map<String, Object> files = new HashMap<>();
        Path dir = published.toRealPath();
        for (Path file : exported(dir)) {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            files.put(dir.relativize(file).toString(), List.of(attributes.fileKey(), attributes.lastModifiedTime()));
        }
        return files;
    }

    /** The exported pages and files, without the manifest and the compressed copies (which follow their page). */
    private static List<Path> exported(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().equals(ExportManifest.FILE_NAME))
                    .filter(file -> !file.toString().endsWith(".gz") && !file.toString().endsWith(".br")).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
