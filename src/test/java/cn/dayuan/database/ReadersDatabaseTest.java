package cn.dayuan.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.dayuan.article.ArticleService;
import cn.dayuan.captcha.CaptchaService;
import cn.dayuan.captcha.KnownCaptchaCodes;
import cn.dayuan.channel.ChannelService;
import cn.dayuan.comment.ChannelRule;
import cn.dayuan.comment.CommentService;
import cn.dayuan.comment.CommentService.CommentDraft;
import cn.dayuan.comment.CommentService.QueueItem;
import cn.dayuan.comment.CommentStatus;
import cn.dayuan.comment.ModerationAction;
import cn.dayuan.report.ReportKind;
import cn.dayuan.report.ReportService;
import cn.dayuan.report.ReportService.ReportDraft;
import cn.dayuan.report.ReportStatus;
import cn.dayuan.report.ReportStep;
import cn.dayuan.sensitive.SensitiveWordService;

/** Readers' comments and 举报 on each database: the queue's optional filters, counts, rules, blocklists, cases. */
class ReadersDatabaseTest extends DatabaseTest {

    @Autowired
    ChannelService channels;
    @Autowired
    ArticleService articles;
    @Autowired
    CommentService comments;
    @Autowired
    CaptchaService captcha;
    @Autowired
    ReportService reports;
    @Autowired
    SensitiveWordService sensitiveWords;
    @Autowired
    cn.dayuan.search.SearchQueries searchQueries;

    private long article(String channel) {
        return articles.create(Draft.of(unique("评论文章"), channel).build(), ADMIN).id();
    }

    private long comment(long article, String text, String address) {
        return comments.post(article, new CommentDraft(null, text, null, captcha.issue().id(), KnownCaptchaCodes.ANSWER,
                null), address).id();
    }

    @Test
    void readersQueriesAddUpPerWeekFromEveryWrite() {
        String word = unique("搜索词");
        for (int i = 0; i < 3; i++) {
            searchQueries.record(cn.dayuan.search.SearchQuery.of(word), i == 0 ? 0 : 5);
            searchQueries.flush(); // each write adds to the row the first one made
        }
        searchQueries.record(cn.dayuan.search.SearchQuery.of(word + "无"), 0);
        searchQueries.flush();
        var week = searchQueries.week(null);
        assertThat(week.frequent()).filteredOn(c -> c.query().equals(word))
                .containsExactly(new cn.dayuan.search.SearchQueries.Count(word, 3, 1));
        assertThat(week.unanswered()).extracting(cn.dayuan.search.SearchQueries.Count::query).contains(word, word + "无");
        assertThat(week.weeks()).contains(week.start());
    }

    @Test
    void commentsAreQueuedFilteredApprovedCountedAndDeleted() {
        String channel = unique("pl");
        channels.create(unique("评论"), channel, null, null, null);
        comments.setPostsPerTenMinutes(1000);
        long article = article(channel);
        long first = comment(article, "第一条评论", "192.0.2.1");
        long second = comment(article, "第二条评论", "192.0.2.2");
        long third = comment(article, "第三条评论", "192.0.2.3");

        Instant now = Instant.now();
        assertThat(comments.queue(null, article, null, null, 0, 10).getContent()).extracting(QueueItem::id)
                .containsExactly(third, second, first);
        assertThat(comments.queue(CommentStatus.PENDING, article, now.minus(1, ChronoUnit.HOURS),
                now.plus(1, ChronoUnit.HOURS), 0, 10).getTotalElements()).isEqualTo(3);
        assertThat(comments.queue(CommentStatus.APPROVED, null, null, null, 0, 10).getContent())
                .noneMatch(c -> c.articleId() == article);

        assertThat(comments.decide(List.of(first, second), ModerationAction.APPROVE, ADMIN)).isEqualTo(2);
        assertThat(articles.get(article).commentCount()).isEqualTo(2);
        assertThat(comments.approved(article, 0, 10).getContent()).extracting(c -> c.content())
                .containsExactly("第一条评论", "第二条评论");
        long reply = comments.post(article, new CommentDraft("回复者", "回复第一条", first, captcha.issue().id(),
                KnownCaptchaCodes.ANSWER, null), "192.0.2.4").id();
        comments.decide(List.of(reply), ModerationAction.APPROVE, ADMIN);
        assertThat(comments.threadsOnPage(article)).hasSize(2).first()
                .satisfies(thread -> assertThat(thread.replies()).extracting(c -> c.id()).containsExactly(reply));

        comments.decide(List.of(second, third), ModerationAction.DELETE, ADMIN);
        assertThat(articles.get(article).commentCount()).isEqualTo(2);
        assertThat(comments.decisions(List.of(first, second, third))).hasSize(4);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reader_comment WHERE article_id = ?", Long.class, article))
                .isEqualTo(2);
    }

    @Test
    void rulesBlocklistsAndTheNewsroomsWordsAreStored() {
        String channel = unique("gz");
        channels.create(unique("规则"), channel, null, null, null);
        long channelId = channels.getByPath(channel).getId();
        comments.setChannelRule(channelId, ChannelRule.REVIEWED);
        assertThat(comments.channelRules()).containsEntry(channelId, ChannelRule.REVIEWED);
        comments.setChannelRule(channelId, null);
        assertThat(comments.channelRules()).doesNotContainKey(channelId);

        long article = article(channel);
        comments.setArticleAlwaysReviewed(article, true);
        assertThat(comments.articleAlwaysReviewed(article)).isTrue();

        String word = unique("屏蔽词");
        comments.block(false, word, ADMIN);
        comments.block(true, "203.0.113.*", ADMIN);
        comments.setPostsPerTenMinutes(1000);
        long blocked = comment(article, "含有" + word + "的评论", "192.0.2.9");
        assertThat(comments.get(blocked).status()).isEqualTo(CommentStatus.SPAM);
        assertThat(comments.get(comment(article, "来自被屏蔽的地址段", "203.0.113.77")).status())
                .isEqualTo(CommentStatus.SPAM);
        comments.blocks().stream().filter(b -> b.value().equals("203.0.113.*")).forEach(b -> comments.unblock(b.id()));

        String sensitive = unique("库外敏感词");
        sensitiveWords.put(sensitive, false, ADMIN);
        assertThat(sensitiveWords.find("这里有" + sensitive)).containsExactly(sensitive);
        sensitiveWords.put(sensitive, true, ADMIN);
        assertThat(sensitiveWords.find("这里有" + sensitive)).isEmpty();
        sensitiveWords.remove(sensitive);
    }

    @Test
    void aReportIsFiledLookedUpQueuedAndClosedByWithdrawingTheArticle() {
        String channel = unique("jb");
        channels.create(unique("举报"), channel, null, null, null);
        long article = article(channel);
        String url = articles.get(article).url();
        String number = reports.submit(new ReportDraft(ReportKind.INFRINGEMENT, "https://www.example.cn" + url, null,
                "侵犯著作权", "王先生", "13900000000", captcha.issue().id(), KnownCaptchaCodes.ANSWER, null), "192.0.2.20");

        assertThat(reports.lookup(number.toLowerCase()).status()).isEqualTo(ReportStatus.NEW);
        ReportService.CaseView queued = reports.queue(null, 0, 100).getContent().stream()
                .filter(c -> c.caseNumber().equals(number)).findFirst().orElseThrow();
        assertThat(queued.articleId()).isEqualTo(article);
        assertThat(reports.queue(ReportStatus.NEW, 0, 100).getContent()).anyMatch(c -> c.caseNumber().equals(number));
        assertThat(reports.openCount()).isPositive();

        reports.act(queued.id(), ReportStep.START, null, ADMIN);
        reports.act(queued.id(), ReportStep.WITHDRAW_ARTICLE, "侵权属实", ADMIN);
        assertThat(articles.findPublic(article)).isEmpty();
        assertThat(reports.lookup(number).status()).isEqualTo(ReportStatus.RESOLVED);
        assertThat(reports.get(queued.id()).steps()).extracting(ReportService.Step::action)
                .containsExactly(ReportStep.START, ReportStep.WITHDRAW_ARTICLE);
    }
}
