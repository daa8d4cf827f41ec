package cn.dayuan.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.FileSystemUtils;

import cn.dayuan.article.ArticleDetail;
import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleStatus;
import cn.dayuan.article.ArticleSummary;
import cn.dayuan.channel.Channel;
import cn.dayuan.channel.ChannelService;
import cn.dayuan.system.ContentChangedEvent;
import cn.dayuan.system.DayuanProperties;
import cn.dayuan.system.ExclusiveWork;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dayuan.data-dir=target/test-data/StaticExportTest", "dayuan.admin-password=static-export-test-pw",
        "dayuan.base-url=" + StaticExportTest.ADDRESS})
@AutoConfigureMockMvc
@Import({TestPages.class, TestPages.Seeds.class})
class StaticExportTest {

    private static final String EDITOR = "admin";
    static final String ADDRESS = "https://www.daochu.example.cn";

    @LocalServerPort
    int port;
    @Autowired
    StaticExporter exporter;
    @Autowired
    TestPages pages;
    @Autowired
    ArticleService articles;
    @Autowired
    ChannelService channels;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    DayuanProperties properties;
    @Autowired
    MockMvc mvc;
    @Autowired
    ExclusiveWork exclusive;
    @Autowired
    PageCache pageCache;
    @Autowired
    cn.dayuan.system.Texts texts;
    @Autowired
    cn.dayuan.account.AccountService accountService;

    @Test
    void exportsTheWholeSiteThenRewritesOnlyWhatChanged(@TempDir Path temp) throws IOException {
        Path dir = Files.createDirectories(temp.resolve("site"));
        Channel channel = channels.create("导出测试", "daochu-" + Long.toString(System.currentTimeMillis(), 36), null,
                null, null);
        ArticleDetail kept = articles.create(PageCacheTest.draft(channel, "保留的文章", Instant.now().minusSeconds(90),
                ArticleStatus.PUBLISHED), EDITOR);
        ArticleDetail withdrawn = articles.create(PageCacheTest.draft(channel, "将被撤下的文章",
                Instant.now().minusSeconds(60), ArticleStatus.PUBLISHED), EDITOR);
        Path photo = properties.mediaDir().resolve("2026/11/photo.jpg");
        Files.createDirectories(photo.getParent());
        Files.write(photo, new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3});
        Files.writeString(dir.resolve("README.txt"), "运维人员自己的文件");
        pages.pageVersion = "一";
        events.publishEvent(ContentChangedEvent.of("test:versioned"));

        ExportProgress progress = new ExportProgress();
        ExportResult first = exporter.export(dir, EDITOR, progress);

        assertThat(first.written()).isEqualTo(first.files());
        assertThat(first.unchanged()).isZero();
        assertThat(first.deleted()).isZero();
        for (String file : new String[] {"test-pages/index.html", "test-pages/index_2.html", "test-pages/p/a.html",
                "test-pages/p/b.html", "test-pages/tag/行动/index.html", "test-pages/versioned.html",
                "test-pages/feed.xml", "test-pages/article/" + kept.id() + ".html",
                "test-pages/article/" + withdrawn.id() + ".html", "404.html",
                "webjars/htmx.org/2.0.10/dist/htmx.min.js", "assets/dayuan-test/export.css",
                "media/2026/11/photo.jpg", "feed.xml", "atom.xml", "sitemap.xml", "sitemap-news.xml",
                "robots.txt"}) {
            assertThat(dir.resolve(file)).as(file).isRegularFile();
        }
        assertThat(dir.resolve("test-pages/p/c.html")).as("a link with a query string").doesNotExist();
        assertThat(dir.resolve("test-pages/missing.html")).as("a broken link").doesNotExist();
        assertThat(dir.resolve("admin")).doesNotExist();
        assertThat(dir.resolve("captcha.png")).as("a new captcha every time: it stays with the portal").doesNotExist();
        assertThat(dir.resolve("jubao")).doesNotExist();
        assertThat(Files.readAllBytes(dir.resolve("test-pages/p/a.html")))
                .isEqualTo(new TestHttp(port).get("/test-pages/p/a.html").body());
        assertThat(Files.readString(dir.resolve("404.html"))).isNotBlank();
        assertThat(Files.getPosixFilePermissions(dir.resolve("test-pages/p/a.html")))
                .as("readable by the web server like any file written here")
                .isEqualTo(Files.getPosixFilePermissions(dir.resolve("README.txt")));
        ExportProgress.Snapshot figures = progress.snapshot();
        assertThat(figures.done()).as("every page, redirect and media file counted once")
                .isEqualTo(figures.total()).isGreaterThanOrEqualTo(first.files());
        assertThat(figures.percent()).isEqualTo(100);
        assertThat(figures.perSecond()).isPositive();
        assertThat(first.warnings()).isEmpty();
        assertThat(exportedText(dir)).as("absolute links use the public address, never the loopback one")
                .allSatisfy((file, text) -> assertThat(text).as(file)
                        .doesNotContain("127.0.0.1:" + port, "localhost:" + port));
        assertThat(Files.readString(dir.resolve("feed.xml"))).contains(ADDRESS + "/");
        assertThat(exportedBytes(dir)).as("every text file has its gzip and Brotli copy, for nginx to serve as is")
                .allSatisfy((file, bytes) -> {
                    if (file.matches(".*\\.(html|xml|txt|css|js)") && !file.equals("README.txt")) { // the operator's own
                        assertThat(gunzip(dir.resolve(file + ".gz"))).as(file + ".gz").isEqualTo(bytes);
                        assertThat(unbrotli(dir.resolve(file + ".br"))).as(file + ".br").isEqualTo(bytes);
                    }
                });
        assertThat(dir.resolve("media/2026/11/photo.jpg.gz")).as("pictures are compressed already").doesNotExist();

        ExportResult second = exporter.export(dir, null);
        assertThat(second.written()).isZero();
        assertThat(second.deleted()).isZero();
        assertThat(second.unchanged()).isEqualTo(first.files());

        // From here on only the test's own pages are asserted file by file: the real site's pages (exported too
        // once the portal is in) change with the same edits.
        Map<String, Object> before = snapshot(dir);
        pages.pageVersion = "二";
        events.publishEvent(ContentChangedEvent.of("test:versioned"));
        ExportResult third = exporter.export(dir, null);
        assertThat(rewritten(before, snapshot(dir))).hasSize(third.written())
                .filteredOn(f -> f.startsWith("test-pages/")).containsExactly("test-pages/versioned.html");
        assertThat(Files.readString(dir.resolve("test-pages/versioned.html"))).contains("版本二");

        // A retitled article changes its own page and the list on the entry page; the second list page and the
        // feed render again but come out byte for byte the same, so they are not rewritten.
        before = snapshot(dir);
        articles.update(kept.id(), PageCacheTest.draft(channel, "改过标题的文章", kept.publishedAt(),
                ArticleStatus.PUBLISHED), EDITOR);
        ExportResult retitled = exporter.export(dir, null);
        assertThat(rewritten(before, snapshot(dir))).hasSize(retitled.written())
                .filteredOn(f -> f.startsWith("test-pages/"))
                .containsExactlyInAnyOrder("test-pages/index.html", "test-pages/article/" + kept.id() + ".html");
        assertThat(Files.readString(dir.resolve("test-pages/article/" + kept.id() + ".html"))).contains("改过标题的文章");
        assertThat(new String(gunzip(dir.resolve("test-pages/article/" + kept.id() + ".html.gz")),
                StandardCharsets.UTF_8)).as("the copies follow the page").contains("改过标题的文章");

        before = snapshot(dir);
        articles.unpublish(withdrawn.id(), EDITOR);
        Files.delete(photo);
        ExportResult afterWithdrawal = exporter.export(dir, null);
        Map<String, Object> after = snapshot(dir);
        Set<String> deleted = new HashSet<>(before.keySet());
        deleted.removeAll(after.keySet());
        assertThat(deleted).hasSize(afterWithdrawal.deleted())
                .filteredOn(f -> f.startsWith("test-pages/") || f.startsWith("media/"))
                .containsExactlyInAnyOrder("test-pages/article/" + withdrawn.id() + ".html", "media/2026/11/photo.jpg");
        assertThat(rewritten(before, after)).hasSize(afterWithdrawal.written())
                .filteredOn(f -> f.startsWith("test-pages/")).as("the entry page no longer lists it")
                .containsExactly("test-pages/index.html");
        assertThat(dir.resolve("media/2026")).as("emptied folders go too").doesNotExist();
        assertThat(dir.resolve("test-pages/article/" + withdrawn.id() + ".html.gz")).as("copies go with their page")
                .doesNotExist();
        assertThat(dir.resolve("test-pages/article/" + withdrawn.id() + ".html.br")).doesNotExist();
        assertThat(dir.resolve("README.txt")).as("files the export did not write are left alone").exists();

        // An article published since is written (an export after another one seeds only the articles the changes
        // name), and a page removed from the folder by hand is made again although nothing it shows changed.
        ArticleDetail added = articles.create(PageCacheTest.draft(channel, "新发布的文章", Instant.now().minusSeconds(30),
                ArticleStatus.PUBLISHED), EDITOR);
        String keptPage = ArticleSummary.url(channel.getPath(), kept.id()).substring(1);
        Files.delete(dir.resolve(keptPage));
        ExportResult afterPublishing = exporter.export(dir, null);
        assertThat(dir.resolve(ArticleSummary.url(channel.getPath(), added.id()).substring(1))).isRegularFile();
        assertThat(Files.readString(dir.resolve(keptPage))).contains("改过标题的文章");
        assertThat(afterPublishing.rendered()).as("only the pages the new article and the removed file touch")
                .isLessThan(afterPublishing.files() / 2);

        // After these exports, each of a few pages, the folder holds the files a first export of the site writes.
        Path fresh = Files.createTempDirectory("export-fresh");
        try {
            exporter.export(fresh.resolve("site"), null);
            Set<String> exported = new HashSet<>(snapshot(dir).keySet());
            exported.remove("README.txt");
            assertThat(exported).isEqualTo(snapshot(fresh.resolve("site")).keySet());
        } finally {
            FileSystemUtils.deleteRecursively(fresh);
        }
    }

    @Test
    void theOldAddressesOfARenamedAndMovedChannelAreRedirectsInTheExport(@TempDir Path temp) throws IOException {
        Path dir = temp.resolve("site");
        String stamp = Long.toString(System.nanoTime(), 36);
        String shehui = "shehui-" + stamp;
        Channel region = channels.create("地方", "difang-" + stamp, null, null, null);
        Channel channel = channels.create("社会", shehui, null, null, null);
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            created.add(articles.create(PageCacheTest.draft(channel, "社会新闻第" + i + "条",
                    Instant.now().minusSeconds(600 - i), ArticleStatus.PUBLISHED), EDITOR).id());
        }
        try {
            exportRedirectsOfAMovedChannel(dir, stamp, region, channel, created.get(20));
        } finally {
            // The other tests' entry page lists the 20 newest articles: these must not stay among them.
            created.forEach(id -> articles.delete(id, EDITOR));
        }
    }

    private void exportRedirectsOfAMovedChannel(Path dir, String stamp, Channel region, Channel channel, long id)
            throws IOException {
        String shehui = "shehui-" + stamp;
        exporter.export(dir, null);
        assertThat(dir.resolve(shehui + "/index_2.html")).isRegularFile();
        assertThat(Files.readString(dir.resolve(shehui + "/index.html"))).contains("社会新闻第20条");

        String minsheng = "minsheng-" + stamp;
        channels.update(channel.getId(), "社会民生", minsheng, null, null, null);
        channels.update(channel.getId(), "社会民生", "minsheng2-" + stamp, region.getId(), null, null);
        String now = "difang-" + stamp + "/minsheng2-" + stamp;
        exporter.export(dir, null);

        String origin = ADDRESS;
        for (String old : List.of(shehui, minsheng)) {
            for (String page : List.of("", "index_2.html", id + ".html")) {
                Path stub = dir.resolve(old + "/" + (page.isEmpty() ? "index.html" : page));
                String target = origin + "/" + now + "/" + page;
                assertThat(Files.readString(stub)).as(stub.toString())
                        .contains("<meta http-equiv=\"refresh\" content=\"0; url=" + target + "\">")
                        .contains("<link rel=\"canonical\" href=\"" + target + "\">")
                        .contains("本页已迁移至 <a href=\"" + target + "\">")
                        .doesNotContain("社会新闻");
            }
            assertThat(dir.resolve(old + "/feed.xml")).as("a feed gets no HTML page, only its line in the map")
                    .doesNotExist();
            assertThat(dir.resolve(old + "/atom.xml")).doesNotExist();
        }
        assertThat(Files.readString(dir.resolve(now + "/index.html"))).contains("社会新闻第20条");
        String map = Files.readString(dir.resolve(ExportRedirects.MAP_FILE));
        assertThat(map).contains("map $uri $dayuan_redirect {\n", "    default \"\";\n",
                "    /" + shehui + " /" + now + "/;\n",
                "    /" + shehui + "/ /" + now + "/;\n",
                "    /" + shehui + "/index_2.html /" + now + "/index_2.html;\n",
                "    /" + shehui + "/feed.xml /" + now + "/feed.xml;\n",
                "    /" + shehui + "/atom.xml /" + now + "/atom.xml;\n",
                "    /" + minsheng + "/" + id + ".html /" + now + "/" + id + ".html;\n").endsWith("}\n");

        // Back to its first address: the real pages return there, and the redirects follow the channel.
        channels.update(channel.getId(), "社会", shehui, null, null, null);
        ExportResult back = exporter.export(dir, null);
        assertThat(Files.readString(dir.resolve(shehui + "/index.html"))).contains("社会新闻第20条")
                .doesNotContain("本页已迁移");
        assertThat(dir.resolve(shehui + "/feed.xml")).isRegularFile();
        assertThat(Files.readString(dir.resolve(now + "/" + id + ".html")))
                .contains("url=" + origin + "/" + shehui + "/" + id + ".html");
        assertThat(Files.readString(dir.resolve(minsheng + "/index.html"))).contains("url=" + origin + "/" + shehui + "/");
        map = Files.readString(dir.resolve(ExportRedirects.MAP_FILE));
        assertThat(map).doesNotContain("    /" + shehui + "/ ").contains("    /" + now + "/ /" + shehui + "/;\n");
        assertThat(dir.resolve(now + "/feed.xml")).as("the feed there is no more: a line in the map").doesNotExist();
        assertThat(back.deleted()).isPositive();

        channels.update(channel.getId(), "社会", "shehui2-" + stamp, null, null, null);
        exporter.export(dir, null);
        assertThat(Files.readString(dir.resolve(now + "/index.html"))).as("no chain: straight to the newest address")
                .contains("url=" + origin + "/shehui2-" + stamp + "/\"");
    }

    @Test
    void twoExportsOfTheSameContentAreTheSameBytes(@TempDir Path temp) throws IOException {
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");
        exporter.export(first, EDITOR);
        // Rendered again, not served from the cache: the pages themselves must come out the same.
        pageCache.clear();
        exporter.export(second, EDITOR);

        Map<String, byte[]> a = exportedBytes(first);
        Map<String, byte[]> b = exportedBytes(second);
        assertThat(b.keySet()).isEqualTo(a.keySet()).contains("index.html", "feed.xml", "sitemap.xml");
        assertThat(a).allSatisfy((file, bytes) -> assertThat(b.get(file)).as(file).isEqualTo(bytes));
        try (Stream<Path> walk = Files.walk(temp)) {
            assertThat(walk.map(p -> p.getFileName().toString())).as("no temporary file left behind")
                    .noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void aFullExportIsWrittenBesideThePublishedSiteAndSwappedInAtOnce(@TempDir Path temp) throws Exception {
        Path site = temp.resolve("site");
        pages.pageVersion = "一";
        events.publishEvent(ContentChangedEvent.of("test:versioned"));
        exporter.export(site, EDITOR);
        assertThat(site).as("the web server's folder is a link to the release it serves").isSymbolicLink();
        Path firstRelease = site.toRealPath();
        Files.writeString(site.resolve("baidu_verify_abc.html"), "百度站长验证");
        Map<String, Object> before = snapshot(site);

        // A damaged manifest makes the next export build every page: into a new release beside the served one.
        Files.writeString(site.resolve(ExportManifest.FILE_NAME), "damaged\tmanifest\n");
        pages.pageVersion = "二";
        events.publishEvent(ContentChangedEvent.of("test:versioned"));
        CountDownLatch gate = new CountDownLatch(1);
        pages.versionedMayRender = gate;
        var background = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.Future<ExportResult> running;
        try {
            running = background.submit(() -> exporter.export(site, EDITOR));
            Path releases = temp.resolve(".site.releases");
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!halfWritten(releases, firstRelease)) {
                assertThat(System.nanoTime()).as("the new release is being written").isLessThan(deadline);
                Thread.sleep(20);
            }
            assertThat(site.toRealPath()).as("half-way, readers still get the last export").isEqualTo(firstRelease);
            assertThat(Files.readString(site.resolve("test-pages/versioned.html"))).contains("版本一");
            assertThat(snapshot(site)).isEqualTo(before);
        } finally {
            gate.countDown();
            pages.versionedMayRender = null;
        }
        ExportResult full = running.get(60, java.util.concurrent.TimeUnit.SECONDS);
        background.shutdown();

        assertThat(site.toRealPath()).isNotEqualTo(firstRelease);
        assertThat(Files.readString(site.resolve("test-pages/versioned.html"))).contains("版本二");
        assertThat(Files.readString(site.resolve("baidu_verify_abc.html"))).as("the operator's file comes along")
                .isEqualTo("百度站长验证");
        Map<String, Object> after = snapshot(site);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        assertThat(rewritten(before, after)).as("a page that came out the same is the same file, time and all")
                .hasSize(full.written()).filteredOn(f -> f.startsWith("test-pages/"))
                .containsExactly("test-pages/versioned.html");
        assertThat(Files.readString(firstRelease.resolve("test-pages/versioned.html")))
                .as("the replaced release is kept, to go back to").contains("版本一");

        // A full export that fails publishes nothing: the site stays as the last complete export left it.
        Path served = site.toRealPath();
        Files.writeString(site.resolve(ExportManifest.FILE_NAME), "damaged\tmanifest\n");
        pages.versionedFails = true;
        events.publishEvent(ContentChangedEvent.of("test:versioned"));
        try {
            assertThatThrownBy(() -> exporter.export(site, null))
                    .isInstanceOfSatisfying(ExportException.class, e -> assertThat(texts.of(e))
                            .startsWith("导出未完成").contains("网站仍是上次导出的内容", "/test-pages/versioned.html"));
        } finally {
            pages.versionedFails = false;
        }
        assertThat(site.toRealPath()).isEqualTo(served);
        assertThat(Files.readString(site.resolve("test-pages/versioned.html"))).contains("版本二");
        try (Stream<Path> releases = Files.list(temp.resolve(".site.releases"))) {
            assertThat(releases).as("the failed release is gone; the served one and the one before it are kept")
                    .containsExactlyInAnyOrder(served, firstRelease);
        }

        exporter.export(site, null);
        try (Stream<Path> releases = Files.list(temp.resolve(".site.releases"))) {
            assertThat(releases).as("older releases are deleted").hasSize(2).doesNotContain(firstRelease);
        }
    }

    @Test
    void whereNoReleaseCanBeMadeBesideTheFolderTheExportWritesInPlaceAndSaysSo(@TempDir Path temp) throws IOException {
        Path site = temp.resolve("site");
        Files.writeString(temp.resolve(".site.releases"), "a file where the releases would go");

        ExportResult result = exporter.export(site, null);

        assertThat(Files.isSymbolicLink(site)).isFalse();
        assertThat(site.resolve("test-pages/p/a.html")).isRegularFile();
        assertThat(result.warnings()).singleElement().asString().contains(site.toString(), "逐个文件写入原目录");
    }

    /** Whether a release other than {@code served} holds a page already. */
    private static boolean halfWritten(Path releases, Path served) throws IOException {
        if (!Files.isDirectory(releases)) {
            return false;
        }
        try (Stream<Path> all = Files.list(releases)) {
            return all.anyMatch(release -> !release.equals(served)
                    && Files.isRegularFile(release.resolve("test-pages/p/a.html")));
        }
    }

    /** Every exported file's bytes but the manifest's (which holds the files' times). */
    private static Map<String, byte[]> exportedBytes(Path published) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        Path dir = published.toRealPath();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = dir.relativize(file).toString();
                if (!name.equals(ExportManifest.FILE_NAME)) {
                    files.put(name, Files.readAllBytes(file));
                }
            }
        }
        return files;
    }

    private static Map<String, String> exportedText(Path dir) throws IOException {
        Map<String, String> texts = new TreeMap<>();
        exportedBytes(dir).forEach((name, bytes) -> {
            if (name.endsWith(".html") || name.endsWith(".xml") || name.endsWith(".txt") || name.endsWith(".map")) {
                texts.put(name, new String(bytes, StandardCharsets.UTF_8));
            }
        });
        return texts;
    }

    private static byte[] gunzip(Path file) {
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] unbrotli(Path file) {
        try {
            com.aayushatharva.brotli4j.Brotli4jLoader.ensureAvailability();
            return com.aayushatharva.brotli4j.decoder.Decoder.decompress(Files.readAllBytes(file)).getDecompressedData();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Each exported file's inode and time: a rewrite replaces the file, so they change. The compressed copies are left
     * out: they are rewritten with their page.
     */
    private static Map<String, Object> snapshot(Path published) throws IOException {
        Map<String, Object> files = new HashMap<>();
        Path dir = published.toRealPath();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = dir.relativize(file).toString();
                if (!name.equals(ExportManifest.FILE_NAME) && !name.endsWith(".gz") && !name.endsWith(".br")) {
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                    files.put(name, Arrays.asList(attributes.fileKey(), attributes.lastModifiedTime()));
                }
            }
        }
        return files;
    }

    private static List<String> rewritten(Map<String, Object> before, Map<String, Object> after) {
        return after.entrySet().stream().filter(e -> !e.getValue().equals(before.get(e.getKey())))
                .map(Map.Entry::getKey).sorted().toList();
    }

    @Test
    void aFolderThatCannotBeWrittenIsReportedClearly(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");

        assertThatThrownBy(() -> exporter.export(file.resolve("site"), null))
                .isInstanceOfSatisfying(ExportException.class, e -> assertThat(texts.of(e))
                        .startsWith("导出目录不可写：").contains("not-a-folder"));
    }

    @Test
    void theNewsroomStartsTheExportInTheBackgroundAndFollowsIt() throws Exception {
        mvc.perform(get("/admin/export").with(editor()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("name=\"_csrf\""),
                        org.hamcrest.Matchers.containsString("href=\"/assets/newsroom.css\""),
                        org.hamcrest.Matchers.containsString("src=\"/assets/export.js\""),
                        org.hamcrest.Matchers.containsString("href=\"/admin\""),
                        org.hamcrest.Matchers.containsString("<code>.gz、.br</code> 副本"),
                        org.hamcrest.Matchers.containsString("开始导出"))));
        // The export waits on one page until the test lets it go: a request that ran it would not come back.
        CountDownLatch gate = new CountDownLatch(1);
        pages.versionedMayRender = gate;
        events.publishEvent(ContentChangedEvent.of("test:versioned"));
        try {
            mvc.perform(post("/admin/export").with(csrf()).with(editor()))
                    .andExpect(status().isSeeOther()).andExpect(redirectedUrl("/admin/export"))
                    .andExpect(flash().attribute("busy", false));
            String running = statusJson();
            assertThat(running).contains("\"running\":true", "\"startedBy\":\"bianji\"");
            mvc.perform(post("/admin/export").with(csrf()).with(editor()))
                    .andExpect(status().isSeeOther()).andExpect(flash().attribute("busy", true));
            assertThat(statusJson()).as("still the first one").contains("\"startedBy\":\"bianji\"");
            assertThat(page()).contains("正在导出", "export-progress");
        } finally {
            gate.countDown();
            pages.versionedMayRender = null;
        }
        awaitEnd();
        String shown = page();
        assertThat(shown).contains("上次导出完成：bianji", "<td id=\"files\">").doesNotContain("正在导出（");
        assertThat(properties.exportDir().resolve("test-pages/versioned.html")).isRegularFile();
    }

    @Test
    void aFailedBackgroundExportIsShownAsAReadableText() throws Exception {
        // Another node holds the export lock: this node's export is refused, and the page says so in Chinese.
        exclusive.runIfFree("static-export", java.time.Duration.ofMinutes(1), () -> {
            try {
                mvc.perform(post("/admin/export").with(csrf()).with(editor()))
                        .andExpect(status().isSeeOther());
                awaitEnd();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(statusJson()).contains("\"lastFailed\":true");
        assertThat(page()).contains("上次导出失败", "已有导出任务正在进行（本机或另一台服务器），请稍后再试")
                .doesNotContain("publish.export");
    }

    /** An editor account that exists, as the newsroom's permissions ask for one. */
    private org.springframework.test.web.servlet.request.RequestPostProcessor editor() {
        if (accountService.findByUsername("bianji").isEmpty()) {
            accountService.create("bianji", "编辑", null, "bianji-export-pw", cn.dayuan.account.Role.EDITOR);
        }
        return user("bianji").roles("EDITOR", "AUTHOR");
    }

    private String statusJson() throws Exception {
        return mvc.perform(get("/admin/export/status").with(editor()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String page() throws Exception {
        return mvc.perform(get("/admin/export").with(editor()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private void awaitEnd() throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (statusJson().contains("\"running\":true")) {
            assertThat(System.nanoTime()).as("the export ends").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void authorsAndForgedRequestsCannotExport() throws Exception {
        mvc.perform(get("/admin/export").with(user("zuozhe").roles("AUTHOR")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/export").with(csrf()).with(user("zuozhe").roles("AUTHOR")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/export").with(user("bianji").roles("EDITOR", "AUTHOR")))
                .andExpect(status().isForbidden());
    }
}
