package cn.dayuan.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;

/**
 * Compressed copies of pages, made once per page: for the page cache and beside the static export's files. Both
 * encoders are deterministic, so the same page gives the same copies in every export. Brotli needs the native
 * encoder that brotli4j ships for the platform the jar was built on; where it cannot load, pages are offered in gzip
 * only.
 */
final class Compression {

    private static final Logger log = LoggerFactory.getLogger(Compression.class);

    /**
     * Quality 5: on 400 article pages of the bench site, 0.72 ms a page and 32.1 % of their size; quality 7 took
     * 0.91 ms for 31.4 %, quality 4 0.49 ms for 36.9 % (gzip's default level: 0.57 ms for 36.6 %). Measured again on
     * 1,500 pages of its export (24 KB on average): quality 3 0.21 ms for 41.4 %, no smaller than gzip level 1's
     * copy (0.22 ms, 41.1 %), quality 4 0.35 ms for 38.6 %, 5 0.52 ms for 33.6 %, 6 0.55 ms for 33.5 %: below
     * quality 5 a Brotli copy is hardly worth its file.
     */
    private static final Encoder.Parameters BROTLI = new Encoder.Parameters().setQuality(5).setMode(Encoder.Mode.TEXT);

    private static final int GZIP_LEVEL = 1;

    static final boolean BROTLI_AVAILABLE = loadBrotli();

    private Compression() {
    }

    /**
     * gzip level 1, nginx's own {@code gzip_comp_level}: on 1,000 article pages of the bench site, 0.27 ms a page for
     * 40.4 % of their size, where level 4 took 0.40 ms for 38.1 % and the default level 6 more still. Brotli's copy
     * is the one browsers take over HTTPS; this one serves the rest (plain HTTP, CDNs fetching the origin), and at
     * level 4 it took a sixth of a full export's time. Java writes no time or name into the header, so the bytes
     * depend on the input only.
     */
    static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 3 + 64);
        try (GZIPOutputStream gzip = new LeveledGzip(out)) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** GZIPOutputStream at {@link #GZIP_LEVEL}: its deflater is only reachable from a subclass. */
    private static final class LeveledGzip extends GZIPOutputStream {

        LeveledGzip(ByteArrayOutputStream out) throws IOException {
            super(out, 8192);
            def.setLevel(GZIP_LEVEL);
        }
    }

    static byte[] brotli(byte[] plain) {
        try {
            return Encoder.compress(plain, BROTLI);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean loadBrotli() {
        try {
            if (Brotli4jLoader.isAvailable()) {
                return true;
            }
            log.warn("Brotli is not available on this platform ({}): pages are offered and exported in gzip only",
                    Brotli4jLoader.getUnavailabilityCause().toString());
        } catch (LinkageError e) {
            log.warn("Brotli is not available on this platform ({}): pages are offered and exported in gzip only",
                    e.toString());
        }
        return false;
    }
}
