package cn.dayuan.backup;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import cn.dayuan.system.AuditEvent;
import cn.dayuan.system.ConflictException;
import cn.dayuan.system.DayuanProperties;
import cn.dayuan.system.ExclusiveWork;

/**
 * Backups of the whole site while it runs: the database content (a consistent logical copy, restorable onto H2,
 * PostgreSQL or MariaDB) and the media folder, in one {@link BackupArchive}. One backup at a time in a cluster.
 */
@Service
public class BackupService {

    private static final Logger log = LoggerFactory.getLogger(BackupService.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'dayuan-backup-'yyyyMMdd-HHmmss'.zip'");
    /** The names {@link #backupNow} gives: nothing else in the backup folder is listed or served. */
    private static final Pattern BACKUP_NAME = Pattern.compile("dayuan-backup-\\d{8}-\\d{6}\\.zip");

    private final DataSource dataSource;
    private final DayuanProperties properties;
    private final ApplicationEventPublisher events;
    private final ExclusiveWork exclusive;

    BackupService(DataSource dataSource, DayuanProperties properties, ExclusiveWork exclusive,
                  ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.events = events;
        this.properties = properties;
        this.exclusive = exclusive;
    }

    /** What one backup holds. Serializable: the newsroom carries it across a redirect in the session. */
    public record Result(String file, long bytes, long rows, int mediaFiles, double seconds) implements Serializable {

        public String summary() {
            return String.format("备份完成：数据库 %d 行，媒体文件 %d 个，%.1f MB，用时 %.1f 秒 → %s",
                    rows, mediaFiles, bytes / 1e6, seconds, file);
        }
    }

    /** A backup in the backup folder. */
    public record Listed(String name, long bytes, Instant madeAt) {
    }

    /** A backup into the backup folder, named by the time it was taken (in the site's time zone). */
    public Result backupNow() {
        return backup(properties.backupDir().resolve(NAME.format(LocalDateTime.now(properties.timeZone()))));
    }

    /**
     * Writes a backup to {@code file}. It is written under a temporary name beside it and renamed when complete,
     * so a file of that name is always a whole backup.
     *
     * @throws ConflictException when another backup is running, here or on another node
     * @throws BackupException   when the database cannot be read or the file cannot be written
     */
    public Result backup(Path file) {
        AtomicReference<Result> result = new AtomicReference<>();
        boolean ran = exclusive.runIfFree("backup", java.time.Duration.ofMinutes(1), () -> result.set(write(file)));
        if (!ran) {
            throw new ConflictException("backup.running");
        }
        events.publishEvent(AuditEvent.of(null, "backup", "backup:" + result.get().file())
                .with("rows", null, result.get().rows()));
        return result.get();
    }

    private Result write(Path file) {
        long started = System.nanoTime();
        Path target = file.toAbsolutePath().normalize();
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.createDirectories(target.getParent());
            long rows = 0;
            int media;
            try (BackupArchive.Writer archive = new BackupArchive.Writer(partial);
                 Connection connection = dataSource.getConnection()) {
                List<BackupArchive.Table> tables = DatabaseDump.dump(connection, archive);
                for (BackupArchive.Table table : tables) {
                    rows += table.rows();
                }
                media = archive.media(properties.mediaDir());
                archive.finish(new BackupArchive.Manifest(BackupArchive.FORMAT, Instant.now().toString(),
                        connection.getMetaData().getDatabaseProductName() + " "
                                + connection.getMetaData().getDatabaseProductVersion(),
                        DatabaseDump.schemaVersion(connection), tables, media));
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Result result = new Result(target.toString(), Files.size(target), rows, media,
                    (System.nanoTime() - started) / 1e9);
            log.info(result.summary());
            return result;
        } catch (IOException | SQLException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the message below says what went wrong first
            }
            throw new BackupException("备份失败：" + e.getMessage(), e);
        }
    }

    /** The backups in the backup folder, newest first. */
    public List<Listed> recent() {
        Path folder = properties.backupDir();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Listed> listed = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                if (BACKUP_NAME.matcher(file.getFileName().toString()).matches() && Files.isRegularFile(file)) {
                    listed.add(new Listed(file.getFileName().toString(), Files.size(file),
                            Files.getLastModifiedTime(file).toInstant()));
                }
            }
        } catch (IOException e) {
            throw new BackupException("无法读取备份目录 " + folder + "：" + e.getMessage(), e);
        }
        listed.sort(Comparator.comparing(Listed::madeAt).reversed());
        return listed;
    }

    /** A backup of the backup folder by its name, for download; only names {@link #backupNow} gives are found. */
    public Optional<Path> find(String name) {
        if (name == null || !BACKUP_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path file = properties.backupDir().resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** Where backups are written. */
    public Path folder() {
        return properties.backupDir().toAbsolutePath().normalize();
    }
}
