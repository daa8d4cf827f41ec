package cn.dayuan.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

import cn.dayuan.account.AccountService;
import cn.dayuan.account.Role;
import cn.dayuan.article.Article;
import cn.dayuan.article.ArticleDetail;
import cn.dayuan.article.ArticleDraft;
import cn.dayuan.article.ArticleHtml;
import cn.dayuan.article.ArticleQuery;
import cn.dayuan.article.ArticleReadAhead;
import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleStatus;
import cn.dayuan.article.ArticleSummary;
import cn.dayuan.article.RightsType;
import cn.dayuan.article.ViewCounter;
import cn.dayuan.channel.ChannelService;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.system.NotFoundException;
import cn.dayuan.tag.Tag;
import cn.dayuan.tag.TagService;

/** Articles written, published and read back through ArticleService, as the newsroom, API and site do. */
class ArticleDatabaseTest extends DatabaseTest {

    /** The publish time of the seed article, as the JSON API receives it. */
    private static final Instant SEED_PUBLISHED_AT = OffsetDateTime.parse("2022-04-23T06:07:12+08:00").toInstant();

    @Autowired
    ArticleService articles;
    @Autowired
    ChannelService channels;
    @Autowired
    TagService tags;
    @Autowired
    AccountService accounts;
    @Autowired
    ViewCounter viewCounter;
    @Autowired
    EntityManager entityManager;
    @Autowired
    TransactionTemplate transactions;

    private String root;
    private String child;
    private final Instant now = Instant.now();

    @BeforeEach
    void createChannels() {
        root = unique("zcjh");
        channels.create("政策聚焦", root, null, null, null);
        channels.create("即时新闻", "jishixinwen", root, null, null);
        child = root + "/jishixinwen";
    }

    @Test
    void anArticleKeepsEveryFieldItWasWrittenWith() {
        String body = ChineseSamples.html(296);
        String ownTag = unique("晋城");
        ArticleDraft draft = new ArticleDraft("晋城市召开一季度经济运行分析会", "全市经济运行总体平稳、稳中有进",
                "会议通报了一季度全市主要经济指标完成情况，部署下一阶段重点工作。", body, child, "张记者", "晋城日报",
                "https://www.example.cn/news/2022/0423/1.html", "李编辑", List.of("经济运行", "一季度", ownTag),
                RightsType.AUTHORIZED, SEED_PUBLISHED_AT, ArticleStatus.PUBLISHED, "/media/2022/04/cover.jpg",
                true, true, true);

        long id = articles.create(draft, ADMIN).id();
        ArticleDetail stored = articles.findPublic(id).orElseThrow();

        assertThat(stored.title()).isEqualTo("晋城市召开一季度经济运行分析会");
        assertThat(stored.subtitle()).isEqualTo("全市经济运行总体平稳、稳中有进");
        assertThat(stored.summary()).isEqualTo("会议通报了一季度全市主要经济指标完成情况，部署下一阶段重点工作。");
        // Compared without AssertJ's diff, which would print the whole body twice.
        String expectedBody = ArticleHtml.sanitize(body);
        assertThat(stored.body().equals(expectedBody))
                .as("the %d-character body comes back unchanged", expectedBody.length()).isTrue();
        assertThat(stored.body().getBytes(StandardCharsets.UTF_8).length).isGreaterThan(64 * 1024);
        String text = ArticleHtml.text(stored.body());
        assertThat(text.startsWith("四月下旬，城区各街道陆续启动老旧小区改造工程。") && text.endsWith("并将检查结果向社会公开。"))
                .as("the body's text runs from the first paragraph to the last").isTrue();
        assertThat(stored.channelPath()).isEqualTo(child);
        assertThat(stored.channelName()).isEqualTo("即时新闻");
        assertThat(stored.url()).isEqualTo("/" + child + "/" + id + ".html");
        assertThat(stored.publisherUsername()).isEqualTo(ADMIN);
        assertThat(stored.author()).isEqualTo("张记者");
        assertThat(stored.source()).isEqualTo("晋城日报");
        assertThat(stored.sourceUrl()).isEqualTo("https://www.example.cn/news/2022/0423/1.html");
        assertThat(stored.editor()).isEqualTo("李编辑");
        assertThat(stored.tagNames()).containsExactlyInAnyOrder("经济运行", "一季度", ownTag);
        assertThat(stored.rightsType()).isEqualTo(RightsType.AUTHORIZED);
        assertThat(stored.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(stored.publishedAt()).isEqualTo(SEED_PUBLISHED_AT).hasToString("2022-04-22T22:07:12Z");
        assertThat(stored.coverImage()).isEqualTo("/media/2022/04/cover.jpg");
        assertThat(stored.headline()).isTrue();
        assertThat(stored.pinned()).isTrue();
        assertThat(stored.commentsOpen()).isTrue();
        assertThat(stored.viewCount()).isZero();
        assertThat(stored.likeCount()).isZero();
        assertThat(stored.commentCount()).isZero();
        assertThat(stored.createdAt()).isCloseTo(now, within(1, ChronoUnit.MINUTES));
        assertThat(stored.version()).isZero();
    }

    @Test
    void publishTimesComeBackToTheMicrosecondWhateverTheJvmTimeZone() {
        Instant leapDayMidnight = OffsetDateTime.parse("2024-02-29T23:59:59.123456+08:00").toInstant();
        Instant utcMidnight = Instant.parse("2025-12-31T16:00:00Z");
        long first = articles.create(Draft.of("闰日深夜稿件", child).publishedAt(leapDayMidnight)
                .status(ArticleStatus.DRAFT).build(), ADMIN).id();
        long second = articles.create(Draft.of("北京时间元旦零点", child).publishedAt(utcMidnight).build(), ADMIN).id();

        assertThat(articles.get(first).publishedAt()).isEqualTo(leapDayMidnight);
        assertThat(articles.get(second).publishedAt()).isEqualTo(utcMidnight);
    }

    @Test
    void updatingAnArticleReplacesItsFieldsTagsAndChannelAndBumpsItsVersion() {
        String oldTag = unique("旧词");
        String newTag = unique("新词");
        ArticleDetail created = articles.create(Draft.of("初稿标题", child).tags(oldTag).build(), ADMIN);

        ArticleDetail updated = articles.update(created.id(), Draft.of("修改后的标题", root).tags(newTag, "民生")
                .publishedAt(SEED_PUBLISHED_AT).build(), ADMIN);

        ArticleDetail stored = articles.get(created.id());
        assertThat(stored.title()).isEqualTo("修改后的标题");
        assertThat(stored.channelPath()).isEqualTo(root);
        assertThat(stored.tagNames()).containsExactlyInAnyOrder(newTag, "民生");
        assertThat(stored.publishedAt()).isEqualTo(SEED_PUBLISHED_AT);
        assertThat(stored.version()).isEqualTo(updated.version()).isEqualTo(created.version() + 1);
        assertThat(articles.publicByTag(tags.findByName(oldTag).orElseThrow().getId(), 0, 10)).isEmpty();
    }

    @Test
    void aWriteFromAStaleCopyIsRejectedByTheVersion() {
        long id = articles.create(Draft.of("两位编辑同时修改", child).build(), ADMIN).id();

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            Article staleCopy = entityManager.find(Article.class, id);
            // Meanwhile another editor saves the article from another connection.
            CompletableFuture.runAsync(() -> articles.update(id, Draft.of("另一位编辑的版本", child).build(), ADMIN))
                    .join();
            entityManager.lock(staleCopy, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        })).isInstanceOf(ObjectOptimisticLockingFailureException.class);

        assertThat(articles.get(id).title()).isEqualTo("另一位编辑的版本");
        assertThat(articles.get(id).version()).isEqualTo(1);
    }

    @Test
    void publishingAndUnpublishingDecideWhatReadersSee() {
        long id = articles.create(Draft.of("待发布的稿件", child).publishedAt(null).status(ArticleStatus.DRAFT)
                .build(), ADMIN).id();
        long channelId = channels.getByPath(child).getId();
        assertThat(articles.findPublic(id)).isEmpty();

        articles.publish(id, ADMIN);
        Instant publishedAt = articles.get(id).publishedAt();
        assertThat(publishedAt).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        assertThat(articles.findPublic(id)).isPresent();
        assertThat(articles.publicInChannel(channelId, 0, 10)).extracting(ArticleSummary::id).containsExactly(id);

        articles.unpublish(id, ADMIN);
        assertThat(articles.findPublic(id)).isEmpty();
        assertThat(articles.get(id).status()).isEqualTo(ArticleStatus.UNPUBLISHED);
        assertThat(articles.publicInChannel(channelId, 0, 10)).isEmpty();
        assertThatThrownBy(() -> articles.like(id)).isInstanceOf(NotFoundException.class);

        articles.publish(id, ADMIN);
        assertThat(articles.findPublic(id).orElseThrow().publishedAt()).isEqualTo(publishedAt);
    }

    @Test
    void aScheduledArticleStaysHiddenUntilItsTime() {
        long id = articles.create(Draft.of("明日发布的预告", child).publishedAt(now.plus(Duration.ofDays(1)))
                .headline().build(), ADMIN).id();

        assertThat(articles.get(id).status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(articles.findPublic(id)).isEmpty();
        assertThat(articles.newest(100)).extracting(ArticleSummary::id).doesNotContain(id);
        assertThat(articles.headlines(100)).extracting(ArticleSummary::id).doesNotContain(id);
    }

    @Test
    void aChannelPageListsItsSubChannelsArticlesPinnedFirstThenNewestPageByPage() {
        long older = publish(Draft.of("上级栏目较早的文章", root).publishedAt(now.minusSeconds(500)));
        long newer = publish(Draft.of("上级栏目较新的文章", root).publishedAt(now.minusSeconds(400)));
        long inChild = publish(Draft.of("子栏目的文章", child).publishedAt(now.minusSeconds(300)));
        long pinned = publish(Draft.of("子栏目置顶的旧文章", child).publishedAt(now.minusSeconds(900)).pinned());
        publish(Draft.of("子栏目的草稿", child).status(ArticleStatus.DRAFT));
        publish(Draft.of("上级栏目的预约文章", root).publishedAt(now.plusSeconds(86_400)));
        long rootId = channels.getByPath(root).getId();

        Page<ArticleSummary> first = articles.publicInChannel(rootId, 0, 2);
        Page<ArticleSummary> second = articles.publicInChannel(rootId, 1, 2);
        assertThat(first.getTotalElements()).isEqualTo(4);
        assertThat(first.getTotalPages()).isEqualTo(2);
        assertThat(first).extracting(ArticleSummary::id).containsExactly(pinned, inChild);
        assertThat(second).extracting(ArticleSummary::id).containsExactly(newer, older);
        assertThat(articles.publicInChannel(channels.getByPath(child).getId(), 0, 10))
                .extracting(ArticleSummary::id).containsExactly(pinned, inChild);
    }

    @Test
    void latestAndHeadlinesAreNewestFirstAndOnlyPublic() {
        long oldest = publish(Draft.of("最新列表第三", child).publishedAt(now.minusSeconds(3)));
        long middle = publish(Draft.of("头条第二", child).publishedAt(now.minusSeconds(2)).headline());
        long newest = publish(Draft.of("头条第一", child).publishedAt(now.minusSeconds(1)).headline());
        long draft = publish(Draft.of("头条草稿", child).status(ArticleStatus.DRAFT).headline());

        List<ArticleSummary> latest = articles.newest(100);
        assertThat(latest).extracting(ArticleSummary::id).containsSubsequence(newest, middle, oldest)
                .doesNotContain(draft);
        assertThat(latest).extracting(ArticleSummary::publishedAt).isSortedAccordingTo(Comparator.reverseOrder());

        List<ArticleSummary> headlines = articles.headlines(100);
        assertThat(headlines).extracting(ArticleSummary::id).containsSubsequence(newest, middle)
                .doesNotContain(oldest, draft);
        assertThat(headlines).allMatch(ArticleSummary::headline);
        assertThat(headlines).extracting(ArticleSummary::publishedAt).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void tagPagesListTheTagsPublicArticlesAndRelatedArticlesShareATag() {
        String policy = unique("政策");
        String housing = unique("住房");
        long both = publish(Draft.of("住房政策解读", child).tags(policy, housing).publishedAt(now.minusSeconds(40)));
        long policyOnly = publish(Draft.of("政策问答", child).tags(policy).publishedAt(now.minusSeconds(30)));
        long housingOnly = publish(Draft.of("住房公积金新规", root).tags(housing).publishedAt(now.minusSeconds(20)));
        publish(Draft.of("政策草稿", child).tags(policy).status(ArticleStatus.DRAFT));
        long policyId = tags.findByName(policy).orElseThrow().getId();

        assertThat(articles.publicByTag(policyId, 0, 10)).extracting(ArticleSummary::id)
                .containsExactly(policyOnly, both);
        Page<ArticleSummary> firstOfTwo = articles.publicByTag(policyId, 0, 1);
        assertThat(firstOfTwo.getTotalPages()).isEqualTo(2);
        assertThat(firstOfTwo).extracting(ArticleSummary::id).containsExactly(policyOnly);

        assertThat(articles.related(articles.get(both))).extracting(ArticleSummary::id)
                .containsExactly(housingOnly, policyOnly);
        assertThat(articles.related(articles.get(policyOnly))).extracting(ArticleSummary::id)
                .containsExactly(both);
    }

    @Test
    void pagesBuiltWithTheArticlesReadAheadShowWhatTheDatabaseHasNow() {
        String tag = unique("读取");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 70; i++) { // more than one run of articles read together
            ids.add(publish(Draft.of("预读第" + i + "篇", child).tags(tag).publishedAt(now.minusSeconds(100 - i))));
        }
        long later = articles.create(Draft.of("预读之后才发布", child).tags(tag).publishedAt(null)
                .status(ArticleStatus.DRAFT).build(), ADMIN).id();
        long tagId = tags.findByName(tag).orElseThrow().getId();
        ArticleReadAhead ahead = articles.readAhead();
        articles.unpublish(ids.get(3), ADMIN);
        articles.publish(later, ADMIN);
        articles.update(ids.get(5), Draft.of("预读之后改过的标题", child).tags(tag)
                .publishedAt(articles.get(ids.get(5)).publishedAt()).build(), ADMIN);

        ahead.during(() -> {
            assertThat(articles.findPublic(ids.get(0)).orElseThrow().title()).isEqualTo("预读第0篇");
            assertThat(articles.findPublic(ids.get(0))).as("a page built twice").isPresent();
            assertThat(articles.findPublic(ids.get(69)).orElseThrow().tagNames()).containsExactly(tag);
            assertThat(articles.findPublic(ids.get(3))).as("withdrawn since").isEmpty();
            assertThat(articles.findPublic(later)).as("published since").isPresent();
            assertThat(articles.findPublic(ids.get(5)).orElseThrow().title()).isEqualTo("预读之后改过的标题");
            assertThat(articles.publicByTag(tagId, 0, 100)).extracting(ArticleSummary::id)
                    .as("list rows as they were read ahead; the change log has the pages built again")
                    .contains(ids.get(0), ids.get(69)).doesNotContain(later);
            return null;
        });
        assertThat(articles.publicByTag(tagId, 0, 100)).extracting(ArticleSummary::id).contains(later)
                .doesNotContain(ids.get(3));
    }

    @Test
    void tagsThatDifferOnlyInCaseOrInARareCharacterStayApart() {
        String suffix = unique("");
        String rare = "𠮷野家" + suffix;
        String otherRare = "𠀀野家" + suffix;
        String upper = "Java" + suffix;
        String lower = "java" + suffix;

        long id = articles.create(Draft.of("生僻字与大小写", child).tags(rare, otherRare, upper, lower).build(), ADMIN)
                .id();

        assertThat(articles.get(id).tagNames()).containsExactlyInAnyOrder(rare, otherRare, upper, lower);
        assertThat(tags.findByName(rare)).map(Tag::getName).contains(rare);
        assertThat(tags.findByName(lower)).map(Tag::getName).contains(lower);
    }

    @Test
    void theNewsroomSearchFiltersByChannelStatusKeywordAndPublisher() {
        String editor = unique("bianji");
        accounts.create(editor, "要闻编辑", null, "password-editor", Role.EDITOR);
        long notice = articles.create(Draft.of("关于开展春季植树活动的通知", root).build(), ADMIN).id();
        long draft = articles.create(Draft.of("春季森林防火提示", child).status(ArticleStatus.DRAFT).build(), editor)
                .id();
        long guide = articles.create(Draft.of("Spring 旅游指南 ABC", child).build(), editor).id();

        assertThat(ids(new ArticleQuery(root, null, null, null))).containsExactlyInAnyOrder(notice, draft, guide);
        assertThat(ids(new ArticleQuery(child, null, null, null))).containsExactlyInAnyOrder(draft, guide);
        assertThat(ids(new ArticleQuery(root, ArticleStatus.PUBLISHED, null, null)))
                .containsExactlyInAnyOrder(notice, guide);
        assertThat(ids(new ArticleQuery(root, null, "春季", null))).containsExactlyInAnyOrder(notice, draft);
        assertThat(ids(new ArticleQuery(root, null, "spring 旅游指南 abc", null))).containsExactly(guide);
        assertThat(ids(new ArticleQuery(null, null, null, editor))).containsExactlyInAnyOrder(draft, guide);
        assertThat(ids(new ArticleQuery(root, ArticleStatus.DRAFT, "防火", editor))).containsExactly(draft);

        Page<ArticleSummary> firstPage = articles.search(new ArticleQuery(root, null, null, null), 0, 2, "admin");
        assertThat(firstPage.getTotalElements()).isEqualTo(3);
        assertThat(firstPage.getTotalPages()).isEqualTo(2);
        assertThatThrownBy(() -> articles.search(new ArticleQuery(root + "/no-such", null, null, null), 0, 10, "admin"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theNewsroomSearchFindsChineseWordsInTitlesBodiesBylinesAndTagsOfDraftsTooBestFirst() {
        // A word of Latin letters that no other article of any run has, kept whole by the analyzer.
        String mark = "qz" + unique("").chars().filter(Character::isLetterOrDigit)
                .map(c -> Character.isDigit(c) ? 'a' + c - '0' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append) + "x";
        long titled = articles.create(Draft.of(mark + "湿地保护条例草案公开征求意见", child)
                .status(ArticleStatus.DRAFT).build(), ADMIN).id();
        long tagged = articles.create(Draft.of("候鸟迁徙季巡护队出动", child).tags(mark).build(), ADMIN).id();
        long mentioned = articles.create(Draft.of("周末出游好去处", root)
                .body("<p>城郊的" + mark + "湿地公园、森林公园和农家乐都是好去处。</p>").author("记者 欧阳明月").build(), ADMIN)
                .id();
        long trashed = articles.create(Draft.of(mark + "旧稿", child).build(), ADMIN).id();
        articles.delete(trashed, ADMIN);

        // A mention in the body weighs less than the title or a tag; a deleted article is found in the recycle bin.
        List<Long> found = ids(new ArticleQuery(null, null, mark, null));
        assertThat(found).containsExactlyInAnyOrder(titled, tagged, mentioned);
        assertThat(found.get(2)).isEqualTo(mentioned);
        assertThat(ids(new ArticleQuery(null, ArticleStatus.TRASHED, mark, null))).containsExactly(trashed);
        assertThat(ids(new ArticleQuery(child, ArticleStatus.DRAFT, mark, null))).containsExactly(titled);
        assertThat(ids(new ArticleQuery(null, null, mark + " 候鸟", null))).containsExactly(tagged);
        assertThat(ids(new ArticleQuery(null, null, mark + " 欧阳明月", null))).containsExactly(mentioned);
        assertThat(ids(new ArticleQuery(null, null, mark, "欧阳明月"))).containsExactly(mentioned);
        assertThat(ids(new ArticleQuery(null, null, mark, ADMIN))).hasSize(3);
        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS);
        assertThat(ids(new ArticleQuery(null, null, mark, null, tomorrow, null))).isEmpty();
        assertThat(ids(new ArticleQuery(null, null, mark, null, null, tomorrow))).hasSize(3);

        // An edit is found at once; a keyword without words finds nothing rather than everything.
        articles.update(titled, Draft.of(mark + "湿地保护条例草案公开征求意见", child).status(ArticleStatus.DRAFT)
                .body("<p>新增内容提到了黑鹳。</p>").build(), ADMIN);
        assertThat(ids(new ArticleQuery(null, null, mark + " 黑鹳", null))).containsExactly(titled);
        assertThat(ids(new ArticleQuery(null, null, "%", null))).isEmpty();

        Page<ArticleSummary> beyond = articles.search(new ArticleQuery(null, null, mark, null), 5_000, 100, ADMIN);
        assertThat(beyond.getContent()).isEmpty();
        assertThat(beyond.getTotalElements()).isEqualTo(3);
    }

    @Test
    void viewsAreCountedInMemoryAndWrittenByTheFlush() {
        long id = publish(Draft.of("阅读量统计", child));

        articles.recordView(id);
        articles.recordView(id);
        articles.recordView(id);
        assertThat(articles.counts(id).views()).isEqualTo(3);
        assertThat(viewCountInDatabase(id)).as("a page view costs no database write").isZero();

        viewCounter.flush();
        assertThat(viewCountInDatabase(id)).isEqualTo(3);
        assertThat(articles.counts(id).views()).isEqualTo(3);
        assertThat(viewCounter.pending(id)).isZero();

        List<ArticleSummary> mostRead = articles.mostRead(100);
        assertThat(mostRead).extracting(ArticleSummary::viewCount).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(mostRead).extracting(ArticleSummary::id).contains(id);
    }

    @Test
    void theMostReadRankingHoldsOnlyPublicArticlesHoweverMuchTheOthersWereRead() {
        long read = publish(Draft.of("排行中的公开文章", child));
        long draft = publish(Draft.of("排行外的草稿", child).status(ArticleStatus.DRAFT));
        long scheduled = publish(Draft.of("排行外的预约文章", child).publishedAt(Instant.now().plus(Duration.ofDays(1))));
        jdbc.update("update article set view_count = ? where id = ?", 9_000_002, draft);
        jdbc.update("update article set view_count = ? where id = ?", 9_000_001, scheduled);
        jdbc.update("update article set view_count = ? where id = ?", 9_000_000, read);

        // The first of the ranking as the database orders it: a draft or a scheduled article there leaves it empty.
        assertThat(articles.mostRead(1)).extracting(ArticleSummary::id).containsExactly(read);
    }

    @Test
    void readersCanLikeOnlyPublicArticles() {
        long id = publish(Draft.of("点赞统计", child));
        long draft = publish(Draft.of("未发布的稿件", child).status(ArticleStatus.DRAFT));

        assertThat(articles.like(id)).isEqualTo(1);
        assertThat(articles.like(id)).isEqualTo(2);
        assertThat(articles.counts(id).likes()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select like_count from article where id = ?", Long.class, id)).isEqualTo(2);
        assertThatThrownBy(() -> articles.like(draft)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> articles.like(Long.MAX_VALUE)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void invalidArticlesAreRefusedAndNothingIsWritten() {
        long before = countArticles();

        assertThatThrownBy(() -> articles.create(Draft.of(" ", child).build(), ADMIN))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("title");
        assertThatThrownBy(() -> articles.create(Draft.of("栏目不存在", root + "/no-such").build(), ADMIN))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("channel");
        assertThatThrownBy(() -> articles.create(Draft.of("标签过多", child)
                .tags("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一").build(), ADMIN))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("tags");
        assertThatThrownBy(() -> articles.create(Draft.of("空正文", child).body("<script>alert(1)</script>").build(),
                ADMIN)).isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("body");

        assertThat(countArticles()).isEqualTo(before);
    }

    @Test
    void aDeletedArticleWaitsInTheBinAndIsGoneWithItsTagLinksWhenPurgedButTheTagsStay() {
        String tag = unique("删除");
        long id = publish(Draft.of("将被删除的文章", child).tags(tag));

        articles.delete(id, ADMIN);
        assertThatThrownBy(() -> articles.get(id)).isInstanceOf(NotFoundException.class);
        assertThat(articles.findPublic(id)).isEmpty();
        assertThat(articles.publicByTag(tags.findByName(tag).orElseThrow().getId(), 0, 10)).isEmpty();

        articles.purge(id, ADMIN);
        assertThat(jdbc.queryForObject("select count(*) from article where id = ?", Long.class, id)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from article_tag where article_id = ?", Long.class, id))
                .isZero();
        assertThat(tags.findByName(tag)).isPresent();
    }

    private long publish(Draft draft) {
        return articles.create(draft.build(), ADMIN).id();
    }

    private List<Long> ids(ArticleQuery query) {
        return articles.search(query, 0, 100, "admin").map(ArticleSummary::id).getContent();
    }

    private long viewCountInDatabase(long id) {
        return jdbc.queryForObject("select view_count from article where id = ?", Long.class, id);
    }

    private long countArticles() {
        return jdbc.queryForObject("select count(*) from article", Long.class);
    }

    /**
     * Channel and tag lists are kept in memory and patched on every change; after publishing, moving, retagging,
     * pinning, rescheduling, unpublishing and deleting, each list must be exactly what the database says.
     */
    @Test
    void channelAndTagListsFollowEveryChangeExactlyAsTheDatabaseHasIt() {
        channels.create("民生服务", "minsheng", root, null, null);
        String other = root + "/minsheng";
        String tagA = unique("营商环境");
        String tagB = unique("城市更新");
        Instant base = now.minus(10, ChronoUnit.DAYS);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(articles.create(Draft.of("列表文章" + i, i % 2 == 0 ? child : other)
                    .publishedAt(base.plus(i, ChronoUnit.HOURS)).tags(i < 3 ? tagA : tagB).build(), ADMIN).id());
        }
        long rootId = channels.getByPath(root).getId();
        long childId = channels.getByPath(child).getId();
        long otherId = channels.getByPath(other).getId();
        long tagAId = tags.findByName(tagA).orElseThrow().getId();
        long tagBId = tags.findByName(tagB).orElseThrow().getId();
        Runnable readEveryList = () -> List.of(rootId, childId, otherId).forEach(id -> articles.publicInChannel(id, 0, 50));
        readEveryList.run();
        articles.publicByTag(tagAId, 0, 50);
        articles.publicByTag(tagBId, 0, 50);

        articles.update(ids.get(0), Draft.of("列表文章0（移到民生）", other).publishedAt(base).tags(tagB).build(), ADMIN);
        articles.update(ids.get(1), Draft.of("列表文章1（置顶）", other).publishedAt(base.plus(1, ChronoUnit.HOURS))
                .tags(tagB, tagA).pinned().build(), ADMIN);
        articles.update(ids.get(2), Draft.of("列表文章2（改期）", child).publishedAt(now.plus(1, ChronoUnit.DAYS))
                .tags(tagA).build(), ADMIN);
        articles.unpublish(ids.get(3), ADMIN);
        articles.delete(ids.get(4), ADMIN);
        long added = articles.create(Draft.of("列表文章6", child).publishedAt(base.minus(1, ChronoUnit.HOURS))
                .tags(tagA).build(), ADMIN).id();

        assertThat(listed(articles.publicInChannel(rootId, 0, 50)))
                .isEqualTo(inDatabase("a.channel_id in (?, ?, ?)", rootId, childId, otherId))
                .containsExactly(ids.get(1), ids.get(5), ids.get(0), added);
        assertThat(listed(articles.publicInChannel(childId, 0, 50))).isEqualTo(inDatabase("a.channel_id = ?", childId))
                .containsExactly(added);
        assertThat(listed(articles.publicInChannel(otherId, 0, 50))).isEqualTo(inDatabase("a.channel_id = ?", otherId))
                .containsExactly(ids.get(1), ids.get(5), ids.get(0));
        String tagged = "exists (select 1 from article_tag t where t.article_id = a.id and t.tag_id = ?)";
        assertThat(listed(articles.publicByTag(tagAId, 0, 50))).containsExactly(ids.get(1), added);
        assertThat(listed(articles.publicByTag(tagBId, 0, 50))).containsExactly(ids.get(5), ids.get(1), ids.get(0))
                .containsExactlyInAnyOrderElementsOf(inDatabase(tagged, tagBId));
        assertThat(articles.related(articles.get(added))).extracting(ArticleSummary::id).containsExactly(ids.get(1));
        // A process started now reads the tag lists from the tag rows: each carries its article's time while listed.
        assertThat(jdbc.queryForObject("select count(*) from article_tag t join article a on a.id = t.article_id"
                + " where t.tag_id in (?, ?) and (a.status = 'PUBLISHED' and t.listed_at = a.published_at"
                + " or a.status <> 'PUBLISHED' and t.listed_at is null)", Long.class, tagAId, tagBId))
                .isEqualTo(jdbc.queryForObject("select count(*) from article_tag where tag_id in (?, ?)", Long.class,
                        tagAId, tagBId))
                .isEqualTo(8);
    }

    private static List<Long> listed(Page<ArticleSummary> page) {
        assertThat(page.getTotalElements()).isEqualTo(page.getContent().size());
        return page.getContent().stream().map(ArticleSummary::id).toList();
    }

    /** Ids of the public articles matching {@code condition}, pinned first, then newest first, read with SQL. */
    private List<Long> inDatabase(String condition, Object... arguments) {
        Object[] all = new Object[arguments.length + 1];
        // The test's articles lie days away from now, so how each driver maps the zone cannot change the result.
        all[0] = Timestamp.from(Instant.now());
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return jdbc.queryForList("select a.id from article a where a.status = 'PUBLISHED' and a.published_at <= ?"
                + " and " + condition + " order by a.pinned desc, a.published_at desc, a.id desc", Long.class, all);
    }
}
