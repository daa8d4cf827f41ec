package cn.dayuan.media;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

/** Pictures made for tests: photos, screenshots, and the broken and hostile files attackers upload. */
public final class TestPictures {

    private TestPictures() {
    }

    /** A photo: red along the top edge, blue along the bottom. */
    public static byte[] jpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.RED, 0, height, Color.BLUE));
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    public static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2a6f97));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /**
     * A strip of random colours (the same every time) as PNG: nothing for WebP to gain, its lossless copy comes out
     * larger than the PNG.
     */
    public static byte[] noisePng(int width, int height) throws IOException {
        java.util.Random random = new java.util.Random(1);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /**
     * The JPEG with an EXIF block as a phone writes it: orientation 6 (turn clockwise to show) and a GPS IFD, whose
     * latitude reference is the marker text {@code GPS-NORTH}.
     */
    public static byte[] withExif(byte[] jpeg) {
        ByteBuffer tiff = ByteBuffer.allocate(80);
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
        tiff.putShort((short) 2);                                                          // IFD0: two entries
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 6).putShort((short) 0);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);           // GPS IFD at 38
        tiff.putInt(0);
        tiff.putShort((short) 1);                                                          // GPS IFD: one entry
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(10).putInt(56);          // ASCII at 56
        tiff.putInt(0);
        tiff.put("GPS-NORTH\0".getBytes(StandardCharsets.US_ASCII));
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(tiff.array(), tiff.position()));
        int length = exif.length + 2;
        byte[] segment = concat(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length}, exif);
        return concat(Arrays.copyOf(jpeg, 2), concat(segment, Arrays.copyOfRange(jpeg, 2, jpeg.length)));
    }

    /** A valid, tiny PNG whose header claims {@code width × height} pixels: a decompression bomb. */
    public static byte[] pngClaiming(int width, int height) {
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height).put(new byte[] {8, 2, 0, 0, 0});
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[64 * 1024]);
        deflater.finish();
        byte[] compressed = new byte[1024];
        int n = deflater.deflate(compressed);
        return concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10},
                concat(chunk("IHDR", header.array()), concat(chunk("IDAT", Arrays.copyOf(compressed, n)),
                        chunk("IEND", new byte[0]))));
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(name).put(data)
                .putInt((int) crc.getValue()).array();
    }

    public static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
