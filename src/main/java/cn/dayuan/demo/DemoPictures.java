package cn.dayuan.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Paints the demo's pictures with Java2D: landscapes, towns and fields made of gradients and shapes. No text is
 * drawn, so no CJK font is needed and it works on a headless server. The same key always gives the same picture.
 */
final class DemoPictures {

    /** What a picture shows. */
    enum Scene {
        MOUNTAINS, RIVER, WATERFALL, FIELDS, GREENHOUSES, SOLAR, CITY, CITY_NIGHT, ROADWORKS, SNOW, LANTERNS,
        OLD_TOWN, PARK, WETLAND, ABSTRACT
    }

    /** Pictures are drawn in this coordinate space and scaled to the requested size. */
    private static final double W = 960;
    private static final double H = 540;

    private DemoPictures() {
    }

    static BufferedImage paint(Scene scene, long seed, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(width / W, height / H);
            new Painter(g, new Random(seed)).paint(scene);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The painted picture as a JPEG file, for the media library to take as an upload. */
    static byte[] jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.86f);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static final class Painter {

        private final Graphics2D g;
        private final Random random;

        Painter(Graphics2D g, Random random) {
            this.g = g;
            this.random = random;
        }

        void paint(Scene scene) {
            switch (scene) {
                case MOUNTAINS -> mountains();
                case RIVER -> river();
                case WATERFALL -> waterfall();
                case FIELDS -> fields();
                case GREENHOUSES -> greenhouses();
                case SOLAR -> solar();
                case CITY -> city();
                case CITY_NIGHT -> cityNight();
                case ROADWORKS -> roadworks();
                case SNOW -> snow();
                case LANTERNS -> lanterns();
                case OLD_TOWN -> oldTown();
                case PARK -> park();
                case WETLAND -> wetland();
                case ABSTRACT -> abstractShapes();
            }
        }

        // ---- scenes -----------------------------------------------------------------------------------------

        private void mountains() {
            boolean autumn = random.nextBoolean();
            Color skyTop = rgb(0x5d8fc9);
            Color skyLow = autumn ? rgb(0xf6d7a7) : rgb(0xd7e9f5);
            sky(skyTop, skyLow, 330);
            sun(160 + random.nextDouble() * 640, 90 + random.nextDouble() * 60, 34, rgb(0xfff3c4));
            clouds(4, 40, 170, new Color(255, 255, 255, 170));
            Color[] layers = autumn
                    ? new Color[] {rgb(0x9db0c8), rgb(0x7f8f7a), rgb(0x8c6a3f), rgb(0xa5472c)}
                    : new Color[] {rgb(0xa9bdd4), rgb(0x7d9a8a), rgb(0x4f7a52), rgb(0x2f5a36)};
            double[] bases = {300, 350, 410, 480};
            for (int i = 0; i < layers.length; i++) {
                ridge(bases[i], 90 - i * 10, 0.55, layers[i], darker(layers[i], 0.75));
            }
            for (int i = 0; i < 14; i++) {
                roundTree(random.nextDouble() * W, 500 + random.nextDouble() * 40, 18 + random.nextDouble() * 14,
                        autumn ? rgb(0xc8642b) : rgb(0x2e6b34));
            }
        }

        private void river() {
            sky(rgb(0x6f9fd0), rgb(0xf3e2c0), 250);
            sun(720, 100, 30, rgb(0xfff0c0));
            clouds(3, 40, 140, new Color(255, 255, 255, 150));
            ridge(240, 60, 0.5, rgb(0xc2b091), rgb(0xa8946c));
            g.setPaint(new GradientPaint(0, 250, rgb(0xb89a66), 0, (float) H, rgb(0x7e6a3e)));
            g.fill(new Rectangle2D.Double(0, 250, W, H - 250));
            // the Yellow River winding towards the viewer, widening as it comes
            Path2D river = new Path2D.Double();
            river.moveTo(430, 262);
            river.curveTo(380, 320, 640, 360, 520, 420);
            river.curveTo(430, 470, 200, 500, 120, H);
            river.lineTo(860, H);
            river.curveTo(820, 470, 700, 440, 720, 400);
            river.curveTo(760, 340, 480, 320, 470, 262);
            river.closePath();
            g.setPaint(new GradientPaint(0, 262, rgb(0xd3a866), 0, (float) H, rgb(0x9c6b32)));
            g.fill(river);
            Shape clip = g.getClip();
            g.clip(river);
            for (int i = 0; i < 120; i++) {
                double y = 265 + Math.pow(random.nextDouble(), 1.4) * 275;
                double len = 8 + (y - 260) * 0.35;
                double x = random.nextDouble() * W;
                g.setStroke(new BasicStroke((float) (1 + (y - 260) / 90)));
                g.setColor(new Color(252, 236, 200, 90 + random.nextInt(80)));
                g.draw(new QuadCurve2D.Double(x, y, x + len / 2, y - 3 - len / 10, x + len, y));
            }
            g.setClip(clip);
            for (int i = 0; i < 10; i++) {
                double x = random.nextBoolean() ? random.nextDouble() * 200 : 760 + random.nextDouble() * 200;
                roundTree(x, 300 + random.nextDouble() * 220, 14 + random.nextDouble() * 12, rgb(0x5f7d3a));
            }
        }

        private void waterfall() {
            sky(rgb(0x7aa7d6), rgb(0xe8eef2), 170);
            clouds(3, 20, 110, new Color(255, 255, 255, 160));
            ridge(175, 35, 0.5, rgb(0xc9ad7c), rgb(0xb0915e));
            // the broad river coming from upstream
            g.setPaint(new GradientPaint(0, 200, rgb(0xc9a160), 0, 330, rgb(0xb0803f)));
            g.fill(new Rectangle2D.Double(0, 195, W, 140));
            g.setStroke(new BasicStroke(2f));
            for (int i = 0; i < 60; i++) {
                double y = 200 + random.nextDouble() * 125;
                double x = random.nextDouble() * W;
                g.setColor(new Color(250, 232, 190, 110));
                g.draw(new Line2D.Double(x, y, x + 20 + (y - 195) * 0.4, y));
            }
            // rock shelves of the riverbed on both sides of the trough
            Path2D rock = new Path2D.Double();
            rock.moveTo(0, 330);
            rock.lineTo(330, 330);
            rock.curveTo(400, 360, 430, 420, 440, H);
            rock.lineTo(0, H);
            rock.closePath();
            rock.moveTo(W, 330);
            rock.lineTo(630, 330);
            rock.curveTo(560, 360, 530, 420, 520, H);
            rock.lineTo(W, H);
            rock.closePath();
            g.setPaint(new GradientPaint(0, 330, rgb(0x8d7a66), 0, (float) H, rgb(0x4d4036)));
            g.fill(rock);
            Shape clip = g.getClip();
            g.clip(rock);
            g.setColor(new Color(40, 30, 25, 90));
            for (double y = 345; y < H; y += 16 + random.nextDouble() * 10) {
                g.draw(new Line2D.Double(0, y, W, y + (random.nextDouble() - 0.5) * 8));
            }
            g.setClip(clip);
            // the trough the whole river falls into
            Path2D trough = new Path2D.Double();
            trough.moveTo(330, 330);
            trough.curveTo(400, 360, 430, 420, 440, H);
            trough.lineTo(520, H);
            trough.curveTo(530, 420, 560, 360, 630, 330);
            trough.closePath();
            g.setPaint(new GradientPaint(0, 330, rgb(0xf0dcb2), 0, (float) H, rgb(0x9a6a34)));
            g.fill(trough);
            // foam on the falling water
            clip = g.getClip();
            g.clip(trough);
            g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (int i = 0; i < 90; i++) {
                double x = 330 + random.nextDouble() * 300;
                double y = 330 + random.nextDouble() * 190;
                double len = 15 + random.nextDouble() * 35;
                g.setColor(new Color(255, 250, 238, 90 + random.nextInt(110)));
                g.draw(new QuadCurve2D.Double(x, y, x + (480 - x) * 0.1 + 4, y + len / 2, x + (480 - x) * 0.15,
                        y + len));
            }
            g.setClip(clip);
            mist(480, 380, 300, 16);
            rainbow(600, 470, 150);
        }

        private void fields() {
            sky(rgb(0x5a92d0), rgb(0xe6f0f7), 220);
            sun(180, 80, 30, rgb(0xfff5cf));
            clouds(4, 30, 140, new Color(255, 255, 255, 180));
            ridge(210, 60, 0.55, rgb(0x98aab8), rgb(0x7f93a3));
            Color[] terraces = {rgb(0xd9b24a), rgb(0xc99a34), rgb(0xe0bd5c), rgb(0xb98a2c), rgb(0xd6a941),
                    rgb(0xc08f2f), rgb(0xe4c46a)};
            for (int i = 0; i < terraces.length; i++) {
                double base = 250 + i * 44;
                Path2D terrace = ridgePath(base, 26, 0.45);
                g.setPaint(new GradientPaint(0, (float) (base - 26), terraces[i], 0, (float) (base + 60),
                        darker(terraces[i], 0.85)));
                g.fill(terrace);
                g.setColor(new Color(110, 80, 30, 120));
                g.setStroke(new BasicStroke(2f));
                g.draw(terrace);
            }
            // ears of millet bending in the foreground
            g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (int i = 0; i < 36; i++) {
                double x = random.nextDouble() * W;
                double y = 470 + random.nextDouble() * 70;
                g.setColor(rgb(0x6f7d2c));
                g.draw(new QuadCurve2D.Double(x, H, x + 5, y + 20, x + 26, y));
                g.setColor(rgb(0xe8c35a));
                g.fill(new Ellipse2D.Double(x + 18, y - 4, 22, 11));
            }
        }

        private void greenhouses() {
            sky(rgb(0x8fb6dc), rgb(0xeef3f6), 260);
            sun(800, 90, 26, rgb(0xfff7dc));
            ridge(250, 50, 0.5, rgb(0xb9c3c9), rgb(0xa3afb6));
            g.setPaint(new GradientPaint(0, 250, rgb(0x9c8466), 0, (float) H, rgb(0x6f5a40)));
            g.fill(new Rectangle2D.Double(0, 250, W, H - 250));
            for (int row = 0; row < 4; row++) {
                double scale = 0.45 + row * 0.25;
                double base = 280 + row * row * 22 + row * 40;
                double width = 220 * scale;
                double height = 70 * scale;
                double offset = random.nextDouble() * width;
                for (double x = -offset; x < W; x += width * 1.12) {
                    g.setColor(rgb(0x8a6f50));
                    g.fill(new Rectangle2D.Double(x, base - height * 0.35, width, height * 0.35));
                    Arc2D arch = new Arc2D.Double(x, base - height, width, height * 2, 0, 180, Arc2D.CHORD);
                    g.setPaint(new GradientPaint(0, (float) (base - height), new Color(240, 248, 252),
                            0, (float) base, new Color(180, 205, 215)));
                    g.fill(arch);
                    g.setColor(new Color(120, 150, 165, 160));
                    g.setStroke(new BasicStroke((float) (1.2 * scale)));
                    for (int rib = 1; rib < 8; rib++) {
                        double t = rib / 8.0;
                        double rx = x + width * t;
                        double ry = base - height * Math.sin(Math.PI * t);
                        g.draw(new Line2D.Double(rx, ry, rx, base));
                    }
                }
            }
        }

        private void solar() {
            sky(rgb(0x3f86d1), rgb(0xd6ebf7), 300);
            clouds(3, 40, 150, new Color(255, 255, 255, 190));
            ridge(250, 70, 0.5, rgb(0xa9bccb), rgb(0x93a8b8));
            Path2D near = ridgePath(300, 50, 0.45);
            g.setPaint(new GradientPaint(0, 250, rgb(0x8aa05e), 0, (float) H, rgb(0x5d7440)));
            g.fill(near);
            for (int i = 0; i < 4; i++) {
                turbine(120 + i * 230 + random.nextDouble() * 60, 230 + random.nextDouble() * 40,
                        110 + random.nextDouble() * 40);
            }
            for (int row = 0; row < 5; row++) {
                double y = 340 + row * 42;
                double panelH = 22 + row * 5;
                double panelW = 60 + row * 14;
                for (double x = -row * 17; x < W; x += panelW + 8) {
                    Path2D panel = new Path2D.Double();
                    panel.moveTo(x + panelW * 0.15, y);
                    panel.lineTo(x + panelW * 1.15, y);
                    panel.lineTo(x + panelW, y + panelH);
                    panel.lineTo(x, y + panelH);
                    panel.closePath();
                    g.setPaint(new GradientPaint((float) x, (float) y, rgb(0x2a4d8f), (float) (x + panelW),
                            (float) (y + panelH), rgb(0x173060)));
                    g.fill(panel);
                    g.setColor(new Color(190, 210, 240, 120));
                    g.setStroke(new BasicStroke(1f));
                    for (int k = 1; k < 4; k++) {
                        double t = k / 4.0;
                        g.draw(new Line2D.Double(x + panelW * 0.15 * (1 - t), y + panelH * t,
                                x + panelW * (1.15 - 0.15 * t), y + panelH * t));
                    }
                    g.draw(panel);
                }
            }
        }

        private void city() {
            sky(rgb(0x4f8fd6), rgb(0xdcecf8), 380);
            sun(150 + random.nextDouble() * 660, 80, 28, rgb(0xfff6d6));
            clouds(4, 30, 160, new Color(255, 255, 255, 185));
            skyline(360, 50, 170, rgb(0xaebfd0), false);
            skyline(410, 80, 230, rgb(0x7f94aa), false);
            skyline(460, 60, 160, rgb(0x56677a), false);
            street(rgb(0x4a4f57));
            for (double x = 20; x < W; x += 90 + random.nextDouble() * 30) {
                roundTree(x, 470, 20, rgb(0x3c7d3f));
            }
        }

        private void cityNight() {
            sky(rgb(0x0d1633), rgb(0x3b3a6b), 420);
            stars(120, 300);
            moon(780, 90, 26);
            skyline(380, 60, 200, rgb(0x1f2747), true);
            skyline(450, 90, 260, rgb(0x141a33), true);
            street(rgb(0x1b1d26));
            // light trails of passing cars
            g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (int i = 0; i < 14; i++) {
                double y = 490 + random.nextDouble() * 40;
                g.setColor(i % 2 == 0 ? new Color(255, 80, 60, 170) : new Color(255, 240, 200, 170));
                g.draw(new QuadCurve2D.Double(0, y, W / 2, y - 18, W, y + 6));
            }
        }

        private void roadworks() {
            sky(rgb(0x77a6d8), rgb(0xe3eef6), 260);
            clouds(3, 30, 130, new Color(255, 255, 255, 170));
            skyline(260, 40, 120, rgb(0xb4c3d1), false);
            g.setPaint(new GradientPaint(0, 260, rgb(0x9aa58a), 0, (float) H, rgb(0x6f7c5e)));
            g.fill(new Rectangle2D.Double(0, 260, W, H - 260));
            double vx = W * 0.55;
            double horizon = 260;
            Path2D road = new Path2D.Double();
            road.moveTo(vx - 10, horizon);
            road.lineTo(vx + 10, horizon);
            road.lineTo(W * 1.05, H);
            road.lineTo(-W * 0.05, H);
            road.closePath();
            g.setPaint(new GradientPaint(0, (float) horizon, rgb(0x8d8f94), 0, (float) H, rgb(0x4d5056)));
            g.fill(road);
            // dashed centre line, dashes growing towards the viewer
            g.setColor(rgb(0xf2d04a));
            for (double s = 0.05; s < 1; s += 0.12) {
                double y0 = horizon + (H - horizon) * s * s;
                double y1 = horizon + (H - horizon) * Math.pow(s + 0.06, 2);
                double w0 = 1 + 8 * s;
                double w1 = 1 + 8 * (s + 0.06);
                Path2D dash = new Path2D.Double();
                dash.moveTo(vx - w0 / 2, y0);
                dash.lineTo(vx + w0 / 2, y0);
                dash.lineTo(vx + w1 / 2, y1);
                dash.lineTo(vx - w1 / 2, y1);
                dash.closePath();
                g.fill(dash);
            }
            // an excavator at work, its arm reaching above the site hoarding
            g.setColor(rgb(0xf0b323));
            g.fill(new Rectangle2D.Double(120, 300, 120, 60));
            g.setColor(rgb(0x2b3440));
            g.fill(new Rectangle2D.Double(200, 270, 40, 34));
            g.setColor(rgb(0xe0a21a));
            g.setStroke(new BasicStroke(14f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            Path2D arm = new Path2D.Double();
            arm.moveTo(150, 305);
            arm.lineTo(90, 200);
            arm.lineTo(30, 270);
            g.draw(arm);
            g.fill(new Rectangle2D.Double(10, 262, 34, 28));
            // blue site hoarding along the closed half of the road, traffic cones in front of it
            Path2D hoarding = new Path2D.Double();
            hoarding.moveTo(vx - 14, horizon);
            hoarding.lineTo(vx - 14, horizon - 4);
            hoarding.lineTo(-W * 0.05, H - 170);
            hoarding.lineTo(-W * 0.05, H - 10);
            hoarding.closePath();
            g.setColor(rgb(0x2f6fb5));
            g.fill(hoarding);
            Path2D stripe = new Path2D.Double();
            stripe.moveTo(vx - 14, horizon - 4);
            stripe.lineTo(vx - 14, horizon - 2);
            stripe.lineTo(-W * 0.05, H - 150);
            stripe.lineTo(-W * 0.05, H - 170);
            stripe.closePath();
            g.setColor(new Color(255, 255, 255, 200));
            g.fill(stripe);
            g.setColor(new Color(20, 50, 90, 110));
            g.setStroke(new BasicStroke(1.5f));
            for (double s = 0.1; s < 1.05; s += 0.08) {
                double x = vx - 14 - (vx - 14 + W * 0.05) * s;
                g.draw(new Line2D.Double(x, horizon - 4 + (H - 166 - horizon) * s, x, horizon + (H - 10 - horizon) * s));
            }
            for (double s = 0.25; s < 1.0; s += 0.15) {
                double y = horizon + (H - horizon) * s;
                double x = vx - (vx + W * 0.05) * s * 0.55;
                cone(x, y, 10 + 40 * s);
            }
        }

        private void snow() {
            sky(rgb(0x8fa7bf), rgb(0xe4ebf1), 300);
            ridge(280, 80, 0.5, rgb(0xe9eef3), rgb(0xc9d4de));
            g.setPaint(new GradientPaint(0, 330, rgb(0xf5f8fb), 0, (float) H, rgb(0xd9e3ec)));
            g.fill(ridgePath(360, 20, 0.4));
            for (int i = 0; i < 5; i++) {
                house(120 + i * 170 + random.nextDouble() * 40, 400 + random.nextDouble() * 30,
                        70 + random.nextDouble() * 30);
            }
            g.setColor(rgb(0x4a4440));
            for (int i = 0; i < 6; i++) {
                bareTree(60 + i * 170 + random.nextDouble() * 60, 500 + random.nextDouble() * 30, 60, -Math.PI / 2,
                        6);
            }
            g.setColor(new Color(255, 255, 255, 210));
            for (int i = 0; i < 260; i++) {
                double r = 1 + random.nextDouble() * 3;
                g.fill(new Ellipse2D.Double(random.nextDouble() * W, random.nextDouble() * H, r, r));
            }
        }

        private void lanterns() {
            sky(rgb(0x10122e), rgb(0x4a2450), 540);
            stars(80, 260);
            for (int i = 0; i < 3; i++) {
                firework(150 + random.nextDouble() * 660, 80 + random.nextDouble() * 120,
                        50 + random.nextDouble() * 40);
            }
            rooftops(470, rgb(0x140c18));
            for (int string = 0; string < 2; string++) {
                double y0 = 150 + string * 110;
                double sag = 60;
                g.setColor(new Color(60, 40, 40));
                g.setStroke(new BasicStroke(2f));
                g.draw(new QuadCurve2D.Double(-20, y0, W / 2, y0 + sag * 2, W + 20, y0));
                for (int k = 1; k < 8; k++) {
                    double t = k / 8.0;
                    double x = -20 + (W + 40) * t;
                    double y = y0 + 2 * sag * 2 * t * (1 - t);
                    lantern(x, y + 10, 0.8 + string * 0.35);
                }
            }
        }

        private void oldTown() {
            sky(rgb(0x33406e), rgb(0xf0a868), 360);
            sun(760, 300, 40, rgb(0xffd08a));
            // the city wall with battlements
            double top = 330;
            g.setPaint(new GradientPaint(0, (float) top, rgb(0x7a5a48), 0, 470, rgb(0x4e3a30)));
            g.fill(new Rectangle2D.Double(0, top, W, 470 - top));
            for (double x = 0; x < W; x += 28) {
                g.fill(new Rectangle2D.Double(x, top - 14, 16, 14));
            }
            g.setColor(new Color(40, 28, 22, 90));
            g.setStroke(new BasicStroke(1f));
            for (double y = top + 14; y < 470; y += 14) {
                g.draw(new Line2D.Double(0, y, W, y));
            }
            // the gate tower: two storeys with upturned eaves
            double cx = 400 + random.nextDouble() * 160;
            g.setColor(rgb(0x3b2a24));
            g.fill(new Rectangle2D.Double(cx - 150, top - 40, 300, 40));
            g.setColor(rgb(0x8e2f25));
            g.fill(new Rectangle2D.Double(cx - 110, top - 110, 220, 70));
            roof(cx, top - 110, 300, 40, rgb(0x2c2f3a));
            g.setColor(rgb(0x8e2f25));
            g.fill(new Rectangle2D.Double(cx - 80, top - 185, 160, 50));
            roof(cx, top - 185, 230, 38, rgb(0x2c2f3a));
            g.setColor(rgb(0x20140f));
            g.fill(new Arc2D.Double(cx - 35, 400, 70, 120, 0, 180, Arc2D.CHORD));
            g.fill(new Rectangle2D.Double(cx - 35, 460, 70, 10));
            // warm lights along the wall
            for (double x = 20; x < W; x += 56) {
                glow(x, top + 20, 16, new Color(255, 200, 110));
            }
            g.setPaint(new GradientPaint(0, 470, rgb(0x3a2c2a), 0, (float) H, rgb(0x1f1816)));
            g.fill(new Rectangle2D.Double(0, 470, W, H - 470));
        }

        private void park() {
            sky(rgb(0x79b0e0), rgb(0xeaf4fa), 280);
            sun(160, 90, 28, rgb(0xfff8de));
            clouds(3, 40, 150, new Color(255, 255, 255, 170));
            skyline(280, 40, 140, rgb(0xbccbd8), false);
            water(280, rgb(0x8fbcd8), rgb(0x5f95b8));
            g.setPaint(new GradientPaint(0, 330, rgb(0x7fb35a), 0, (float) H, rgb(0x4b8434)));
            Path2D lawn = new Path2D.Double();
            lawn.moveTo(0, 330);
            lawn.curveTo(300, 310, 600, 350, W, 320);
            lawn.lineTo(W, H);
            lawn.lineTo(0, H);
            lawn.closePath();
            g.fill(lawn);
            Path2D path = new Path2D.Double();
            path.moveTo(460, 335);
            path.curveTo(380, 400, 640, 440, 520, H);
            path.lineTo(760, H);
            path.curveTo(820, 440, 520, 400, 490, 335);
            path.closePath();
            g.setPaint(new GradientPaint(0, 335, rgb(0xd8c7a5), 0, (float) H, rgb(0xb7a07a)));
            g.fill(path);
            for (int i = 0; i < 16; i++) {
                double x = random.nextDouble() * W;
                double y = 340 + random.nextDouble() * 180;
                roundTree(x, y, 10 + (y - 330) * 0.14, rgb(0x2f7a3a));
            }
            for (double s = 0.2; s < 1; s += 0.3) {
                lamp(450 + 240 * s, 335 + 205 * s, 30 + 90 * s);
            }
        }

        private void wetland() {
            sky(rgb(0x9fb8d6), rgb(0xf7e3c8), 300);
            sun(300, 260, 34, rgb(0xffe1b0));
            ridge(290, 30, 0.45, rgb(0x9aa4ad), rgb(0x8a949c));
            water(300, rgb(0xc7d6e2), rgb(0x7b9bb5));
            for (int i = 0; i < 7; i++) {
                swan(120 + random.nextDouble() * 720, 340 + random.nextDouble() * 110,
                        0.7 + random.nextDouble() * 0.6, random.nextBoolean());
            }
            g.setColor(new Color(50, 50, 60, 200));
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (int i = 0; i < 12; i++) {
                double x = 500 + random.nextDouble() * 420;
                double y = 60 + random.nextDouble() * 150;
                double s = 6 + random.nextDouble() * 8;
                g.draw(new QuadCurve2D.Double(x - s, y, x - s / 2, y - s / 2, x, y));
                g.draw(new QuadCurve2D.Double(x, y, x + s / 2, y - s / 2, x + s, y));
            }
            for (int i = 0; i < 140; i++) {
                double x = random.nextDouble() * W;
                double height = 60 + random.nextDouble() * 110;
                double lean = (random.nextDouble() - 0.3) * 40;
                g.setColor(random.nextBoolean() ? rgb(0xb59a63) : rgb(0x8f7646));
                g.setStroke(new BasicStroke(1.6f));
                g.draw(new QuadCurve2D.Double(x, H, x + lean / 3, H - height / 2, x + lean, H - height));
                g.setColor(rgb(0xd9c08a));
                g.fill(new Ellipse2D.Double(x + lean - 3, H - height - 14, 6, 16));
            }
        }

        private void abstractShapes() {
            Color[][] palettes = {
                    {rgb(0x1f6fb2), rgb(0x39b3a8)},
                    {rgb(0xc2362f), rgb(0xf08c45)},
                    {rgb(0x2f8f5b), rgb(0xb8d85a)},
                    {rgb(0x5a4fb2), rgb(0x43a5e0)},
                    {rgb(0xd07a1d), rgb(0xf2cf5b)}};
            Color[] palette = palettes[random.nextInt(palettes.length)];
            g.setPaint(new GradientPaint(0, 0, palette[0], (float) W, (float) H, palette[1]));
            g.fill(new Rectangle2D.Double(0, 0, W, H));
            for (int i = 0; i < 14; i++) {
                double r = 30 + random.nextDouble() * 170;
                g.setColor(new Color(255, 255, 255, 18 + random.nextInt(40)));
                g.fill(new Ellipse2D.Double(random.nextDouble() * W - r, random.nextDouble() * H - r, 2 * r, 2 * r));
            }
            g.setColor(new Color(255, 255, 255, 30));
            for (int i = 0; i < 3; i++) {
                double x = random.nextDouble() * W;
                Path2D band = new Path2D.Double();
                band.moveTo(x, 0);
                band.lineTo(x + 80, 0);
                band.lineTo(x - 220, H);
                band.lineTo(x - 300, H);
                band.closePath();
                g.fill(band);
            }
            // a phone-like card with list rows: the feel of an online service
            double cardX = 560 + random.nextDouble() * 120;
            g.setColor(new Color(255, 255, 255, 225));
            g.fill(new RoundRectangle2D.Double(cardX, 90, 220, 380, 34, 34));
            for (int row = 0; row < 5; row++) {
                double y = 150 + row * 60;
                g.setColor(alpha(palette[0], 200));
                g.fill(new Ellipse2D.Double(cardX + 24, y, 30, 30));
                g.setColor(new Color(200, 208, 218));
                g.fill(new RoundRectangle2D.Double(cardX + 66, y + 4, 120 - row * 10, 9, 9, 9));
                g.fill(new RoundRectangle2D.Double(cardX + 66, y + 19, 80, 7, 7, 7));
            }
            g.setColor(new Color(255, 255, 255, 200));
            for (int i = 0; i < 3; i++) {
                g.fill(new RoundRectangle2D.Double(90 + i * 40, 200 + i * 70, 300 - i * 60, 22, 22, 22));
            }
        }

        // ---- parts ------------------------------------------------------------------------------------------

        private void sky(Color top, Color bottom, double horizon) {
            g.setPaint(new GradientPaint(0, 0, top, 0, (float) horizon, bottom));
            g.fill(new Rectangle2D.Double(0, 0, W, H));
        }

        private void sun(double x, double y, double r, Color color) {
            glow(x, y, r * 4, color);
            g.setColor(color);
            g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
        }

        private void moon(double x, double y, double r) {
            glow(x, y, r * 3, new Color(220, 225, 255));
            g.setColor(new Color(245, 244, 230));
            g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
        }

        private void glow(double x, double y, double r, Color color) {
            g.setPaint(new RadialGradientPaint(new Point2D.Double(x, y), (float) r, new float[] {0f, 0.3f, 1f},
                    new Color[] {alpha(color, 230), alpha(color, 90), alpha(color, 0)},
                    MultipleGradientPaint.CycleMethod.NO_CYCLE));
            g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
        }

        private void clouds(int count, double yMin, double yMax, Color color) {
            g.setColor(color);
            for (int i = 0; i < count; i++) {
                double cx = random.nextDouble() * W;
                double cy = yMin + random.nextDouble() * (yMax - yMin);
                for (int k = 0; k < 6; k++) {
                    double w = 60 + random.nextDouble() * 90;
                    double h = 24 + random.nextDouble() * 26;
                    g.fill(new Ellipse2D.Double(cx + (random.nextDouble() - 0.5) * 140 - w / 2,
                            cy + (random.nextDouble() - 0.5) * 26 - h / 2, w, h));
                }
            }
        }

        private void stars(int count, double maxY) {
            for (int i = 0; i < count; i++) {
                double r = 0.8 + random.nextDouble() * 1.8;
                g.setColor(new Color(255, 255, 240, 120 + random.nextInt(130)));
                g.fill(new Ellipse2D.Double(random.nextDouble() * W, random.nextDouble() * maxY, r, r));
            }
        }

        /** A mountain ridge from midpoint displacement, filled down to the bottom edge. */
        private void ridge(double base, double amplitude, double roughness, Color top, Color bottom) {
            Path2D path = ridgePath(base, amplitude, roughness);
            g.setPaint(new GradientPaint(0, (float) (base - amplitude), top, 0, (float) H, bottom));
            g.fill(path);
        }

        private Path2D ridgePath(double base, double amplitude, double roughness) {
            int n = 129;
            double[] heights = new double[n];
            heights[0] = random.nextDouble() * amplitude;
            heights[n - 1] = random.nextDouble() * amplitude;
            double spread = amplitude;
            for (int step = n - 1; step > 1; step /= 2) {
                for (int i = step / 2; i < n; i += step) {
                    heights[i] = (heights[i - step / 2] + heights[i + step / 2]) / 2
                            + (random.nextDouble() * 2 - 1) * spread;
                }
                spread *= roughness;
            }
            Path2D path = new Path2D.Double();
            path.moveTo(0, H);
            for (int i = 0; i < n; i++) {
                path.lineTo(i * W / (n - 1), base - Math.max(0, heights[i]));
            }
            path.lineTo(W, H);
            path.closePath();
            return path;
        }

        private void water(double top, Color near, Color far) {
            g.setPaint(new GradientPaint(0, (float) top, near, 0, (float) H, far));
            g.fill(new Rectangle2D.Double(0, top, W, H - top));
            g.setStroke(new BasicStroke(1.5f));
            for (int i = 0; i < 70; i++) {
                double y = top + 4 + random.nextDouble() * (H - top);
                double len = 10 + random.nextDouble() * 50;
                double x = random.nextDouble() * W;
                g.setColor(new Color(255, 255, 255, 40 + random.nextInt(60)));
                g.draw(new Line2D.Double(x, y, x + len, y));
            }
        }


        private void mist(double cx, double cy, double spread, int puffs) {
            for (int i = 0; i < puffs; i++) {
                double w = 80 + random.nextDouble() * 160;
                double h = 40 + random.nextDouble() * 70;
                g.setColor(new Color(255, 255, 255, 40 + random.nextInt(50)));
                g.fill(new Ellipse2D.Double(cx + (random.nextDouble() - 0.5) * spread - w / 2,
                        cy + random.nextDouble() * 120 - h / 2, w, h));
            }
        }

        private void rainbow(double cx, double cy, double r) {
            Color[] bands = {new Color(230, 60, 60, 70), new Color(240, 160, 50, 70), new Color(240, 230, 80, 70),
                    new Color(80, 190, 90, 70), new Color(70, 130, 220, 70), new Color(130, 80, 200, 60)};
            g.setStroke(new BasicStroke(6f));
            for (int i = 0; i < bands.length; i++) {
                double rr = r - i * 6;
                g.setColor(bands[i]);
                g.draw(new Arc2D.Double(cx - rr, cy - rr, 2 * rr, 2 * rr, 20, 140, Arc2D.OPEN));
            }
        }

        private void roundTree(double x, double baseY, double size, Color leaves) {
            g.setColor(rgb(0x5a4030));
            g.fill(new Rectangle2D.Double(x - size * 0.08, baseY - size * 0.9, size * 0.16, size * 0.9));
            Color[] shades = {darker(leaves, 0.8), leaves, brighter(leaves, 1.2)};
            double[][] blobs = {{-0.45, -1.3, 0.7}, {0.15, -1.4, 0.75}, {-0.15, -1.8, 0.7}};
            for (int i = 0; i < blobs.length; i++) {
                double r = size * blobs[i][2];
                g.setColor(shades[i]);
                g.fill(new Ellipse2D.Double(x + size * blobs[i][0] - r / 2 + size * 0.15, baseY + size * blobs[i][1]
                        - r / 2 + size * 0.3, r * 1.2, r));
            }
        }

        private void bareTree(double x, double y, double length, double angle, int depth) {
            if (depth == 0) {
                return;
            }
            double x2 = x + Math.cos(angle) * length;
            double y2 = y + Math.sin(angle) * length;
            g.setStroke(new BasicStroke((float) (depth * 0.9), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Line2D.Double(x, y, x2, y2));
            double spread = 0.35 + random.nextDouble() * 0.25;
            bareTree(x2, y2, length * (0.66 + random.nextDouble() * 0.1), angle - spread, depth - 1);
            bareTree(x2, y2, length * (0.66 + random.nextDouble() * 0.1), angle + spread, depth - 1);
        }

        private void skyline(double base, double minHeight, double maxHeight, Color color, boolean lit) {
            double x = -random.nextDouble() * 40;
            while (x < W) {
                double width = 40 + random.nextDouble() * 70;
                double height = minHeight + random.nextDouble() * (maxHeight - minHeight);
                g.setColor(color);
                g.fill(new Rectangle2D.Double(x, base - height, width - 4, height));
                for (double wy = base - height + 10; wy < base - 12; wy += 16) {
                    for (double wx = x + 6; wx < x + width - 14; wx += 12) {
                        if (lit) {
                            if (random.nextDouble() < 0.45) {
                                g.setColor(new Color(255, 214, 130, 150 + random.nextInt(100)));
                                g.fill(new Rectangle2D.Double(wx, wy, 6, 8));
                            }
                        } else {
                            g.setColor(alpha(brighter(color, 1.25), 120));
                            g.fill(new Rectangle2D.Double(wx, wy, 6, 8));
                        }
                    }
                }
                x += width;
            }
        }

        private void street(Color asphalt) {
            g.setColor(asphalt);
            g.fill(new Rectangle2D.Double(0, 470, W, H - 470));
            g.setColor(new Color(240, 240, 240, 170));
            for (double x = 10; x < W; x += 80) {
                g.fill(new Rectangle2D.Double(x, 503, 44, 5));
            }
        }

        private void house(double x, double baseY, double width) {
            double height = width * 0.6;
            g.setColor(rgb(0x9a7b62));
            g.fill(new Rectangle2D.Double(x, baseY - height, width, height));
            g.setColor(rgb(0xf2c46d));
            g.fill(new Rectangle2D.Double(x + width * 0.2, baseY - height * 0.7, width * 0.2, height * 0.3));
            g.fill(new Rectangle2D.Double(x + width * 0.6, baseY - height * 0.7, width * 0.2, height * 0.3));
            Path2D roof = new Path2D.Double();
            roof.moveTo(x - 10, baseY - height);
            roof.lineTo(x + width / 2, baseY - height - width * 0.35);
            roof.lineTo(x + width + 10, baseY - height);
            roof.closePath();
            g.setColor(rgb(0xfafcff));
            g.fill(roof);
            g.setColor(new Color(150, 160, 175, 160));
            g.setStroke(new BasicStroke(1.5f));
            g.draw(roof);
            // smoke from the chimney: the heating is on
            g.setColor(rgb(0x7b665a));
            g.fill(new Rectangle2D.Double(x + width * 0.7, baseY - height - width * 0.3, 10, width * 0.2));
            for (int i = 0; i < 5; i++) {
                double r = 8 + i * 5;
                g.setColor(new Color(235, 238, 242, 120 - i * 18));
                g.fill(new Ellipse2D.Double(x + width * 0.7 + i * 8 - r / 2, baseY - height - width * 0.35 - i * 16,
                        r, r));
            }
        }

        private void cone(double x, double baseY, double height) {
            Path2D cone = new Path2D.Double();
            cone.moveTo(x - height * 0.35, baseY);
            cone.lineTo(x, baseY - height);
            cone.lineTo(x + height * 0.35, baseY);
            cone.closePath();
            g.setColor(rgb(0xf26a1b));
            g.fill(cone);
            g.setColor(Color.WHITE);
            g.fill(new Rectangle2D.Double(x - height * 0.2, baseY - height * 0.55, height * 0.4, height * 0.12));
            g.setColor(rgb(0x333333));
            g.fill(new Rectangle2D.Double(x - height * 0.45, baseY - height * 0.06, height * 0.9, height * 0.06));
        }

        private void turbine(double x, double baseY, double height) {
            g.setColor(new Color(245, 247, 250));
            Path2D tower = new Path2D.Double();
            tower.moveTo(x - 4, baseY);
            tower.lineTo(x - 1.5, baseY - height);
            tower.lineTo(x + 1.5, baseY - height);
            tower.lineTo(x + 4, baseY);
            tower.closePath();
            g.fill(tower);
            double hubY = baseY - height;
            double start = random.nextDouble() * Math.PI;
            AffineTransform saved = g.getTransform();
            for (int blade = 0; blade < 3; blade++) {
                g.setTransform(saved);
                g.rotate(start + blade * 2 * Math.PI / 3, x, hubY);
                Path2D shape = new Path2D.Double();
                shape.moveTo(x, hubY - 3);
                shape.quadTo(x + height * 0.3, hubY - 6, x + height * 0.5, hubY);
                shape.quadTo(x + height * 0.3, hubY + 2, x, hubY + 3);
                shape.closePath();
                g.fill(shape);
            }
            g.setTransform(saved);
            g.fill(new Ellipse2D.Double(x - 4, hubY - 4, 8, 8));
        }

        private void firework(double x, double y, double r) {
            Color color = new Color[] {rgb(0xffd35c), rgb(0xff6b6b), rgb(0x7fd3ff), rgb(0xb98cff)}[random.nextInt(4)];
            g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (int i = 0; i < 36; i++) {
                double a = i * Math.PI * 2 / 36;
                double len = r * (0.7 + random.nextDouble() * 0.3);
                g.setColor(alpha(color, 170));
                g.draw(new Line2D.Double(x + Math.cos(a) * len * 0.3, y + Math.sin(a) * len * 0.3,
                        x + Math.cos(a) * len, y + Math.sin(a) * len));
                g.fill(new Ellipse2D.Double(x + Math.cos(a) * len - 2, y + Math.sin(a) * len - 2, 4, 4));
            }
        }

        private void rooftops(double base, Color color) {
            g.setColor(color);
            g.fill(new Rectangle2D.Double(0, base, W, H - base));
            for (double x = -40; x < W; x += 160 + random.nextDouble() * 60) {
                roof(x + 80, base, 200, 40, color);
            }
        }

        /** A Chinese roof: a trapezoid whose eaves curve upwards at both ends. */
        private void roof(double cx, double baseY, double width, double height, Color color) {
            double half = width / 2;
            Path2D roof = new Path2D.Double();
            roof.moveTo(cx - half, baseY - height * 0.35);
            roof.quadTo(cx - half * 0.85, baseY, cx - half * 0.7, baseY);
            roof.lineTo(cx + half * 0.7, baseY);
            roof.quadTo(cx + half * 0.85, baseY, cx + half, baseY - height * 0.35);
            roof.quadTo(cx + half * 0.7, baseY - height * 0.4, cx + half * 0.5, baseY - height);
            roof.lineTo(cx - half * 0.5, baseY - height);
            roof.quadTo(cx - half * 0.7, baseY - height * 0.4, cx - half, baseY - height * 0.35);
            roof.closePath();
            g.setColor(color);
            g.fill(roof);
        }

        private void lantern(double x, double y, double scale) {
            double w = 46 * scale;
            double h = 40 * scale;
            glow(x, y + h / 2, w * 1.4, new Color(255, 90, 60));
            g.setColor(new Color(120, 80, 40));
            g.setStroke(new BasicStroke(1.5f));
            g.draw(new Line2D.Double(x, y - 10, x, y));
            g.setPaint(new RadialGradientPaint(new Point2D.Double(x, y + h / 2), (float) (w / 2),
                    new float[] {0f, 1f}, new Color[] {rgb(0xff5a3c), rgb(0xa8131a)}));
            g.fill(new Ellipse2D.Double(x - w / 2, y, w, h));
            g.setColor(rgb(0xe8b84a));
            g.fill(new Rectangle2D.Double(x - w * 0.25, y - 3, w * 0.5, 6));
            g.fill(new Rectangle2D.Double(x - w * 0.25, y + h - 3, w * 0.5, 6));
            g.setColor(rgb(0xd93a2b));
            for (int i = -2; i <= 2; i++) {
                g.draw(new Line2D.Double(x + i * 2, y + h + 3, x + i * 2.5, y + h + 18 * scale));
            }
        }

        private void swan(double x, double y, double scale, boolean facingLeft) {
            double dir = facingLeft ? -1 : 1;
            g.setColor(new Color(120, 140, 160, 90));
            g.fill(new Ellipse2D.Double(x - 30 * scale, y + 8 * scale, 60 * scale, 8 * scale));
            g.setColor(new Color(250, 250, 252));
            g.fill(new Ellipse2D.Double(x - 26 * scale, y - 6 * scale, 52 * scale, 18 * scale));
            g.setStroke(new BasicStroke((float) (5 * scale), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new QuadCurve2D.Double(x + dir * 16 * scale, y, x + dir * 30 * scale, y - 14 * scale,
                    x + dir * 20 * scale, y - 32 * scale));
            g.setColor(rgb(0xe59b2f));
            g.fill(new Ellipse2D.Double(x + dir * 20 * scale + (facingLeft ? -9 : 1) * scale, y - 35 * scale,
                    8 * scale, 4 * scale));
        }

        private void lamp(double x, double baseY, double height) {
            g.setColor(rgb(0x3b4048));
            g.setStroke(new BasicStroke((float) Math.max(1.5, height / 30)));
            g.draw(new Line2D.Double(x, baseY, x, baseY - height));
            g.fill(new Ellipse2D.Double(x - height / 14, baseY - height - height / 14, height / 7, height / 7));
        }

        // ---- colours ----------------------------------------------------------------------------------------

        private static Color rgb(int rgb) {
            return new Color(rgb);
        }

        private static Color alpha(Color color, int alpha) {
            return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
        }

        private static Color darker(Color color, double factor) {
            return new Color((int) (color.getRed() * factor), (int) (color.getGreen() * factor),
                    (int) (color.getBlue() * factor));
        }

        private static Color brighter(Color color, double factor) {
            return new Color(Math.min(255, (int) (color.getRed() * factor)),
                    Math.min(255, (int) (color.getGreen() * factor)), Math.min(255, (int) (color.getBlue() * factor)));
        }
    }
}
