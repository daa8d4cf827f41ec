package cn.dayuan.captcha;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ThreadLocalRandom;

import javax.imageio.ImageIO;

/**
 * Draws a code as a small PNG with Java2D (headless): each character turned and coloured a little differently,
 * over a pale background crossed by noise lines and dots, so that it stays easy for people and costly for OCR.
 */
final class CaptchaImage {

    static final int WIDTH = 120;
    static final int HEIGHT = 40;

    private CaptchaImage() {
    }

    static byte[] draw(String code) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(240 + random.nextInt(16), 240 + random.nextInt(16), 230 + random.nextInt(26)));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            for (int i = 0; i < 60; i++) {
                g.setColor(pale(random));
                g.fillOval(random.nextInt(WIDTH), random.nextInt(HEIGHT), 2, 2);
            }
            Font font = new Font(Font.SANS_SERIF, Font.BOLD, 26);
            int step = (WIDTH - 16) / Math.max(1, code.length());
            for (int i = 0; i < code.length(); i++) {
                AffineTransform turn = AffineTransform.getRotateInstance(Math.toRadians(random.nextInt(-25, 26)));
                g.setFont(font.deriveFont(turn));
                g.setColor(dark(random));
                g.drawString(String.valueOf(code.charAt(i)), 10 + i * step + random.nextInt(-2, 3),
                        29 + random.nextInt(-4, 5));
            }
            for (int i = 0; i < 4; i++) {
                g.setColor(dark(random));
                g.setStroke(new BasicStroke(1.2f));
                g.drawLine(random.nextInt(WIDTH / 3), random.nextInt(HEIGHT),
                        WIDTH - random.nextInt(WIDTH / 3), random.nextInt(HEIGHT));
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream(4096);
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    private static Color dark(ThreadLocalRandom random) {
        return new Color(random.nextInt(20, 120), random.nextInt(20, 120), random.nextInt(40, 140));
    }

    private static Color pale(ThreadLocalRandom random) {
        return new Color(random.nextInt(150, 230), random.nextInt(150, 230), random.nextInt(150, 230));
    }
}
