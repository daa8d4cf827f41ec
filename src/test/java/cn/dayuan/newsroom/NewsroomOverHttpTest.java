package cn.dayuan.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

import cn.dayuan.account.AccountService;
import cn.dayuan.account.Role;
import cn.dayuan.article.ArticleDraft;
import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleStatus;
import cn.dayuan.article.RightsType;
import cn.dayuan.channel.ChannelService;
import cn.dayuan.cluster.Browser;

/**
 * The newsroom through the real web server, as editors use it: long articles pasted in (one body limit for the form
 * and the API, a body over it comes back in the form), and two editors saving the same article.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dayuan.data-dir=" + NewsroomOverHttpTest.DATA_DIR, "dayuan.admin-password=" + NewsroomOverHttpTest.PASSWORD})
class NewsroomOverHttpTest {

    static final String DATA_DIR = "target/test-data/NewsroomOverHttpTest";
    static final String PASSWORD = "over-http-pw";

    static {
        FileSystemUtils.deleteRecursively(Path.of(DATA_DIR).toFile());
    }

    @LocalServerPort
    int port;
    @Autowired
    ChannelService channels;
    @Autowired
    ArticleService articles;
    @Autowired
    AccountService accounts;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void anAuthorUploadsPicturesFromTheEditorAndFindsThemInTheLibrary() throws Exception {
        accounts.create("xiaoli", "作者小李", null, "Xiaoli-2026-pw", Role.AUTHOR);
        String base = "http://localhost:" + port;
        Browser author = new Browser();
        author.login(base, "xiaoli", "Xiaoli-2026-pw");
        author.get(base + "/admin/articles/new");

        HttpResponse<String> uploaded = author.upload(base + "/admin/media", "街景.png",
                cn.dayuan.media.TestPictures.png(1200, 900), "application/json");
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        assertThat(uploaded.body()).containsPattern("\"url\":\"/media/\\d{4}/\\d{2}/[0-9a-f]{24}\\.png\"")
                .containsPattern("\"coverUrl\":\"/media/[^\"]+-800\\.png\"");
        HttpResponse<String> refused = author.upload(base + "/admin/media", "shell.jpg",
                "<?php echo 1; ?>".getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("只能上传 JPEG、PNG、GIF 或 WebP 图片");

        String library = author.get(base + "/admin/media").body();
        assertThat(library).contains("图片库", "街景.png", "缺少替代文字");
        String id = library.replaceAll("(?s).*href=\"/admin/media/(\\d+)\".*", "$1");
        assertThat(author.post(base + "/admin/media/" + id, "alt", "老城区的街景", "credit", "作者小李 摄")
                .statusCode()).isEqualTo(303);
        assertThat(author.get(base + "/admin/media/" + id).body()).contains("老城区的街景", "作者小李 摄",
                "还没有文章使用这张图片", "-320.png");

        // the library's own form, without JavaScript: the token travels in the address
        HttpResponse<String> form = author.upload(base + "/admin/media", "第二张.png",
                cn.dayuan.media.TestPictures.png(300, 200), "text/html");
        assertThat(form.statusCode()).isEqualTo(303);
        assertThat(form.headers().firstValue("Location").orElse("")).matches(".*/admin/media/\\d+");
    }

    @Test
    void editorsSeeWhatReadersSearchedForThisWeekAndWhatFoundNothingButNotWho() {
        channels.create("搜索统计", "sousuo", null, null, null);
        articles.create(new ArticleDraft("太原公交线路调整", null, null, "<p>太原多条公交线路优化调整。</p>", "sousuo",
                null, null, null, null, List.of(), RightsType.ORIGINAL, null, ArticleStatus.PUBLISHED, null, false, false,
                true), "admin");
        String base = "http://localhost:" + port;
        Browser reader = new Browser();
        for (String q : new String[] {"太原", "太原", "  太原 ", "ＴＡＩＹＵＡＮ公交", "taiyuan公交", "晋祠门票多少钱", "晋祠门票多少钱",
                "13912345678", "139-1234-5678", "zhang.san@example.cn", ""}) {
            assertThat(reader.get(base + "/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).statusCode())
                    .isEqualTo(200);
        }
        assertThat(reader.get(base + "/search?q=" + URLEncoder.encode("太原", StandardCharsets.UTF_8) + "&page=2")
                .statusCode()).as("turning pages is not another search").isEqualTo(200);

        Browser editor = new Browser();
        editor.login(base, "admin", PASSWORD);
        String page = editor.get(base + "/admin/search-queries").body();
        String frequent = page.replaceAll("(?s).*<table class=\"table\" id=\"frequent\">(.*?)</table>.*", "$1");
        String unanswered = page.replaceAll("(?s).*<table class=\"table\" id=\"unanswered\">(.*?)</table>.*", "$1");
        assertThat(frequent.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim()).as(page)
                .startsWith("搜索词 次数 无结果 太原 3 0 ")
                .contains("taiyuan公交 2 0", "晋祠门票多少钱 2 2").doesNotContain("ｔａｉｙｕａｎ");
        assertThat(unanswered).as("taiyuan finds 太原 by its pinyin").contains("晋祠门票多少钱")
                .doesNotContain("太原", "taiyuan");
        assertThat(page).as("numbers and addresses that may name a person are not kept")
                .doesNotContain("13912345678", "1234-5678", "example.cn");
        assertThat(jdbc.queryForList("SELECT column_name FROM information_schema.columns"
                + " WHERE LOWER(table_name) = 'search_query_week'", String.class))
                .map(name -> name.toLowerCase(java.util.Locale.ROOT))
                .containsExactlyInAnyOrder("week_start", "query_text", "searches", "without_results");

        accounts.create("zuozhe_ss", "作者", null, "Zuozhe-2026-pw", Role.AUTHOR);
        Browser author = new Browser();
        author.login(base, "zuozhe_ss", "Zuozhe-2026-pw");
        assertThat(author.get(base + "/admin/search-queries").statusCode()).isEqualTo(403);
    }

    @Test
    void theSecondOfTwoEditorsSavingTheSameArticleIsToldWhatChangedAndKeepsTheirText() {
        channels.create("并发", "bingfa", null, null, null);
        accounts.create("laowang", "编辑老王", null, "Laowang-2026-pw", Role.EDITOR);
        long id = articles.create(new ArticleDraft("两位编辑同时打开的文章", null, null, "<p>原来的正文。</p>", "bingfa",
                null, null, null, null, List.of(), RightsType.ORIGINAL, null, ArticleStatus.DRAFT, null, false, false,
                true), "admin").id();
        String base = "http://localhost:" + port;
        Browser first = new Browser();
        first.login(base, "admin", PASSWORD);
        Browser second = new Browser();
        second.login(base, "laowang", "Laowang-2026-pw");
        String firstForm = first.get(base + "/admin/articles/" + id + "/edit").body();
        second.get(base + "/admin/articles/" + id + "/edit");
        String version = firstForm.replaceAll("(?s).*name=\"version\" value=\"(\\d+)\".*", "$1");

        HttpResponse<String> saved = first.post(base + "/admin/articles/" + id, "title", "第一位编辑改的标题",
                "channel", "bingfa", "body", "<p>第一位编辑的正文。</p>", "version", version, "action", "draft");
        assertThat(saved.statusCode()).isEqualTo(303);
        HttpResponse<String> refused = second.post(base + "/admin/articles/" + id, "title", "第二位编辑改的标题",
                "channel", "bingfa", "body", "<p>第二位编辑辛苦写的正文。</p>", "version", version, "action", "draft");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("其他人保存了新的版本", "admin", "标题", "第二位编辑改的标题",
                "第二位编辑辛苦写的正文");
        assertThat(articles.get(id).title()).isEqualTo("第一位编辑改的标题");
    }

    @Test
    void aLongBodyIsSavedAndAnOverLongOneComesBackWithEveryCharacter() {
        channels.create("长文", "changwen", null, null, null);
        Browser editor = new Browser();
        String base = "http://localhost:" + port;
        editor.login(base, "admin", PASSWORD);
        editor.get(base + "/admin/articles/new");

        String paragraph = "<p>" + "区防汛指挥部部署汛后水毁设施修复工作，全面排查道路、堤防和排水设施。".repeat(20) + "</p>";
        String longBody = paragraph.repeat(60);
        assertThat(longBody.length()).isGreaterThan(40_000);
        HttpResponse<String> saved = editor.post(base + "/admin/articles", "title", "四万字的长篇报道",
                "channel", "changwen", "body", longBody, "action", "draft");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
        long id = Long.parseLong(saved.headers().firstValue("Location").orElseThrow()
                .replaceAll(".*/articles/(\\d+)/edit$", "$1"));
        assertThat(articles.get(id).body()).hasSize(longBody.length());

        String tooLong = paragraph.repeat(ArticleService.MAX_BODY_LENGTH / paragraph.length() + 1);
        editor.get(base + "/admin/articles/new");
        HttpResponse<String> refused = editor.post(base + "/admin/articles", "title", "超长的报道",
                "channel", "changwen", "body", tooLong, "action", "draft");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("正文太长", "超长的报道")
                .contains(tooLong.replace("<", "&lt;").replace(">", "&gt;"));
    }
}
