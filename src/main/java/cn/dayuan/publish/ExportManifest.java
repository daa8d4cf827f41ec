package cn.dayuan.publish;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What the last export wrote into a folder, kept in the folder itself ({@value #FILE_NAME}): when it started, which
 * build of Dayuan wrote it for which public address, and for each file the {@link cn.dayuan.system.PageKeys} of what
 * it shows, its size, time and links. With the record of changes since that start, the next export (in this process
 * or a new one) builds only the pages that show what changed, follows the links of the others without reading them,
 * and knows which files it owns: only those are ever deleted. A manifest that cannot be read, or one of another
 * build or address, makes the next export build every page.
 */
final class ExportManifest {

    static final String FILE_NAME = ".dayuan-export";
    private static final String HEADER = "# dayuan static export v3: file, ETag, size, modified, links, page keys";
    private static final String STARTED = "@started";

    /**
     * @param file     path relative to the export folder, with {@code /}
     * @param etag     the server's ETag for the file's bytes, or empty
     * @param modified the file's last-modified time in milliseconds, as it was written
     * @param links    on-site addresses the page links to, other than the seeds; the manifest keeps only those that
     *                 have no file in the export (the next export reaches the files from the manifest itself)
     * @param keys     the page keys of what the file shows; empty when not known (the file is then made again)
     * @param line     the entry's line in the manifest it was read from, written again as it is; null for a new one
     */
    record Entry(String file, String etag, long size, long modified, List<String> links, Set<String> keys,
                 String line) {

        Entry(String file, String etag, long size, long modified, List<String> links, Set<String> keys) {
            this(file, etag, size, modified, links, keys, null);
        }

        /** This entry without the links that {@code left} accepts. */
        Entry withoutLinks(Predicate<String> left) {
            if (links.stream().noneMatch(left)) {
                return this;
            }
            return new Entry(file, etag, size, modified, links.stream().filter(left.negate()).toList(), keys);
        }

        /** Whether the file on disk is still the one this entry describes. */
        boolean matches(Path root) {
            Path path = root.resolve(file);
            try {
                // One stat of the file (an incremental export asks this of every file it keeps).
                BasicFileAttributes file = Files.readAttributes(path, BasicFileAttributes.class);
                return file.isRegularFile() && file.size() == size && file.lastModifiedTime().toMillis() == modified;
            } catch (IOException e) {
                return false;
            }
        }
    }

    /**
     * @param started    when the export that wrote it started, or null when not known
     * @param build      the build of Dayuan that wrote it (its pages come from that build's templates) and the kinds
     *                   of compressed copies it wrote beside them
     * @param publicBase the address its pages print
     * @param seen       the change records of the last moments before it started that it saw committed
     *                   ({@link cn.dayuan.system.ContentChanges}): their changes are in its pages
     */
    record Contents(Instant started, String build, String publicBase, Set<Long> seen, Map<String, Entry> entries) {

        static Contents none() {
            return new Contents(null, "", "", Set.of(), new HashMap<>());
        }
    }

    private ExportManifest() {
    }

    /** The manifest in {@code root}; {@link Contents#none()} when there is none or it cannot be read. */
    static Contents read(Path root) {
        Path path = root.resolve(FILE_NAME);
        if (!Files.isRegularFile(path)) {
            return Contents.none();
        }
        Map<String, Entry> entries = new HashMap<>();
        // Most pages show the same few keys (site, channels, the most-read articles): one string each.
        Map<String, String> sameKeys = new HashMap<>();
        Instant started = null;
        String build = "";
        String publicBase = "";
        Set<Long> seen = Set.of();
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            if (!HEADER.equals(in.readLine())) {
                return Contents.none();
            }
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields[0].equals(STARTED) && fields.length == 5) {
                    started = Instant.ofEpochMilli(Long.parseLong(fields[1]));
                    build = fields[2];
                    publicBase = fields[3];
                    seen = fields[4].isEmpty() ? Set.of() : Arrays.stream(fields[4].split(" ")).map(Long::valueOf)
                            .collect(Collectors.toUnmodifiableSet());
                    continue;
                }
                if (fields.length != 6) {
                    return Contents.none();
                }
                List<String> links = fields[4].isEmpty() ? List.of() : List.of(fields[4].split(" "));
                Set<String> keys = fields[5].isEmpty() ? Set.of() : Arrays.stream(fields[5].split(" "))
                        .map(key -> sameKeys.computeIfAbsent(key, ExportManifest::decodeKey))
                        .collect(Collectors.toUnmodifiableSet());
                entries.put(fields[0], new Entry(fields[0], fields[1], Long.parseLong(fields[2]),
                        Long.parseLong(fields[3]), links, keys, line));
            }
        } catch (IOException | RuntimeException e) {
            return Contents.none();
        }
        return new Contents(started, build, publicBase, seen, entries);
    }

    /** @param started when the export started, or null when no complete export is known (the next one builds all) */
    static void write(Path root, Instant started, String build, String publicBase, Set<Long> seen,
                      Collection<Entry> entries) throws IOException {
        Path temporary = root.resolve(FILE_NAME + ".tmp");
        try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            if (started != null) {
                out.write(STARTED + '\t' + started.toEpochMilli() + '\t' + oneField(build) + '\t'
                        + oneField(publicBase) + '\t'
                        + seen.stream().sorted().map(String::valueOf).collect(Collectors.joining(" ")));
                out.write('\n');
            }
            // A kept file's line as it was read; for the others plain loops and one encoding per distinct key: a new
            // JVM writes tens of thousands of lines before its compiler has caught up.
            Map<String, String> encoded = new HashMap<>();
            StringBuilder line = new StringBuilder(1024);
            for (Entry entry : entries.stream().sorted(Comparator.comparing(Entry::file)).toList()) {
                if (entry.line() != null) {
                    out.append(entry.line()).append('\n');
                    continue;
                }
                line.setLength(0);
                line.append(entry.file()).append('\t').append(entry.etag()).append('\t').append(entry.size())
                        .append('\t').append(entry.modified()).append('\t');
                line.append(String.join(" ", entry.links())).append('\t');
                String[] keys = entry.keys().toArray(new String[0]);
                Arrays.sort(keys);
                for (int i = 0; i < keys.length; i++) {
                    keys[i] = encoded.computeIfAbsent(keys[i], ExportManifest::encodeKey);
                }
                line.append(String.join(" ", keys));
                out.append(line).append('\n');
            }
        }
        Files.move(temporary, root.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** Keys are written as they are, but for the characters that separate fields and the escape itself. */
    private static String encodeKey(String key) {
        boolean plain = true;
        for (int i = 0; i < key.length() && plain; i++) {
            char c = key.charAt(i);
            plain = c != '%' && c != '+' && !Character.isWhitespace(c);
        }
        if (plain) {
            return key;
        }
        return URLEncoder.encode(key, StandardCharsets.UTF_8);
    }

    private static String decodeKey(String field) {
        return field.indexOf('%') < 0 && field.indexOf('+') < 0 ? field
                : URLDecoder.decode(field, StandardCharsets.UTF_8);
    }

    private static String oneField(String text) {
        return text.replaceAll("[\\t\\r\\n]", " ");
    }
}
