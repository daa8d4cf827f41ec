package cn.dayuan.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The backup file: one zip archive that any database of Dayuan's can be restored from.
 * <ul>
 *   <li>{@value #MANIFEST}: what it holds ({@link Manifest}), written last;</li>
 *   <li>{@code database/<table>.jsonl}: a table, one JSON array per line, the column names first, then one row
 *   per line (times as ISO-8601 instants in UTC, binary data in Base64);</li>
 *   <li>{@code media/…}: the media folder, as it is on disk.</li>
 * </ul>
 */
final class BackupArchive {

    static final String MANIFEST = "dayuan-backup.json";
    static final int FORMAT = 1;
    private static final String DATABASE = "database/";
    private static final String MEDIA = "media/";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private BackupArchive() {
    }

    /**
     * @param schemaVersion the version of the last database migration applied to the data
     * @param tables        in the order they are restored (a table after the ones it refers to)
     */
    record Manifest(int format, String createdAt, String database, String schemaVersion, List<Table> tables,
                    int mediaFiles) {
    }

    /** @param nextId the next value of its identity column, or null if it has none */
    record Table(String name, List<String> columns, long rows, Long nextId) {
    }

    /** Writes an archive; {@link #finish} writes the manifest and closes it. */
    static final class Writer implements AutoCloseable {

        private final ZipOutputStream zip;
        private boolean finished;

        Writer(Path file) throws IOException {
            this.zip = new ZipOutputStream(Files.newOutputStream(file));
        }

        void startTable(String table, List<String> columns) throws IOException {
            zip.putNextEntry(new ZipEntry(DATABASE + table + ".jsonl"));
            line(columns);
        }

        void row(List<Object> values) throws IOException {
            line(values);
        }

        private void line(Object values) throws IOException {
            zip.write(JSON.writeValueAsBytes(values));
            zip.write('\n');
        }

        /** Adds every file under {@code folder}; answers how many. */
        int media(Path folder) throws IOException {
            if (!Files.isDirectory(folder)) {
                return 0;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(folder)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                zip.putNextEntry(new ZipEntry(MEDIA + folder.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
            }
            return files.size();
        }

        void finish(Manifest manifest) throws IOException {
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.close();
            finished = true;
        }

        @Override
        public void close() throws IOException {
            if (!finished) {
                zip.close();
            }
        }
    }

    /** Reads an archive written by {@link Writer}. */
    static final class Reader implements AutoCloseable {

        private final ZipFile zip;
        private final Manifest manifest;

        /** @throws BackupException when the file is not a backup this version can read */
        Reader(Path file) throws IOException {
            try {
                this.zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
            } catch (java.util.zip.ZipException e) {
                throw new BackupException("恢复失败：" + file + " 不是大院的备份文件（无法按 zip 读取）");
            }
            ZipEntry entry = zip.getEntry(MANIFEST);
            if (entry == null) {
                zip.close();
                throw new BackupException("恢复失败：" + file + " 不是大院的备份文件（缺少 " + MANIFEST + "）");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                this.manifest = JSON.readValue(in, Manifest.class);
            } catch (RuntimeException e) {
                zip.close();
                throw new BackupException("恢复失败：" + file + " 的 " + MANIFEST + " 已损坏（" + e.getMessage() + "）");
            }
            if (manifest.format() != FORMAT) {
                zip.close();
                throw new BackupException("恢复失败：备份格式 " + manifest.format() + " 不是这个版本的大院能读取的");
            }
        }

        Manifest manifest() {
            return manifest;
        }

        /** The rows of one table, each as the JSON values of its columns in the manifest's order. */
        Iterator<JsonNode> rows(String table) throws IOException {
            ZipEntry entry = zip.getEntry(DATABASE + table + ".jsonl");
            if (entry == null) {
                throw new IOException("the backup lacks the table " + table);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(zip.getInputStream(entry),
                    StandardCharsets.UTF_8));
            lines.readLine(); // the column names, also in the manifest
            return new Iterator<>() {
                private String next = read();

                private String read() {
                    try {
                        String line = lines.readLine();
                        if (line == null) {
                            lines.close();
                        }
                        return line;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public JsonNode next() {
                    if (next == null) {
                        throw new NoSuchElementException();
                    }
                    JsonNode row = JSON.readTree(next);
                    next = read();
                    return row;
                }
            };
        }

        /** Writes the archive's media files under {@code folder}; answers how many. */
        int extractMedia(Path folder) throws IOException {
            Path root = folder.toAbsolutePath().normalize();
            List<ZipEntry> entries = new ArrayList<>();
            zip.stream().filter(e -> !e.isDirectory() && e.getName().startsWith(MEDIA)).forEach(entries::add);
            for (ZipEntry entry : entries) {
                Path target = root.resolve(entry.getName().substring(MEDIA.length())).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("the backup holds a media path outside the media folder: " + entry.getName());
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(entry); OutputStream out = Files.newOutputStream(target)) {
                    in.transferTo(out);
                }
            }
            return entries.size();
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }
}
