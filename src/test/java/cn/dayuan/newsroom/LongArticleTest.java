package cn.dayuan.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

import cn.dayuan.article.ArticleService;
import cn.dayuan.channel.ChannelService;
import cn.dayuan.cluster.Browser;

/**
 * Long articles through the real web server, as an editor pastes them: one body limit for the form and the API,
 * and a body over it comes back in the form with the message, nothing lost.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dayuan.data-dir=" + LongArticleTest.DATA_DIR, "dayuan.admin-password=" + LongArticleTest.PASSWORD})
class LongArticleTest {

    static final String DATA_DIR = "target/test-data/LongArticleTest";
    static final String PASSWORD = "long-article-pw";

    static {
        FileSystemUtils.deleteRecursively(Path.of(DATA_DIR).toFile());
    }

    @LocalServerPort
    int port;
    @Autowired
    ChannelService channels;
    @Autowired
    ArticleService articles;

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
