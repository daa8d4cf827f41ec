package cn.dayuan.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.dayuan.DayuanApplication;

/** {@code java -jar dayuan.jar export --to DIR}, run in this JVM. */
class ExportCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ExportCommand.run(DayuanApplication.class, args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void withoutATargetFolderItExplainsItsUsage() {
        assertThat(run("export")).isEqualTo(ExportCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("用法：java -jar dayuan.jar export --to 目录");
    }

    @Test
    void aFolderThatCannotBeWrittenFailsBeforeTheApplicationStarts(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("occupied"), "x");

        assertThat(run("export", "--to", file.resolve("site").toString())).isEqualTo(ExportCommand.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("导出失败：导出目录不可写").contains("occupied");
    }

    @Test
    void itStartsTheApplicationExportsAndReportsTheCountsAndItsProgress(@TempDir Path dir) throws IOException {
        int status = run("export", "--to=" + dir, "--dayuan.data-dir=target/test-data/ExportCommandTest",
                "--dayuan.admin-password=export-command-test-pw", "--dayuan.base-url=https://www.example.cn");

        String errors = err.toString(StandardCharsets.UTF_8);
        assertThat(status).as(errors).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("导出完成").contains(dir.toString());
        assertThat(errors).as("not a terminal: whole lines, no carriage returns").doesNotContain("\r")
                .containsPattern("导出进度：100%，(\\d+) / \\1 个文件，每秒 [0-9.]+ 个\n");
        assertThat(dir.resolve(StaticExporter.NOT_FOUND_FILE)).isRegularFile();
        assertThat(dir.resolve(ExportManifest.FILE_NAME)).isRegularFile();
        assertThat(Files.readString(dir.resolve("about.html"))).contains("https://www.example.cn/about.html")
                .doesNotContain("127.0.0.1");
    }

    @Test
    void withoutAPublicAddressItRefusesInsteadOfPrintingItsLoopbackAddress(@TempDir Path dir) throws IOException {
        int status = run("export", "--to=" + dir, "--dayuan.data-dir=target/test-data/ExportCommandTest-no-address",
                "--dayuan.admin-password=export-command-test-pw");

        assertThat(status).isEqualTo(ExportCommand.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("导出失败：尚未设置网站的公开地址")
                .contains("--dayuan.base-url=").doesNotContain("publish.export");
        try (var files = Files.list(dir)) {
            assertThat(files).as("nothing written").isEmpty();
        }
    }
}
