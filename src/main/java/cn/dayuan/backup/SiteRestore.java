package cn.dayuan.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.flywaydb.core.api.MigrationVersion;

import cn.dayuan.system.DayuanProperties;

/**
 * Puts a backup back into an empty site: the database (already migrated to the backup's schema version when this
 * runs, see {@link BackupCommands}) gets the backup's rows, is then migrated to this version of Dayuan, and the
 * media folder gets the backup's files.
 */
class SiteRestore {

    private final DataSource dataSource;
    /** There for a restore; the backup command leaves migrations to the running portal and has none. */
    private final ObjectProvider<Flyway> flyway;
    private final DayuanProperties properties;

    SiteRestore(DataSource dataSource, ObjectProvider<Flyway> flyway, DayuanProperties properties) {
        this.dataSource = dataSource;
        this.flyway = flyway;
        this.properties = properties;
    }

    /** @return one line saying what was restored */
    String restore(BackupArchive.Reader archive) throws IOException, SQLException {
        Path media = properties.mediaDir();
        if (Files.isDirectory(media)) {
            try (Stream<Path> files = Files.list(media)) {
                if (files.findAny().isPresent()) {
                    throw new BackupException("恢复失败：媒体目录 " + media.toAbsolutePath() + " 不是空的，只能恢复到空的数据目录");
                }
            }
        }
        Map<String, Long> loaded;
        try (Connection connection = dataSource.getConnection()) {
            loaded = DatabaseDump.load(connection, archive);
        }
        Flyway.configure().configuration(flyway.getObject().getConfiguration()).target(MigrationVersion.LATEST).load().migrate();
        int files = archive.extractMedia(media);
        long rows = loaded.values().stream().mapToLong(Long::longValue).sum();
        return String.format("恢复完成：%d 张表共 %d 行（文章 %d 篇），媒体文件 %d 个", loaded.size(), rows,
                loaded.getOrDefault("article", 0L), files);
    }
}
