package cn.dayuan.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.Field;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import cn.dayuan.DayuanApplication;
import cn.dayuan.article.ArticleDraft;
import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleStatus;
import cn.dayuan.article.RightsType;
import cn.dayuan.channel.ChannelService;

/**
 * Building the index again (issue 11 item 6), on whole sites started and stopped on one data folder: readers keep
 * finding what the old index holds while a build runs, an index of an older version is rebuilt in place, and a
 * damaged index, or one that cannot take this version's entries, is replaced at start.
 */
class SearchIndexBuildTest {

    private static final Path DATA = Path.of("target/test-data/SearchIndexBuildTest");
    /** Enough articles that a build takes many batches, so readers' searches fall inside it. */
    private static final int COPIES = 1500;

    private ConfigurableApplicationContext site;

    @AfterEach
    void stop() {
        if (site != null) {
            site.close();
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(DayuanApplication.class).run("--server.port=0",
                "--dayuan.data-dir=" + DATA, "--dayuan.admin-password=index-build-pw");
    }

    private long publish(String title, String body) {
        return site.getBean(ArticleService.class).create(new ArticleDraft(title, null, null, body, "bendi",
                "记者 李明", null, null, null, List.of("文旅"), RightsType.ORIGINAL,
                OffsetDateTime.parse("2024-02-15T09:00:00+08:00").toInstant(), ArticleStatus.PUBLISHED, null,
                false, false, true), "admin").id();
    }

    private List<Long> found(String q) {
        return site.getBean(SearchService.class).search(SearchQuery.of(q)).hits().stream()
                .map(hit -> hit.article().id()).toList();
    }

    /** Copies of an article made over JDBC, which the index does not see: the next build has them to index. */
    private void copyOver(long id, int copies) {
        JdbcTemplate jdbc = site.getBean(JdbcTemplate.class);
        List<String> columns = jdbc.query("select * from article where id = " + id, rows -> {
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                names.add(rows.getMetaData().getColumnLabel(i).toLowerCase());
            }
            return names;
        });
        columns.remove("id");
        String list = String.join(", ", columns);
        String copy = "insert into article (" + list + ") select " + list + " from article where id = " + id;
        jdbc.batchUpdate(java.util.stream.IntStream.range(0, copies).mapToObj(i -> copy).toArray(String[]::new));
    }

    @Test
    void theOldIndexAnswersWhileABuildRunsAndDamagedOrIncompatibleIndexesAreReplacedAtStart() throws Exception {
        FileSystemUtils.deleteRecursively(DATA);
        site = start();
        site.getBean(ChannelService.class).create("本地", "bendi", null, null, null);
        long jinci = publish("晋祠博物馆迎来游客高峰", "<p>春节期间，晋祠接待游客十万人次。</p>");
        long other = publish("汾河公园举办灯会", "<p>元宵节灯会吸引市民。</p>");
        copyOver(other, COPIES);
        SearchIndexBuilds builds = site.getBean(SearchIndexBuilds.class);
        builds.start("admin", false).join();
        assertThat(site.getBean(SearchService.class).search(SearchQuery.of("灯会")).total()).isEqualTo(COPIES + 1);
        assertThat(builds.status().entries()).isEqualTo(COPIES + 2);

        // A second build replaces every entry; searches made meanwhile still find the article each time.
        var build = builds.start("admin", false);
        assertThat(builds.start("admin")).as("one build at a time").isFalse();
        int duringBuild = 0;
        while (!build.isDone()) {
            SearchIndexBuilds.Progress progress = builds.status().running();
            List<Long> hits = found("晋祠");
            if (progress != null && !build.isDone()) {
                duringBuild++;
                assertThat(hits).as("found during the build, at %d of %d", progress.done(), progress.total())
                        .containsExactly(jinci);
            }
        }
        SearchIndexBuilds.Finished finished = build.get();
        assertThat(finished.error()).isNull();
        assertThat(finished.articles()).isEqualTo(COPIES + 2);
        assertThat(duringBuild).as("searches made while the build ran").isGreaterThan(3);
        assertThat(builds.status().last()).isEqualTo(finished);

        // A second process started by mistake on the same data folder cannot take the index's lock: it leaves the
        // index alone (a lock it cannot get is not damage) and the running site still finds its articles.
        try (ConfigurableApplicationContext second = start()) {
            assertThat(second.getBean(SearchIndexBuilds.class).status().entries()).isEqualTo(-1);
        }
        assertThat(found("晋祠")).containsExactly(jinci);

        // An index of an older version is rebuilt at start, in place: it answered all along.
        Files.writeString(DATA.resolve("search-index/mapping-version"), "2");
        assertThat(builds.status().current()).isFalse();
        site.getBean(SearchStartup.class).checkIndex();
        assertThat(builds.status().current()).isTrue();
        assertThat(builds.status().last().startedBy()).isEqualTo(SearchIndexBuilds.SYSTEM);
        assertThat(found("晋祠")).containsExactly(jinci);

        // A damaged index: its commit points are garbage when the site starts again.
        site.close();
        site = null;
        try (Stream<Path> files = Files.list(DATA.resolve("search-index/article"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments")).toList()) {
                Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            }
        }
        site = start();
        assertThat(found("晋祠")).as("emptied and built again at start").containsExactly(jinci);
        assertThat(site.getBean(SearchIndexBuilds.class).status().entries()).isEqualTo(COPIES + 2);

        // An index whose field has another kind than this version's (a number where the title is text), which
        // Lucene refuses to mix: built anew, and the foreign entry is gone.
        site.close();
        site = null;
        Path index = DATA.resolve("search-index/article");
        FileSystemUtils.deleteRecursively(index);
        try (IndexWriter writer = new IndexWriter(FSDirectory.open(index), new IndexWriterConfig(
                new StandardAnalyzer()))) {
            Document foreign = new Document();
            foreign.add(new StringField("_id", "999999", Field.Store.YES));
            foreign.add(new LongPoint("title", 42));
            writer.addDocument(foreign);
        }
        site = start();
        assertThat(found("晋祠")).containsExactly(jinci);
        SearchIndexBuilds.Status status = site.getBean(SearchIndexBuilds.class).status();
        assertThat(status.entries()).isEqualTo(COPIES + 2);
        assertThat(status.current()).isTrue();
    }
}
