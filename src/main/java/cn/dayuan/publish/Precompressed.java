package cn.dayuan.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;

/**
 * The compressed copies written beside each exported text file ({@code index.html.gz}, {@code index.html.br}), so
 * that nginx serves them as they are ({@code gzip_static}, {@code brotli_static}) instead of compressing every
 * response again. Both encoders are deterministic: the same page gives the same copies in every export.
 */
final class Precompressed {

    private static final Logger log = LoggerFactory.getLogger(Precompressed.class);
    private static final Set<String> COMPRESSED_TYPES = Set.of("html", "xml", "css", "js", "svg", "txt", "json");
    /**
     * Brotli's quality: on a 37 KB page, quality 7 takes 0.8 ms and beats gzip by 6 %, as fast as gzip's default
     * level; quality 9 gains nothing more at 15 ms, and 11 (another 11 %) takes 45 ms, 7 minutes for 10,000 pages.
     */
    private static final int BROTLI_QUALITY = 7;
    private static final boolean BROTLI = brotliLoads();

    /** A copy's suffix and bytes. */
    record Copy(String suffix, byte[] bytes) {
    }

    private Precompressed() {
    }

    /** The suffixes a file may have copies under: the export deletes them with the file. */
    static final List<String> SUFFIXES = List.of(".gz", ".br");

    /** The suffixes of the copies made on this machine. */
    static List<String> made() {
        return BROTLI ? SUFFIXES : List.of(".gz");
    }

    /** Whether a file of this name gets compressed copies: text that web servers send compressed. */
    static boolean applies(String name) {
        int dot = name.lastIndexOf('.');
        return dot > name.lastIndexOf('/') && COMPRESSED_TYPES.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The gzip copy and, where the Brotli library loads, the Brotli copy. */
    static List<Copy> of(byte[] bytes) {
        byte[] brotli = BROTLI ? brotli(bytes) : null;
        return brotli == null ? List.of(new Copy(".gz", gzip(bytes)))
                : List.of(new Copy(".gz", gzip(bytes)), new Copy(".br", brotli));
    }

    /**
     * gzip at its default level (the best level saves 0.3 % more for 20 % more time); Java writes no time or name
     * into the header, so the bytes depend on the input only.
     */
    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] brotli(byte[] bytes) {
        try {
            return Encoder.compress(bytes, new Encoder.Parameters().setQuality(BROTLI_QUALITY)
                    .setMode(Encoder.Mode.TEXT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean brotliLoads() {
        try {
            Brotli4jLoader.ensureAvailability();
            return true;
        } catch (Throwable missing) {
            log.warn("Exports get no Brotli copies (.br), only gzip ones: the Brotli library did not load on {} {} ({})",
                    System.getProperty("os.name"), System.getProperty("os.arch"), missing.toString());
            return false;
        }
    }
}
