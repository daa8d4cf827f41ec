package cn.dayuan.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import cn.dayuan.DayuanApplication;
import cn.dayuan.article.ArticleDetail;
import cn.dayuan.article.ArticleDraft;
import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleStatus;
import cn.dayuan.article.ArticleSummary;
import cn.dayuan.channel.ChannelService;

/** {@code java -jar dayuan.jar export --to DIR}, run in this JVM. */
class ExportCommandTest {

    /** Long enough for a full export of the demo site to end before the article's time, on a slow machine. */
    private static final long SCHEDULED_AHEAD_SECONDS = 30;

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
    void startedFromTheJarItExportsInAJvmSetForABatchRunWhoseOptionsTheOperatorsStillOverride() {
        String[] args = {"export", "--to", "/srv/site", "--dayuan.base-url=https://www.example.cn"};

        assertThat(ExportCommand.batchJvmCommand("/usr/bin/java", ExportJvm.Launch.plain(Path.of("dayuan.jar")),
                List.of("-Xmx512m"), args))
                .containsExactly("/usr/bin/java", "-XX:TieredStopAtLevel=1", "-Xmx512m", "-jar", "dayuan.jar",
                        "export", "--to", "/srv/site", "--dayuan.base-url=https://www.example.cn");
        assertThat(ExportCommand.runsInBatchJvm("/usr/bin/java", "dayuan.jar", false)).isTrue();
        assertThat(ExportCommand.runsInBatchJvm("/usr/bin/java", "dayuan.jar", true))
                .as("the operator chose the compilers: the export runs in this JVM").isFalse();
        assertThat(ExportCommand.runsInBatchJvm("/usr/bin/java", "target/classes" + File.pathSeparator + "lib.jar",
                false)).as("not started from the jar (tests, an IDE)").isFalse();
        assertThat(ExportCommand.runsInBatchJvm(null, "dayuan.jar", false)).as("no launcher to start").isFalse();
    }

    @Test
    void theBatchJvmStartsFromTheExtractedJarWithTheClassDataArchiveOfATrainingStart() {
        Path jar = Path.of("/opt/dayuan/.dayuan.jar.export-jvm/1-2/dayuan.jar");
        Path archive = Path.of("/opt/dayuan/.dayuan.jar.export-jvm/1-2-17.0.15.jsa");
        String[] args = {"export", "--to", "/srv/site"};

        assertThat(ExportCommand.batchJvmCommand("/usr/bin/java", ExportJvm.launch(jar, archive, true),
                List.of("-Xmx512m"), args)).containsExactly("/usr/bin/java", "-XX:TieredStopAtLevel=1",
                "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Xmx512m", "-jar",
                jar.toString(), "export", "--to", "/srv/site");
        assertThat(ExportJvm.launch(jar, archive, false).options()).as("no archive could be made")
                .containsExactly("-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        assertThat(ExportCommand.batchJvmCommand("/usr/bin/java",
                new ExportJvm.Launch(jar, ExportJvm.writing(archive, 4242)), List.of("-Xmx512m"), args))
                .as("the training start: the same command, stopped once the application is up")
                .containsExactly("/usr/bin/java", "-XX:TieredStopAtLevel=1",
                        "-XX:ArchiveClassesAtExit=" + archive + ".4242.tmp", "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                        "-Dspring.context.exit=onRefresh", "-Xmx512m", "-jar", jar.toString(), "export", "--to",
                        "/srv/site");
    }

    @Test
    void aJarWhoseFolderCannotHoldTheExtractedCopyRunsAsItIs(@TempDir Path temp) throws IOException {
        Path jar = Files.writeString(temp.resolve("dayuan.jar"), "not really a jar");
        Files.writeString(temp.resolve(".dayuan.jar.export-jvm"), "a file in the way");

        assertThat(ExportJvm.prepare("/usr/bin/java", jar, "17.0.15", (extracted, archiving) -> List.of("false")))
                .isEqualTo(ExportJvm.Launch.plain(jar));
    }

    @Test
    void itStartsTheApplicationExportsAndReportsTheCountsAndItsProgress(@TempDir Path temp) throws IOException {
        Path dir = temp.resolve("site");
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

    /**
     * Each export is a new start of the application, as from the command line: what the second and third know of the
     * first comes from the export folder's manifest and the change log in the database, nothing kept in memory.
     */
    @Test
    void anExportAfterARestartBuildsOnlyThePagesThatShowWhatChanged(@TempDir Path temp) throws IOException {
        Path dir = temp.resolve("site");
        String[] site = {"--dayuan.data-dir=target/test-data/ExportCommandTest-incremental", "--dayuan.demo=true",
                "--dayuan.admin-password=export-command-test-pw", "--dayuan.base-url=https://www.example.cn"};
        ExportFigures full = export(dir, site);
        assertThat(full.rendered()).as("the first export builds every page").isGreaterThan(30);
        assertThat(full.written()).isEqualTo(full.files());

        // The demo's views reach the database after the first export: the next start announces the new ranking.
        export(dir, site);
        ExportFigures unchanged = export(dir, site);
        assertThat(unchanged.written()).isZero();
        assertThat(unchanged.rendered()).as("nothing changed: only pages that record no keys (scripts, styles)")
                .isLessThan(full.rendered() / 5);

        String page;
        try (ConfigurableApplicationContext running = new SpringApplication(DayuanApplication.class)
                .run(withArgs(site, "--server.port=0"))) {
            ArticleService articles = running.getBean(ArticleService.class);
            ArticleSummary oldest = running.getBean(ChannelService.class).tree().all().stream()
                    .flatMap(channel -> articles.publicInChannel(channel.id(), 0, 100).getContent().stream())
                    .min(Comparator.comparing(ArticleSummary::publishedAt)).orElseThrow();
            ArticleDetail article = articles.findPublic(oldest.id()).orElseThrow();
            articles.update(article.id(), new ArticleDraft("重新起的标题：" + article.title(), article.subtitle(),
                    article.summary(), article.body(), article.channelPath(), article.author(), article.source(),
                    article.sourceUrl(), article.editor(), article.tagNames(), article.rightsType(),
                    article.publishedAt(), article.status(), article.coverImage(), article.headline(),
                    article.pinned(), article.commentsOpen(), article.provenance()), "admin");
            page = article.url().substring(1);
        }
        ExportFigures edited = export(dir, site);
        assertThat(Files.readString(dir.resolve(page))).contains("重新起的标题：");
        assertThat(edited.written()).as("the article's page and the few lists that show it").isBetween(1, 12);
        assertThat(edited.rendered()).as("the pages the edit touched, not the site")
                .isLessThan(unchanged.rendered() + 15).isLessThan(full.rendered() / 2);

        Files.writeString(dir.resolve(ExportManifest.FILE_NAME), "damaged\tmanifest\n");
        ExportFigures afterDamage = export(dir, site);
        assertThat(afterDamage.rendered()).as("a damaged manifest: every page is built again")
                .isEqualTo(full.rendered());
        assertThat(afterDamage.written()).as("and no file comes out different").isZero();
    }

    /**
     * An article saved for a later time goes public when that time comes, which no commit announces. When that
     * happens after one export and no portal runs before the next, the next export announces it itself before it
     * reads what changed.
     */
    @Test
    void anArticleWhoseTimeCameWhileNoPortalRanIsInTheNextExport(@TempDir Path temp) throws Exception {
        Path dir = temp.resolve("site");
        String[] site = {"--dayuan.data-dir=" + temp.resolve("data"), "--dayuan.demo=true",
                "--dayuan.admin-password=export-command-test-pw", "--dayuan.base-url=https://www.example.cn",
                // No scheduler looks for articles whose time has come within this test, the export's own included.
                "--dayuan.scheduled-publish-check=1h"};
        Instant goesPublic;
        ArticleDetail scheduled;
        try (ConfigurableApplicationContext running = new SpringApplication(DayuanApplication.class)
                .run(withArgs(site, "--server.port=0"))) {
            String channel = running.getBean(ChannelService.class).tree().menu().get(0).path();
            goesPublic = Instant.now().plusSeconds(SCHEDULED_AHEAD_SECONDS);
            scheduled = running.getBean(ArticleService.class).create(new ArticleDraft("定时发布的通知", null, null,
                    "<p>明天上午九点起施工。</p>", channel, null, null, null, null, List.of(), null, goesPublic,
                    ArticleStatus.PUBLISHED, null, false, false, true), "admin");
        }
        export(dir, site);
        assertThat(Instant.now()).as("the export ended before the article's time").isBefore(goesPublic);
        Path page = dir.resolve(scheduled.url().substring(1));
        assertThat(page).doesNotExist();

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), goesPublic).toMillis() + 200));
        export(dir, site);
        assertThat(page).as("its page").isRegularFile();
        assertThat(Files.readString(dir.resolve(scheduled.channelPath() + "/index.html")))
                .as("its channel's list").contains("定时发布的通知");
        assertThat(Files.readString(dir.resolve("index.html"))).as("the home page").contains("定时发布的通知");
    }

    /**
     * The kinds of compressed copies are the operator's choice. A change of them builds every page again into a new
     * release, so no copy of a kind no longer made stays beside its page, where nginx would serve it.
     */
    @Test
    void theExportWritesTheCompressedCopiesConfiguredAndNoOthers(@TempDir Path temp) throws IOException {
        Path dir = temp.resolve("site");
        String[] site = {"--dayuan.data-dir=" + temp.resolve("data"), "--dayuan.demo=true",
                "--dayuan.admin-password=export-command-test-pw", "--dayuan.base-url=https://www.example.cn"};
        ExportFigures both = export(dir, site);
        Map<String, Long> files = filesBySuffix(dir);
        assertThat(files.get("text")).as("HTML, XML, CSS, JS and text files").isGreaterThan(30);
        assertThat(files).as("by default a gzip and a Brotli copy of each")
                .containsEntry(".gz", files.get("text")).containsEntry(".br", files.get("text"));

        ExportFigures gzipOnly = export(dir, withArgs(site, "--dayuan.export-compressed-copies=gzip"));
        assertThat(gzipOnly.rendered()).as("every page built again").isEqualTo(both.rendered());
        assertThat(filesBySuffix(dir)).containsEntry("text", files.get("text"))
                .containsEntry(".gz", files.get("text")).doesNotContainKey(".br");

        export(dir, withArgs(site, "--dayuan.export-compressed-copies="));
        assertThat(filesBySuffix(dir)).as("an empty setting: none").containsEntry("text", files.get("text"))
                .doesNotContainKeys(".gz", ".br");

        out.reset();
        err.reset();
        assertThat(run(withArgs(new String[] {"export", "--to=" + dir},
                withArgs(site, "--dayuan.export-compressed-copies=zstd")))).isEqualTo(ExportCommand.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).as("a kind it cannot write is refused at start")
                .contains("设置项 dayuan.export-compressed-copies 的值“zstd”无效");
    }

    /** The export's files (the published link followed) counted by kind: {@code .gz}, {@code .br}, text, others. */
    private static Map<String, Long> filesBySuffix(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir.toRealPath())) {
            return files.filter(Files::isRegularFile).map(file -> file.getFileName().toString())
                    .collect(Collectors.groupingBy(name -> name.endsWith(".gz") ? ".gz" : name.endsWith(".br") ? ".br"
                            : Precompressed.applies(name) ? "text" : "other", Collectors.counting()));
        }
    }

    record ExportFigures(int files, int written, int rendered) {
    }

    private ExportFigures export(Path dir, String... site) {
        out.reset();
        err.reset();
        int status = run(withArgs(new String[] {"export", "--to=" + dir}, site));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Matcher summary = Pattern.compile("共 (\\d+) 个文件，写入 (\\d+) 个.*生成页面 (\\d+) 个").matcher(printed);
        assertThat(summary.find()).as(printed).isTrue();
        return new ExportFigures(Integer.parseInt(summary.group(1)), Integer.parseInt(summary.group(2)),
                Integer.parseInt(summary.group(3)));
    }

    private static String[] withArgs(String[] first, String... more) {
        String[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    @Test
    void withoutAPublicAddressItRefusesInsteadOfPrintingItsLoopbackAddress(@TempDir Path temp) throws IOException {
        Path dir = temp.resolve("site");
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
