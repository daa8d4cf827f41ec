package cn.dayuan.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import cn.dayuan.system.DayuanProperties.CompressedCopy;

/**
 * The compressed copies written beside each exported text file ({@code index.html.gz}, {@code index.html.br}), so
 * that nginx serves them as they are ({@code gzip_static}, {@code brotli_static}) instead of compressing every
 * response again; made by {@link Compression}, as the page cache's copies are. Which kinds are made is the operator's
 * choice ({@code dayuan.export-compressed-copies}): a folder served by a CDN or object storage that compresses by
 * itself needs none, and they are two thirds of a full export's files and about half of its time.
 */
final class Precompressed {

    private static final Set<String> COMPRESSED_TYPES = Set.of("html", "xml", "css", "js", "svg", "txt", "json");

    /** The suffixes a file may have copies under: the export deletes them with the file. */
    static final List<String> SUFFIXES = List.of(".gz", ".br");

    /** A copy's suffix and bytes. */
    record Copy(String suffix, byte[] bytes) {
    }

    private record Kind(String suffix, Function<byte[], byte[]> encoder) {
    }

    private final List<Kind> kinds;
    private final List<String> made;
    private final List<String> notMade;

    /**
     * The copies of the kinds wanted; Brotli only where its library loads (it says why where it does not).
     */
    Precompressed(Set<CompressedCopy> wanted) {
        List<Kind> kinds = new ArrayList<>();
        if (wanted.contains(CompressedCopy.GZIP)) {
            kinds.add(new Kind(".gz", Compression::gzip));
        }
        if (wanted.contains(CompressedCopy.BROTLI) && Compression.BROTLI_AVAILABLE) {
            kinds.add(new Kind(".br", Compression::brotli));
        }
        this.kinds = List.copyOf(kinds);
        this.made = kinds.stream().map(Kind::suffix).toList();
        this.notMade = SUFFIXES.stream().filter(suffix -> !made.contains(suffix)).toList();
    }

    /** Whether a file of this name gets compressed copies: text that web servers send compressed. */
    static boolean applies(String name) {
        int dot = name.lastIndexOf('.');
        return dot > name.lastIndexOf('/') && COMPRESSED_TYPES.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The suffixes of the copies made, in the order of {@link #of}. */
    List<String> made() {
        return made;
    }

    /** The suffixes of the copies not made: an export that writes a file in place deletes them beside it. */
    List<String> notMade() {
        return notMade;
    }

    /** One copy of {@code bytes} for each of {@link #made()}, in order. */
    List<Copy> of(byte[] bytes) {
        return kinds.stream().map(kind -> new Copy(kind.suffix(), kind.encoder().apply(bytes))).toList();
    }

    /** For the export's manifest: a folder whose files got other copies is built (and copied) again in full. */
    @Override
    public String toString() {
        return "copies:" + String.join(",", made);
    }
}
