package cn.dayuan.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;

/**
 * Compressed copies of cached pages, made once per page. Brotli needs the native encoder that brotli4j ships for the
 * platform the jar was built on; where it cannot load, pages are offered in gzip only.
 */
final class Compression {

    private static final Logger log = LoggerFactory.getLogger(Compression.class);

    /** Quality 5 compresses an article page in well under a millisecond and still beats gzip -9 by ~15 %. */
    private static final Encoder.Parameters BROTLI = new Encoder.Parameters().setQuality(5).setMode(Encoder.Mode.TEXT);

    static final boolean BROTLI_AVAILABLE = loadBrotli();

    private Compression() {
    }

    static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
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
            log.info("Brotli is not available on this platform ({}); cached pages are offered in gzip only",
                    Brotli4jLoader.getUnavailabilityCause().toString());
        } catch (LinkageError e) {
            log.info("Brotli is not available on this platform ({}); cached pages are offered in gzip only",
                    e.toString());
        }
        return false;
    }
}
