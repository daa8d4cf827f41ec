package cn.dayuan.publish;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The compressed copies written beside each exported text file ({@code index.html.gz}, {@code index.html.br}), so
 * that nginx serves them as they are ({@code gzip_static}, {@code brotli_static}) instead of compressing every
 * response again; made by {@link Compression}, as the page cache's copies are.
 */
final class Precompressed {

    private static final Set<String> COMPRESSED_TYPES = Set.of("html", "xml", "css", "js", "svg", "txt", "json");

    /** A copy's suffix and bytes. */
    record Copy(String suffix, byte[] bytes) {
    }

    private Precompressed() {
    }

    /** The suffixes a file may have copies under: the export deletes them with the file. */
    static final List<String> SUFFIXES = List.of(".gz", ".br");

    /** The suffixes of the copies made on this machine. */
    static List<String> made() {
        return Compression.BROTLI_AVAILABLE ? SUFFIXES : List.of(".gz");
    }

    /** Whether a file of this name gets compressed copies: text that web servers send compressed. */
    static boolean applies(String name) {
        int dot = name.lastIndexOf('.');
        return dot > name.lastIndexOf('/') && COMPRESSED_TYPES.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The gzip copy and, where the Brotli library loads, the Brotli copy: one for each of {@link #made()}, in order. */
    static List<Copy> of(byte[] bytes) {
        Copy gzip = new Copy(".gz", Compression.gzip(bytes));
        return Compression.BROTLI_AVAILABLE ? List.of(gzip, new Copy(".br", Compression.brotli(bytes))) : List.of(gzip);
    }
}
