package cn.dayuan.publish;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the last export wrote into a folder, kept in the folder itself ({@value #FILE_NAME}). It lets the next
 * export ask the server "has this page changed?" with the page's ETag instead of fetching and comparing every file,
 * lets it follow the links of unchanged pages without reading them, and tells it which files it owns: only those
 * are ever deleted.
 */
final class ExportManifest {

    static final String FILE_NAME = ".dayuan-export";
    private static final String HEADER = "# dayuan static export v1: file, ETag, size, modified, links";

    /**
     * @param file     path relative to the export folder, with {@code /}
     * @param etag     the server's ETag for the file's bytes, or empty
     * @param modified the file's last-modified time in milliseconds, as it was written
     * @param links    on-site addresses the page links to, other than the seeds
     */
    record Entry(String file, String etag, long size, long modified, List<String> links) {

        /** Whether the file on disk is still the one this entry describes. */
        boolean matches(Path root) {
            Path path = root.resolve(file);
            try {
                return Files.isRegularFile(path) && Files.size(path) == size
                        && Files.getLastModifiedTime(path).toMillis() == modified;
            } catch (IOException e) {
                return false;
            }
        }
    }

    private ExportManifest() {
    }

    /** The entries of the manifest in {@code root}; empty when there is none or it cannot be read. */
    /** When the manifest in {@code root} was last written (its modification time), or -1 if there is none. */
    static long stamp(Path root) {
        try {
            return Files.getLastModifiedTime(root.resolve(FILE_NAME)).toMillis();
        } catch (IOException missing) {
            return -1;
        }
    }

    static Map<String, Entry> read(Path root) {
        Path path = root.resolve(FILE_NAME);
        Map<String, Entry> entries = new HashMap<>();
        if (!Files.isRegularFile(path)) {
            return entries;
        }
        try {
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length != 5) {
                    return new HashMap<>();
                }
                List<String> links = fields[4].isEmpty() ? List.of() : Arrays.asList(fields[4].split(" "));
                entries.put(fields[0], new Entry(fields[0], fields[1], Long.parseLong(fields[2]),
                        Long.parseLong(fields[3]), links));
            }
        } catch (IOException | NumberFormatException e) {
            return new HashMap<>();
        }
        return entries;
    }

    static void write(Path root, Collection<Entry> entries) throws IOException {
        Path temporary = root.resolve(FILE_NAME + ".tmp");
        try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            for (Entry entry : entries.stream().sorted(Comparator.comparing(Entry::file)).toList()) {
                out.write(entry.file() + '\t' + entry.etag() + '\t' + entry.size() + '\t' + entry.modified() + '\t'
                        + String.join(" ", entry.links()));
                out.write('\n');
            }
        }
        Files.move(temporary, root.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}
