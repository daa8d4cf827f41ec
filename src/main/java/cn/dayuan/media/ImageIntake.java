package cn.dayuan.media;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.luciad.imageio.webp.WebPImageWriterSpi;

import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.ExifUtils;
import net.coobird.thumbnailator.util.exif.Orientation;

import cn.dayuan.media.MediaRefusedException.Reason;

/**
 * Turns uploaded bytes into a picture that holds nothing but pixels. The type is read from the content (its magic
 * bytes, then a full decode), never from a name or a header; the size on the header is checked before a single
 * pixel is decoded, so a small file that claims 50,000 × 50,000 pixels costs nothing; the picture is turned upright
 * by its EXIF orientation and encoded anew, which leaves behind EXIF (GPS positions, camera serials), comments and
 * whatever was appended to the file (a script after a JPEG's end).
 */
final class ImageIntake {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final long MAX_PIXELS = 40_000_000L;
    static final int MAX_SIDE = 16_384;
    private static final float JPEG_QUALITY = 0.85f;
    /** Lossy WebP for photographs: at this quality a copy is 40–60 % of the JPEG one (measured on phone photos). */
    private static final float WEBP_QUALITY = 0.80f;
    private static final Logger log = LoggerFactory.getLogger(ImageIntake.class);

    /** What is stored: JPEG for photographs, PNG for pictures with transparency or sharp edges. */
    enum Format {
        JPEG("jpg", "image/jpeg"), PNG("png", "image/png");

        final String extension;
        final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }
    }

    /** A decoded, upright picture and the format it is stored in. */
    record Picture(BufferedImage image, Format format) {

        int width() {
            return image.getWidth();
        }

        int height() {
            return image.getHeight();
        }
    }

    private ImageIntake() {
    }

    /** Reads an upload, or refuses it with the reason. */
    static Picture read(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new MediaRefusedException(Reason.TOO_LARGE, "media.too-large");
        }
        String readerFormat = sniff(bytes);
        if (readerFormat == null) {
            throw new MediaRefusedException(Reason.NOT_AN_IMAGE, "media.not-an-image");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = javaReader(readerFormat);
            try {
                reader.setInput(in, true, false);
                checkSize(reader.getWidth(0), reader.getHeight(0));
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                BufferedImage image = reader.read(0);
                if (!warnings.isEmpty()) {
                    throw damaged();
                }
                if ("jpeg".equals(readerFormat)) {
                    image = upright(image, reader);
                }
                boolean transparent = hasTransparentPixels(image);
                boolean photo = "jpeg".equals(readerFormat) || "webp".equals(readerFormat) && !transparent;
                return new Picture(pixelsOnly(image, transparent), photo ? Format.JPEG : Format.PNG);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof MediaRefusedException refused) {
                throw refused;
            }
            throw damaged();
        }
    }

    /** The picture encoded in its format, with nothing in the file but the pixels. */
    static byte[] encode(Picture picture) {
        return encode(picture.image(), picture.format());
    }

    /** A copy {@code width} pixels wide (never wider than the picture), in the picture's format. */
    static Picture scaled(Picture picture, int width) {
        try {
            BufferedImage smaller = Thumbnails.of(picture.image()).width(width).asBufferedImage();
            return new Picture(smaller, picture.format());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A copy with the watermark's text drawn on it: light text with a dark outline shadow so that it reads on any
     * picture, sized to the picture's width.
     */
    static Picture marked(Picture picture, Watermark watermark) {
        BufferedImage image = picture.image();
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), image.getType());
        Graphics2D g = copy.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            int size = Math.max(12, image.getWidth() / 36);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
            FontMetrics metrics = g.getFontMetrics();
            String text = watermark.text().strip();
            int width = metrics.stringWidth(text);
            int margin = size;
            int x = switch (watermark.position()) {
                case BOTTOM_LEFT, TOP_LEFT -> margin;
                case CENTER -> (image.getWidth() - width) / 2;
                default -> image.getWidth() - width - margin;
            };
            int y = switch (watermark.position()) {
                case TOP_LEFT, TOP_RIGHT -> margin + metrics.getAscent();
                case CENTER -> (image.getHeight() + metrics.getAscent()) / 2;
                default -> image.getHeight() - margin - metrics.getDescent();
            };
            float alpha = Math.max(10, Math.min(100, watermark.opacity())) / 100f;
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, alpha * 0.6f));
            g.setColor(Color.BLACK);
            int shadow = Math.max(1, size / 16);
            g.drawString(text, x + shadow, y + shadow);
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, alpha));
            g.setColor(Color.WHITE);
            g.drawString(text, x, y);
        } finally {
            g.dispose();
        }
        return new Picture(copy, picture.format());
    }

    /**
     * A WebP copy of the picture: lossy for photographs, lossless for PNG pictures (sharp edges and transparency stay
     * exact); null where the encoder cannot run on this machine (libwebp is bundled for Linux, macOS and Windows).
     */
    static byte[] webp(Picture picture) {
        if (!WebPEncoder.AVAILABLE) {
            return null;
        }
        ImageWriter writer = new WebPImageWriterSpi().createWriterInstance(null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            if (picture.format() == Format.PNG) {
                param.setCompressionType("Lossless");
                param.setCompressionQuality(1f);
            } else {
                param.setCompressionType("Lossy");
                param.setCompressionQuality(WEBP_QUALITY);
            }
            writer.write(null, new IIOImage(picture.image(), null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** Whether WebP copies are made here: the native encoder loaded. */
    static boolean webpAvailable() {
        return WebPEncoder.AVAILABLE;
    }

    /** Loads libwebp once; a machine it does not run on gets no WebP copies, and says so once in the log. */
    private static final class WebPEncoder {

        static final boolean AVAILABLE = load();

        private static boolean load() {
            try {
                ImageWriter writer = new WebPImageWriterSpi().createWriterInstance(null);
                try (ImageOutputStream stream = ImageIO.createImageOutputStream(new ByteArrayOutputStream())) {
                    writer.setOutput(stream);
                    writer.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB));
                } finally {
                    writer.dispose();
                }
                return true;
            } catch (IOException | RuntimeException | LinkageError e) {
                log.warn("WebP copies are not made: libwebp did not load on {} {} ({})", System.getProperty("os.name"),
                        System.getProperty("os.arch"), e.toString());
                return false;
            }
        }
    }

    /**
     * ImageIO's reader for the format, never a native one: the WebP encoder's library also registers a reader
     * (libwebp in C), and uploads are hostile input, so they are decoded by TwelveMonkeys in Java.
     */
    private static ImageReader javaReader(String format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (!reader.getClass().getName().startsWith("com.luciad.")) {
                return reader;
            }
            reader.dispose();
        }
        throw new MediaRefusedException(Reason.NOT_AN_IMAGE, "media.format.unreadable", format);
    }

    /** ImageIO's reader name for the content, or null: decided by the first bytes alone. */
    static String sniff(byte[] b) {
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return "jpeg";
        }
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "png";
        }
        if (startsWith(b, 0, 'G', 'I', 'F', '8') && b.length > 5 && (b[4] == '7' || b[4] == '9') && b[5] == 'a') {
            return "gif";
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return "webp";
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static void checkSize(int width, int height) {
        if (width < 1 || height < 1) {
            throw damaged();
        }
        if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
            throw new MediaRefusedException(Reason.TOO_MANY_PIXELS, "media.too-many-pixels", width, height, MAX_SIDE);
        }
    }

    private static MediaRefusedException damaged() {
        return new MediaRefusedException(Reason.DAMAGED, "media.damaged");
    }

    /** Turned as the camera's EXIF orientation says, so that the picture stays upright once EXIF is gone. */
    private static BufferedImage upright(BufferedImage image, ImageReader reader) {
        try {
            Orientation orientation = ExifUtils.getExifOrientation(reader, 0);
            return orientation == null || orientation == Orientation.TOP_LEFT ? image
                    : ExifFilterUtils.getFilterForOrientation(orientation).apply(image);
        } catch (IOException | RuntimeException unreadableExif) {
            return image; // a broken EXIF block is dropped anyway; the picture stays as it was drawn
        }
    }

    private static boolean hasTransparentPixels(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return false;
        }
        int[] row = new int[image.getWidth()];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, row.length, 1, row, 0, row.length);
            if (Arrays.stream(row).anyMatch(argb -> argb >>> 24 != 0xFF)) {
                return true;
            }
        }
        return false;
    }

    /** Plain 8-bit RGB (or ARGB) pixels: no palette, no 16-bit or CMYK channels, no properties. */
    private static BufferedImage pixelsOnly(BufferedImage image, boolean transparent) {
        BufferedImage plain = new BufferedImage(image.getWidth(), image.getHeight(),
                transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = plain.createGraphics();
        try {
            if (!transparent) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, image.getWidth(), image.getHeight());
            }
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return plain;
    }

    private static byte[] encode(BufferedImage image, Format format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (format == Format.PNG) {
                ImageIO.write(image, "png", out);
                return out.toByteArray();
            }
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(stream);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
                writer.write(null, new IIOImage(image, null, null), param);
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
