package cn.dayuan.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import cn.dayuan.article.ViewCounter;
import cn.dayuan.cluster.ClusterAvailability;
import cn.dayuan.cluster.ClusterServers;
import cn.dayuan.portal.MostReadList;

/**
 * The way from a trial site to production and back: a backup of a site on the embedded H2 database, taken while
 * articles are being written, restores onto a fresh PostgreSQL database with every article the API had answered
 * 201 for before the backup started; a backup of that site restores onto H2 again, page for page the same.
 */
@Tag("cluster")
@ExtendWith(ClusterAvailability.class)
class BackupAcrossDatabasesTest {

    private static final Pattern ID = Pattern.compile("^\\{\"id\":(\\d+)");

    @TempDir
    Path work;

    @Test
    void aBackupTakenDuringWritesMovesFromH2ToPostgreSqlAndBackPageForPage() throws Exception {
        String duringWrites = ClusterServers.createDatabase("dayuan_restore");
        String quiet = ClusterServers.createDatabase("dayuan_restore");
        try {
            Map<Long, String> beforeTheBackup;
            Map<String, String> trialPages;
            try (ConfigurableApplicationContext trial = Sites.start(work.resolve("trial"), "--dayuan.demo=true")) {
                assertThat(Sites.api(trial, "POST", "/api/v1/channels", "{\"name\":\"备份\",\"slug\":\"beifen\"}")
                        .statusCode()).isEqualTo(201);
                Map<Long, String> acknowledged = new ConcurrentHashMap<>();
                AtomicBoolean writing = new AtomicBoolean(true);
                ExecutorService writers = Executors.newFixedThreadPool(3);
                for (int t = 0; t < 3; t++) {
                    int thread = t;
                    writers.submit(() -> {
                        for (int i = 0; writing.get(); i++) {
                            String title = "备份期间第" + thread + "线程第" + i + "篇";
                            HttpResponse<String> answer = Sites.api(trial, "POST", "/api/v1/articles",
                                    "{\"title\":\"" + title + "\",\"channel\":\"beifen\",\"body\":\"<p>" + title
                                            + "。</p>\",\"tags\":[\"备份\"],\"status\":\"PUBLISHED\"}");
                            if (answer.statusCode() == 201) {
                                Matcher id = ID.matcher(answer.body());
                                assertThat(id.find()).as(answer.body()).isTrue();
                                acknowledged.put(Long.parseLong(id.group(1)), title);
                            }
                        }
                    });
                }
                // A backup in the middle of writes: some acknowledged before it, however slow the machine is today.
                for (int waited = 0; acknowledged.size() <= 5 && waited < 600; waited++) {
                    Thread.sleep(100);
                }
                beforeTheBackup = Map.copyOf(acknowledged);
                trial.getBean(BackupService.class).backup(work.resolve("during-writes.zip"));
                Thread.sleep(300);
                writing.set(false);
                writers.shutdown();
                assertThat(writers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
                assertThat(beforeTheBackup).hasSizeGreaterThan(5);

                // Views counted so far are written, and the sidebar's ranking announced, as on a site that ran a while.
                trial.getBean(ViewCounter.class).flush();
                trial.getBean(MostReadList.class).refresh();
                trialPages = Sites.pages(trial);
                trial.getBean(BackupService.class).backup(work.resolve("quiet.zip"));
            }

            restore(work.resolve("during-writes.zip"), work.resolve("production-a"), postgres(duringWrites));
            try (ConfigurableApplicationContext production = Sites.start(work.resolve("production-a"),
                    postgres(duringWrites))) {
                for (Map.Entry<Long, String> article : beforeTheBackup.entrySet()) {
                    HttpResponse<String> answer = Sites.api(production, "GET", "/api/v1/articles/" + article.getKey(), null);
                    assertThat(answer.statusCode()).as("article %d answered 201 before the backup", article.getKey())
                            .isEqualTo(200);
                    assertThat(answer.body()).contains(article.getValue());
                }
            }

            restore(work.resolve("quiet.zip"), work.resolve("production-b"), postgres(quiet));
            try (ConfigurableApplicationContext production = Sites.start(work.resolve("production-b"), postgres(quiet))) {
                assertThat(Sites.differences(trialPages, Sites.pages(production))).as("H2 → PostgreSQL").isEmpty();
                production.getBean(BackupService.class).backup(work.resolve("production.zip"));
            }
            restore(work.resolve("production.zip"), work.resolve("trial-again"));
            try (ConfigurableApplicationContext trialAgain = Sites.start(work.resolve("trial-again"))) {
                assertThat(Sites.differences(trialPages, Sites.pages(trialAgain))).as("PostgreSQL → H2").isEmpty();
            }
        } finally {
            ClusterServers.dropDatabase(duringWrites);
            ClusterServers.dropDatabase(quiet);
        }
    }

    private static String[] postgres(String url) {
        return new String[] {"--spring.datasource.url=" + url,
                "--spring.datasource.username=" + ClusterServers.postgresUser(),
                "--spring.datasource.password=" + ClusterServers.postgresPassword()};
    }

    private static void restore(Path backup, Path dataDir, String... arguments) {
        String[] args = new String[3 + arguments.length];
        args[0] = "restore";
        args[1] = "--from=" + backup;
        args[2] = "--dayuan.data-dir=" + dataDir;
        System.arraycopy(arguments, 0, args, 3, arguments.length);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = BackupCommands.run(args, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    }
}
