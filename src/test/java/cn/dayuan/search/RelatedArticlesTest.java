package cn.dayuan.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

import cn.dayuan.article.ArticleDetail;
import cn.dayuan.article.ArticleDraft;
import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleStatus;
import cn.dayuan.article.RightsType;
import cn.dayuan.channel.ChannelService;

/**
 * The related articles under an article page, as a reader sees them over HTTP: an article about the same thing is
 * there though it shares no tag, an article about something else is not, and the list follows what happens to them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dayuan.data-dir=" + RelatedArticlesTest.DATA_DIR, "dayuan.admin-password=related-test-pw"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelatedArticlesTest {

    static final String DATA_DIR = "target/test-data/RelatedArticlesTest";

    static {
        FileSystemUtils.deleteRecursively(Path.of(DATA_DIR).toFile());
    }

    @LocalServerPort
    int port;
    @Autowired
    ArticleService articles;
    @Autowired
    ChannelService channels;

    final HttpClient http = HttpClient.newHttpClient();
    ArticleDetail scan;
    ArticleDetail exhibition;
    ArticleDetail metro;
    ArticleDetail insurance;

    @BeforeAll
    void createContent() {
        channels.create("文化", "wenhua", null, null, null);
        channels.create("民生", "minsheng", null, null, null);
        publish("冬季供暖设施检修全面启动", "minsheng", "全市供热企业对管网、换热站开展检修，确保居民按时供暖，室温达标。",
                List.of("供暖"), 9);
        publish("高考报名工作顺利结束", "minsheng", "今年全市高考报名人数比去年增加，考生可以在网上查询报名信息和考点安排。",
                List.of("教育"), 8);
        metro = publish("地铁三号线开通试运营", "minsheng", "地铁三号线今日开通试运营，全线设车站十八座，高峰时段发车间隔五分钟，"
                + "市民乘坐地铁出行更加方便。", List.of("交通"), 7);
        publish("农贸市场改造提升工程完工", "minsheng", "改造后的农贸市场摊位整齐，通风排水设施全部更新，市民买菜环境明显改善。",
                List.of("民生"), 6);
        publish("公交线路优化调整方便群众出行", "minsheng", "公交公司新开线路五条，调整线路八条，市民换乘地铁和公交更加便利。",
                List.of("交通"), 5);
        scan = publish("圣母殿侍女像完成三维扫描", "wenhua", "文物保护人员用三维扫描技术为晋祠圣母殿宋代彩塑侍女像建立数字档案，"
                + "彩塑的色彩、裂隙和细节都被完整记录，为日后修复提供依据。", List.of("文物保护"), 4);
        insurance = publish("医保门诊报销比例提高", "minsheng", "参保职工在社区卫生服务中心看门诊，医保报销比例提高到百分之七十，"
                + "慢性病患者用药负担减轻。", List.of("文化"), 3);
        exhibition = publish("晋祠博物馆推出宋代彩塑数字展", "wenhua", "晋祠博物馆今日推出宋代彩塑数字展，观众可以在线欣赏圣母殿"
                + "侍女像的高清影像。数字展采用三维扫描技术，完整记录了彩塑的色彩与细节。", List.of("文化"), 2);
    }

    ArticleDetail publish(String title, String channel, String text, List<String> tagNames, int daysAgo) {
        return articles.create(new ArticleDraft(title, null, null, "<p>" + text + "</p>", channel, "记者 张华", "晋阳日报",
                null, null, tagNames, RightsType.ORIGINAL, Instant.now().minus(daysAgo, ChronoUnit.DAYS),
                ArticleStatus.PUBLISHED, null, false, false, true), "admin");
    }

    /** The titles in the 相关阅读 box of an article's page. */
    String relatedBox(ArticleDetail article) {
        String page;
        try {
            page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + article.url())).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        int start = page.indexOf("class=\"box related\"");
        assertThat(start).as("the page of %s has a related box", article.title()).isPositive();
        return page.substring(start, page.indexOf("</section>", start));
    }

    @Test
    void anArticleAboutTheSameThingIsRelatedWithoutASharedTagAndOneAboutSomethingElseIsNot() {
        String related = relatedBox(exhibition);
        assertThat(related).as("same subject (晋祠, 彩塑, 三维扫描), no shared tag").contains(scan.title())
                .as("a tag in common: the story's follow-ups come first").contains(insurance.title())
                .as("nothing in common").doesNotContain(metro.title());
        assertThat(relatedBox(scan)).as("the likeness holds both ways").contains(exhibition.title());
    }

    @Test
    void choosingAgainKeepsTheVersionEditorsHold() {
        long version = articles.get(exhibition.id()).version();
        articles.forgetSimilar();
        int chosen = 0;
        for (int batch = articles.chooseMissingSimilar(3); batch > 0; batch = articles.chooseMissingSimilar(3)) {
            chosen += batch;
        }
        assertThat(chosen).as("every article chosen again, a batch at a time").isGreaterThanOrEqualTo(8);
        assertThat(articles.get(exhibition.id()).version()).isEqualTo(version);
        assertThat(articles.get(exhibition.id()).similarIds()).contains(scan.id());
        assertThat(relatedBox(exhibition)).contains(scan.title());
    }

    @Test
    void anArticleWhoseTextChangedIsRelatedAnewSoonAfterItsSaveWithoutAnotherVersion() {
        ArticleDetail market = publish("冬季蔬菜供应充足价格平稳", "minsheng", "各大超市和农贸市场的蔬菜供应充足，白菜、土豆价格"
                + "与上周持平。", List.of("菜价"), 1);
        assertThat(relatedBox(market)).doesNotContain(scan.title());
        ArticleDetail edited = articles.update(market.id(), new ArticleDraft(market.title(), null, null,
                "<p>晋祠博物馆为圣母殿宋代彩塑侍女像完成三维扫描，彩塑的色彩和细节建立了数字档案。</p>", "minsheng",
                "记者 张华", "晋阳日报", null, null, List.of("菜价"), RightsType.ORIGINAL, market.publishedAt(),
                ArticleStatus.PUBLISHED, null, false, false, true), "admin");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(relatedBox(market))
                .as("chosen again after the save, and the page told").contains(scan.title()));
        assertThat(articles.get(market.id()).version()).as("the editor's version holds").isEqualTo(edited.version());
    }

    @Test
    void anUnpublishedArticleLeavesTheRelatedListsAtOnce() {
        ArticleDetail gone = publish("晋祠彩塑保护研讨会召开", "wenhua", "专家围绕晋祠圣母殿宋代彩塑的三维扫描、数字档案和修复方案"
                + "展开研讨，侍女像的色彩保护成为焦点。", List.of("文物保护"), 1);
        ArticleDetail later = publish("宋代彩塑侍女像数字档案向公众开放", "wenhua", "晋祠圣母殿宋代彩塑侍女像的三维扫描数字档案"
                + "向公众开放，色彩与细节一览无余。", List.of("博物馆"), 0);
        assertThat(relatedBox(later)).contains(gone.title());
        articles.unpublish(gone.id(), "admin");
        assertThat(relatedBox(later)).doesNotContain(gone.title()).contains(scan.title());
    }
}
