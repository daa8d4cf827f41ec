package cn.dayuan.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.dayuan.article.ViewCounter;
import cn.dayuan.portal.MostReadList;

/**
 * A backup of a running site restores into an empty data folder as the same site: every public page byte for byte,
 * the media, and identities that never hand out an id again (not even one of an article deleted before the
 * backup). The commands refuse a restore into a site that has content, and explain their usage.
 */
class BackupCommandsTest {

    @TempDir
    Path work;

    @Test
    void aBackupRestoresIntoAnEmptyDataFolderAsTheSameSite() throws Exception {
        Path backup = work.resolve("site.zip");
        Path restoredDir = work.resolve("restored");
        try (ConfigurableApplicationContext source = Sites.start(work.resolve("source"), "--dayuan.demo=true")) {
            JdbcTemplate jdbc = source.getBean(JdbcTemplate.class);
            long newest = jdbc.queryForObject("SELECT MAX(id) FROM article", Long.class);
            assertThat(Sites.api(source, "DELETE", "/api/v1/articles/" + newest, null).statusCode()).isEqualTo(204);

            // Views counted so far are written, and the sidebar's ranking announced, as on a site that has run a while.
            source.getBean(ViewCounter.class).flush();
            source.getBean(MostReadList.class).refresh();

            BackupService.Result result = source.getBean(BackupService.class).backup(backup);
            assertThat(result.rows()).isGreaterThan(100);
            assertThat(result.mediaFiles()).as("the demo pictures").isGreaterThan(10);
            assertThat(Files.size(backup)).isEqualTo(result.bytes());

            Run restore = run("restore", "--from", backup.toString(), "--dayuan.data-dir=" + restoredDir);
            assertThat(restore.status()).as(restore.err()).isZero();
            assertThat(restore.out()).contains("恢复完成").contains("文章 " + (jdbc.queryForObject(
                    "SELECT COUNT(*) FROM article", Long.class)) + " 篇");

            Map<String, String> before = Sites.pages(source);
            try (ConfigurableApplicationContext restored = Sites.start(restoredDir)) {
                assertThat(Sites.differences(before, Sites.pages(restored))).as("every public page").isEmpty();
                String picture = before.get("/").replaceFirst("(?s).*?src=\"(/media/[^\"]+)\".*", "$1");
                assertThat(new cn.dayuan.cluster.Browser().get(Sites.url(restored, picture)).statusCode())
                        .as(picture).isEqualTo(200);
                String created = Sites.api(restored, "POST", "/api/v1/articles", "{\"title\":\"恢复之后的新稿\","
                        + "\"channel\":\"" + jdbc.queryForObject("SELECT MIN(path) FROM channel", String.class)
                        + "\",\"body\":\"<p>新稿。</p>\"}").body();
                long id = Long.parseLong(created.replaceFirst("(?s)^\\{\"id\":(\\d+).*", "$1"));
                assertThat(id).as("never the id of the article deleted before the backup").isGreaterThan(newest);

                Run again = run("restore", "--from", backup.toString(), "--dayuan.data-dir=" + restoredDir);
                assertThat(again.status()).isEqualTo(1);
                assertThat(again.err()).contains("恢复失败").contains("不是空的");
            }
        }
    }

    @Test
    void theCommandsSayHowTheyAreUsed() throws Exception {
        Run backup = run("backup");
        assertThat(backup.status()).isEqualTo(2);
        assertThat(backup.err()).contains("用法：java -jar dayuan.jar backup --to");
        Run restore = run("restore", "--from", work.resolve("missing.zip").toString(),
                "--dayuan.data-dir=" + work.resolve("empty"));
        assertThat(restore.status()).isEqualTo(1);
        assertThat(restore.err()).contains("找不到备份文件");

        Path garbage = work.resolve("garbage.zip");
        Files.writeString(garbage, "这不是备份");
        Run notABackup = run("restore", "--from", garbage.toString(), "--dayuan.data-dir=" + work.resolve("empty"));
        assertThat(notABackup.status()).isEqualTo(1);
        assertThat(notABackup.err()).contains("不是大院的备份文件");
        assertThat(work.resolve("empty")).as("nothing written for a file that is no backup").doesNotExist();
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = BackupCommands.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
