import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes a 12-megapixel (4000 x 3000) JPEG that compresses like a phone photo: sky and ground gradients, shapes and
 * sensor-like noise, at quality 0.92 (3 to 5 MB). Usage: java PhonePhoto.java OUT.jpg SEED
 */
public class PhonePhoto {
    public static void main(String[] args) throws Exception {
        int width = 4000, height = 3000;
        Random random = new Random(Long.parseLong(args[1]));
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(90, 140, 210), 0, height / 2f, new Color(220, 230, 240)));
        g.fillRect(0, 0, width, height / 2);
        g.setPaint(new GradientPaint(0, height / 2f, new Color(80, 110, 60), 0, height, new Color(140, 120, 90)));
        g.fillRect(0, height / 2, width, height / 2);
        for (int i = 0; i < 400; i++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 120));
            int w = 20 + random.nextInt(400), h = 20 + random.nextInt(400);
            g.fillOval(random.nextInt(width), random.nextInt(height), w, h);
        }
        g.dispose();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int n = random.nextInt(25) - 12;
                int r = clamp(((row[x] >> 16) & 0xFF) + n), gr = clamp(((row[x] >> 8) & 0xFF) + n), b = clamp((row[x] & 0xFF) + n);
                row[x] = (r << 16) | (gr << 8) | b;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(new File(args[0]))) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.92f);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        writer.dispose();
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
