import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;

/**
 * Size and time of the gzip and Brotli copies of one file at several levels, as the static export makes them
 * (publish.Precompressed): java -cp BROTLI4J_JARS bench/tools/CompressionCost.java FILE (see bench/README.md).
 */
public class CompressionCost {

    public static void main(String[] args) throws Exception {
        byte[] page = Files.readAllBytes(Path.of(args[0]));
        Brotli4jLoader.ensureAvailability();
        System.out.println("size " + page.length);
        for (int level : new int[] {6, 9}) {
            byte[] out = null;
            long start = System.nanoTime();
            for (int i = 0; i < 300; i++) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (GZIPOutputStream gzip = new GZIPOutputStream(bytes) {
                    {
                        def.setLevel(level);
                    }
                }) {
                    gzip.write(page);
                }
                out = bytes.toByteArray();
            }
            System.out.printf("gzip %d: %d bytes %.2f ms%n", level, out.length, (System.nanoTime() - start) / 1e6 / 300);
        }
        for (int quality : new int[] {5, 7, 9, 11}) {
            int rounds = quality == 11 ? 20 : 300;
            byte[] out = null;
            long start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                out = Encoder.compress(page, new Encoder.Parameters().setQuality(quality).setMode(Encoder.Mode.TEXT));
            }
            System.out.printf("br %d: %d bytes %.2f ms%n", quality, out.length,
                    (System.nanoTime() - start) / 1e6 / rounds);
        }
    }
}
