package cn.dayuan.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import cn.dayuan.media.MediaService;
import cn.dayuan.media.TestPictures;
import cn.dayuan.media.Watermark;
import tools.jackson.databind.JsonNode;

/**
 * Picture uploads through the API, with the files attackers send to CMS upload forms: each is refused by its
 * content with a clear reason, nothing of it is written or served; a real photo comes back re-encoded, upright,
 * without its EXIF block, with its smaller sizes.
 */
class MediaApiTest extends ApiTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    MediaService media;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private static final Path MEDIA = Path.of(DATA_DIR, "media");

    @Test
    void aPhoneFotoComesBackUprightWithoutItsExifAndWithItsSizes() throws IOException {
        byte[] photo = TestPictures.withExif(TestPictures.jpeg(2000, 1500));
        assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains("Exif", "GPS-NORTH");

        Answer answer = upload("IMG_2041.JPG", photo, admin(), Map.of("alt", "晋祠圣母殿", "credit", "本站记者 摄"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        JsonNode media = answer.json();
        assertThat(media.path("type").asString()).isEqualTo("JPEG");
        // orientation 6: the camera held upright, the sensor's 2000 × 1500 turned a quarter clockwise
        assertThat(media.path("width").asInt()).isEqualTo(1500);
        assertThat(media.path("height").asInt()).isEqualTo(2000);
        assertThat(media.path("alt").asString()).isEqualTo("晋祠圣母殿");
        assertThat(media.path("originalName").asString()).isEqualTo("IMG_2041.JPG");
        String url = media.path("url").asString();
        assertThat(url).matches("/media/\\d{4}/\\d{2}/[0-9a-f]{24}\\.jpg");
        assertThat(media.path("sizes").path("thumbnail").path("width").asInt()).isEqualTo(320);
        assertThat(media.path("sizes").path("cover").path("width").asInt()).isEqualTo(800);
        assertThat(media.path("sizes").path("large").path("url").asString()).isEqualTo(url); // 1500 < 1600
        assertThat(media.path("thumbnailUrl").asString()).isEqualTo(url.replace(".jpg", "-320.jpg"));

        Answer served = send(HttpRequest.newBuilder(URI.create(base() + url)).build());
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.contentType()).isEqualTo("image/jpeg");
        assertThat(served.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(served.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000");
        byte[] stored = Files.readAllBytes(MEDIA.resolve(url.substring("/media/".length())));
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Exif", "GPS-NORTH");
        BufferedImage upright = ImageIO.read(new ByteArrayInputStream(stored));
        assertThat(upright.getWidth()).isEqualTo(1500);
        // the photo's top edge was red, its bottom blue: turned clockwise, red ends up on the right
        assertThat(new Color(upright.getRGB(1490, 1000)).getRed()).isGreaterThan(200);
        assertThat(new Color(upright.getRGB(10, 1000)).getBlue()).isGreaterThan(200);

        BufferedImage thumbnail = ImageIO.read(MEDIA.resolve(url.substring(7).replace(".jpg", "-320.jpg")).toFile());
        assertThat(thumbnail.getWidth()).isEqualTo(320);
        assertThat(thumbnail.getHeight()).isEqualTo(427);

        Answer again = upload("copy.jpg", photo, admin(), Map.of());
        assertThat(again.status()).as("the same file is stored once").isEqualTo(200);
        assertThat(again.json().path("id").asLong()).isEqualTo(media.path("id").asLong());
    }

    @Test
    void filesThatAreNotPicturesAreRefusedByTheirContent() throws IOException {
        try (Stream<Path> before = Files.exists(MEDIA) ? Files.walk(MEDIA) : Stream.empty()) {
            long filesBefore = before.count();
            assertThat(upload("shell.jpg", "<?php system($_GET['c']); ?>".getBytes(StandardCharsets.UTF_8),
                    admin(), Map.of()).problem(415).path("detail").asString()).contains("JPEG");
            assertThat(upload("x.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"
                    .getBytes(StandardCharsets.UTF_8), admin(), Map.of()).status()).isEqualTo(415);
            assertThat(upload("page.jpg", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
                    admin(), Map.of()).status()).isEqualTo(415);
            assertThat(upload("x.jsp.png", "<% Runtime.getRuntime().exec(\"id\"); %>".getBytes(StandardCharsets.UTF_8),
                    admin(), Map.of()).status()).isEqualTo(415);
            byte[] zip = {'P', 'K', 3, 4, 0, 0, 0, 0};
            assertThat(upload("photos.zip", zip, admin(), Map.of()).status()).isEqualTo(415);

            byte[] whole = TestPictures.jpeg(800, 600);
            assertThat(upload("cut.jpg", Arrays.copyOf(whole, whole.length / 2), admin(), Map.of())
                    .problem(400).path("detail").asString()).contains("损坏");
            assertThat(upload("bomb.png", TestPictures.pngClaiming(50_000, 50_000), admin(), Map.of())
                    .problem(400).path("detail").asString()).contains("50000 × 50000");
            try (Stream<Path> after = Files.exists(MEDIA) ? Files.walk(MEDIA) : Stream.empty()) {
                assertThat(after.count()).as("nothing written for refused files").isEqualTo(filesBefore);
            }
        }
    }

    @Test
    void aTwentyMegabyteFileIsRefusedWithItsLimit() {
        byte[] big = new byte[20 * 1024 * 1024];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        Answer answer = upload("big.jpg", big, admin(), Map.of());
        assertThat(answer.problem(413).path("detail").asString()).contains("10 MB");
    }

    @Test
    void aScriptAfterTheEndOfAJpegIsNotKept() throws IOException {
        byte[] polyglot = TestPictures.concat(TestPictures.jpeg(640, 480), "<script>alert(document.cookie)</script><?php echo 1; ?>"
                .getBytes(StandardCharsets.UTF_8));
        Answer answer = upload("polyglot.jpg", polyglot, admin(), Map.of());
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        String url = answer.json().path("url").asString();
        byte[] stored = Files.readAllBytes(MEDIA.resolve(url.substring("/media/".length())));
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("<script", "<?php");
    }

    @Test
    void aNameThatClimbsOutOfTheFolderIsOnlyAName() throws IOException {
        Answer answer = upload("../../x.jpg", TestPictures.png(120, 80), admin(), Map.of());
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().path("originalName").asString()).isEqualTo("x.jpg");
        assertThat(answer.json().path("url").asString()).matches("/media/\\d{4}/\\d{2}/[0-9a-f]{24}\\.png");
        assertThat(Path.of(DATA_DIR).resolve("x.jpg")).doesNotExist();
        assertThat(Path.of(DATA_DIR).getParent().resolve("x.jpg")).doesNotExist();
        assertThat(Path.of("x.jpg")).doesNotExist();
    }

    @Test
    void aPictureAnArticleShowsCannotBeDeletedAndAuthorsKeepToTheirOwn() throws IOException {
        String author = newAccount("AUTHOR");
        JsonNode picture = upload("river.png", TestPictures.png(400, 300), admin(), Map.of("caption", "汾河晚照")).json();
        long id = picture.path("id").asLong();

        assertThat(put("/api/v1/media/" + id, Map.of("alt", "作者改的"), author).problem(403)
                .path("detail").asString()).contains("自己上传");
        assertThat(delete("/api/v1/media/" + id, author).status()).isEqualTo(403);
        JsonNode described = ok(put("/api/v1/media/" + id, Map.of("alt", "汾河两岸的灯光", "caption", "汾河晚照",
                "credit", "市摄影家协会"), admin()));
        assertThat(described.path("alt").asString()).isEqualTo("汾河两岸的灯光");
        assertThat(ok(get("/api/v1/media?q=汾河", admin())).path("items").findValuesAsString("id"))
                .contains(String.valueOf(id));

        String channel = newChannel("图片栏目");
        Answer article = post("/api/v1/articles", Map.of("title", "汾河夜景", "channel", channel,
                "body", "<p><img src=\"" + picture.path("url").asString() + "\" alt=\"汾河\"></p>",
                "status", "DRAFT"), admin());
        assertThat(article.status()).as(article.body()).isEqualTo(201);
        JsonNode detail = ok(get("/api/v1/media/" + id, admin()));
        assertThat(detail.path("usedBy").get(0).path("title").asString()).isEqualTo("汾河夜景");
        assertThat(delete("/api/v1/media/" + id, admin()).problem(409).path("detail").asString())
                .contains("汾河夜景");

        JsonNode own = upload("mine.png", TestPictures.png(90, 60), author, Map.of()).json();
        assertThat(own.path("uploadedBy").asString()).isEqualTo(username(author));
        assertThat(delete("/api/v1/media/" + own.path("id").asLong(), author).status()).isEqualTo(204);
        assertThat(get("/api/v1/media/" + own.path("id").asLong(), author).status()).isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(URI.create(base() + own.path("url").asString())).build()).status())
                .isEqualTo(404);
    }

    @Test
    void aPastedPictureIsStoredInTheLibraryAndEveryPublishedPictureHasAltText() throws IOException {
        String channel = newChannel("粘贴图片");
        String pasted = "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(TestPictures.png(1800, 1200));
        Answer draft = post("/api/v1/articles", Map.of("title", "粘贴进来的图片", "channel", channel,
                "body", "<p>现场：</p><p><img src=\"" + pasted + "\"></p>", "status", "DRAFT"), admin());
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        String body = draft.json().path("body").asString();
        assertThat(body).doesNotContain("data:").containsPattern("<img src=\"/media/\\d{4}/\\d{2}/[0-9a-f]{24}-1600\\.png\"");
        long id = draft.json().path("id").asLong();

        assertThat(post("/api/v1/articles/" + id + "/publish", null, admin()).invalid("body"))
                .contains("1 张图片缺少替代文字");
        String src = body.replaceAll("(?s).*<img src=\"([^\"]+)\".*", "$1");
        JsonNode library = ok(get("/api/v1/media?size=100", admin()));
        long pictureId = -1;
        for (JsonNode item : library.path("items")) {
            if (item.path("sizes").path("large").path("url").asString().equals(src)) {
                pictureId = item.path("id").asLong();
            }
        }
        assertThat(pictureId).as("the pasted picture is in the library").isPositive();
        ok(put("/api/v1/media/" + pictureId, Map.of("alt", "会场全景"), admin()));

        JsonNode article = ok(get("/api/v1/articles/" + id, admin()));
        ((tools.jackson.databind.node.ObjectNode) article).put("status", "PUBLISHED");
        JsonNode published = ok(put("/api/v1/articles/" + id, article, admin()));
        assertThat(published.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(published.path("body").asString()).contains("alt=\"会场全景\"");
        String page = send(HttpRequest.newBuilder(URI.create(published.path("url").asString())).build()).body();
        String stem = src.substring(0, src.length() - "-1600.png".length());
        assertThat(page).as("a phone picks the small copy").contains("srcset=\"" + stem + "-320.png 320w, " + stem
                + "-800.png 800w, " + stem + "-1600.png 1600w\"", "width=\"1600\" height=\"1067\"",
                "alt=\"会场全景\"", "loading=\"lazy\"");

        String broken = "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(
                "<?php echo 1; ?>".getBytes(StandardCharsets.UTF_8));
        assertThat(post("/api/v1/articles", Map.of("title", "坏图片", "channel", channel,
                "body", "<p><img src=\"" + broken + "\"></p>", "status", "DRAFT"), admin()).invalid("body"))
                .contains("粘贴的图片无法保存");
    }

    @Test
    void everySizeGetsASmallerWebpCopyThatArticlePagesOfferFirstAndDeletingThePictureDeletesThem() throws IOException {
        JsonNode photo = created(upload("晋祠.jpg", TestPictures.jpeg(2400, 1600), admin(), Map.of("alt", "晋祠")));
        String url = photo.path("url").asString();
        String stem = url.substring(0, url.length() - ".jpg".length());
        for (int width : new int[] {320, 800, 1600}) {
            String size = width == 320 ? "thumbnail" : width == 800 ? "cover" : "large";
            assertThat(photo.path("sizes").path(size).path("webp").asString()).isEqualTo(stem + "-" + width + ".webp");
            Path jpeg = file(stem + "-" + width + ".jpg");
            Path webp = file(stem + "-" + width + ".webp");
            assertThat(Files.size(webp)).as("the %d px WebP copy is smaller than the JPEG", width)
                    .isLessThan(Files.size(jpeg));
            BufferedImage decoded = ImageIO.read(webp.toFile());
            assertThat(decoded.getWidth()).isEqualTo(width);
            // the photo's top edge is red, its bottom blue, in the WebP copy too
            assertThat(new Color(decoded.getRGB(width / 2, 2)).getRed()).isGreaterThan(200);
            assertThat(new Color(decoded.getRGB(width / 2, decoded.getHeight() - 3)).getBlue()).isGreaterThan(200);
        }
        assertThat(file(stem + ".webp")).as("the 2400 px picture is no size pages offer").doesNotExist();

        Answer served = send(HttpRequest.newBuilder(URI.create(base() + stem + "-800.webp")).build());
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.contentType()).isEqualTo("image/webp");
        assertThat(served.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(served.headers().firstValue("Cache-Control").orElse("")).contains("max-age=31536000");

        // a PNG no wider than 1600 px is its own large size: that one's WebP copy is lossless, beside the picture
        JsonNode screenshot = created(upload("截图.png", TestPictures.png(1200, 800), admin(), Map.of("alt", "截图")));
        String pngStem = screenshot.path("url").asString().replace(".png", "");
        assertThat(screenshot.path("sizes").path("large").path("webp").asString()).isEqualTo(pngStem + ".webp");
        BufferedImage lossless = ImageIO.read(file(pngStem + ".webp").toFile());
        BufferedImage png = ImageIO.read(file(pngStem + ".png").toFile());
        assertThat(differingPixels(lossless, png)).isZero();

        String channel = newChannel("图片格式");
        Answer article = post("/api/v1/articles", Map.of("title", "晋祠的秋天", "channel", channel,
                "body", "<p>晋祠：</p><p><img src=\"" + url + "\" alt=\"晋祠\"></p>", "rightsType", "ORIGINAL",
                "status", "PUBLISHED"), admin());
        assertThat(article.status()).as(article.body()).isEqualTo(201);
        String page = send(HttpRequest.newBuilder(URI.create(article.json().path("url").asString())).build()).body();
        assertThat(page).contains("<picture><source type=\"image/webp\" srcset=\"" + stem + "-320.webp 320w, " + stem
                + "-800.webp 800w, " + stem + "-1600.webp 1600w\" sizes=\"");
        assertThat(page).as("browsers without WebP keep the JPEG copies")
                .containsPattern("<img src=\"" + stem + "-1600\\.jpg\"[^>]* srcset=\"" + stem + "-320\\.jpg 320w, [^\"]+\"[^>]*>"
                        + "</picture>");

        JsonNode unused = created(upload("另一张.jpg", TestPictures.jpeg(1000, 700), admin(), Map.of()));
        String unusedStem = unused.path("url").asString().replace(".jpg", "");
        assertThat(file(unusedStem + "-800.webp")).exists();
        assertThat(file(unusedStem + ".webp")).exists();
        assertThat(delete("/api/v1/media/" + unused.path("id").asLong(), admin()).status()).isEqualTo(204);
        try (Stream<Path> left = Files.list(file(unusedStem).getParent())) {
            assertThat(left.map(Path::toString)).noneMatch(name -> name.contains(unusedStem.substring(
                    unusedStem.lastIndexOf('/') + 1)));
        }
    }

    @Test
    void coversInListsAndTheSlideshowOfferEveryStoredSizeAndTheirWebpCopies() throws IOException {
        JsonNode photo = created(upload("汾河.jpg", TestPictures.jpeg(2200, 1500), admin(), Map.of("alt", "汾河")));
        String stem = photo.path("url").asString().replace(".jpg", "");
        String channel = newChannel("封面格式");
        String outside = "https://img.example.cn/fenhe.jpg";
        for (String cover : new String[] {stem + "-800.jpg", outside}) {
            Answer article = post("/api/v1/articles", Map.of("title", "汾河两岸 " + cover.length(), "channel", channel,
                    "body", "<p>汾河两岸的秋色。</p>", "rightsType", "ORIGINAL", "status", "PUBLISHED",
                    "coverImage", cover), admin());
            assertThat(article.status()).as(article.body()).isEqualTo(201);
        }

        String list = send(HttpRequest.newBuilder(URI.create(base() + "/" + channel + "/")).build()).body();
        assertThat(list).as("a library cover in a list: WebP copies first, every JPEG size for the others")
                .contains("<picture><source type=\"image/webp\" srcset=\"" + stem + "-320.webp 320w, " + stem
                        + "-800.webp 800w, " + stem + "-1600.webp 1600w\" sizes=\"(max-width: 800px) 110px, 180px\">"
                        + "<img src=\"" + stem + "-800.jpg\" srcset=\"" + stem + "-320.jpg 320w, " + stem
                        + "-800.jpg 800w, " + stem + "-1600.jpg 1600w\"");
        assertThat(list).as("a cover from elsewhere is shown as it is")
                .contains("<img src=\"" + outside + "\" alt=\"\" loading=\"lazy\">");
        assertThat(list).as("the channel's slideshow too").containsPattern(
                "<section class=\"slideshow\"[\\s\\S]*<source type=\"image/webp\" srcset=\"" + stem + "-320\\.webp");
    }

    @Test
    void picturesStoredWithoutWebpCopiesGetThemInTheBackgroundAndPagesOfferThem() throws IOException {
        JsonNode photo = created(upload("平遥.jpg", TestPictures.jpeg(1800, 1200), admin(), Map.of("alt", "平遥古城")));
        long id = photo.path("id").asLong();
        String stem = photo.path("url").asString().replace(".jpg", "");
        // as a picture uploaded before Dayuan made WebP copies is stored
        jdbc.update("update media set webp_sizes = null, webp_checked = false where id = ?", id);
        for (String copy : new String[] {"-320", "-800", "-1600"}) {
            Files.delete(file(stem + copy + ".webp"));
        }
        String channel = newChannel("旧图");
        Answer article = post("/api/v1/articles", Map.of("title", "平遥古城的冬天", "channel", channel,
                "body", "<p>古城：</p><p><img src=\"" + stem + ".jpg\" alt=\"平遥古城\"></p>", "rightsType", "ORIGINAL",
                "status", "PUBLISHED", "coverImage", stem + "-800.jpg"), admin());
        assertThat(article.status()).as(article.body()).isEqualTo(201);
        String before = send(HttpRequest.newBuilder(URI.create(base() + "/" + channel + "/")).build()).body();
        assertThat(before).contains(stem + "-320.jpg 320w").doesNotContain(".webp");

        while (media.addMissingWebpCopies(5) > 0) {
            // the background job's batches, run here at once
        }

        JsonNode sizes = ok(get("/api/v1/media/" + id, admin())).path("sizes");
        for (int width : new int[] {320, 800, 1600}) {
            String size = width == 320 ? "thumbnail" : width == 800 ? "cover" : "large";
            assertThat(sizes.path(size).path("webp").asString()).isEqualTo(stem + "-" + width + ".webp");
            assertThat(Files.size(file(stem + "-" + width + ".webp"))).isLessThan(Files.size(file(stem + "-" + width + ".jpg")));
        }
        String list = send(HttpRequest.newBuilder(URI.create(base() + "/" + channel + "/")).build()).body();
        assertThat(list).as("the cached channel page was evicted").contains("<source type=\"image/webp\" srcset=\"" + stem
                + "-320.webp 320w");
        String page = send(HttpRequest.newBuilder(URI.create(article.json().path("url").asString())).build()).body();
        assertThat(page).contains("<source type=\"image/webp\" srcset=\"" + stem + "-320.webp 320w");
        assertThat(media.addMissingWebpCopies(5)).as("each picture is looked at once").isZero();
    }

    @Test
    void aPictureWhoseWebpWouldBeLargerGetsNone() throws IOException {
        JsonNode noise = created(upload("噪点.png", TestPictures.noisePng(300, 20), admin(), Map.of("alt", "噪点")));
        String url = noise.path("url").asString();
        assertThat(noise.path("sizes").path("large").path("url").asString()).isEqualTo(url);
        assertThat(noise.path("sizes").path("large").path("webp").isNull()).isTrue();
        assertThat(file(url.replace(".png", ".webp"))).doesNotExist();

        String channel = newChannel("噪点图片");
        Answer article = post("/api/v1/articles", Map.of("title", "噪点测试图", "channel", channel,
                "body", "<p><img src=\"" + url + "\" alt=\"噪点\"></p>", "rightsType", "ORIGINAL",
                "status", "PUBLISHED"), admin());
        assertThat(article.status()).as(article.body()).isEqualTo(201);
        String page = send(HttpRequest.newBuilder(URI.create(article.json().path("url").asString())).build()).body();
        assertThat(page).contains("<img src=\"" + url + "\"").doesNotContain("<picture>", ".webp");
    }

    private static Path file(String address) {
        return MEDIA.resolve(address.substring("/media/".length()));
    }

    @Test
    void aWatermarkMarksThePublishedSizesAndTheUploadIsKeptUnmarkedOutOfReach() throws IOException {
        try {
            media.setWatermark(new Watermark(true, "大院网", Watermark.Position.BOTTOM_RIGHT, 100), "admin");
            byte[] plain = TestPictures.png(1800, 1200);
            JsonNode picture = upload("marked.png", plain, admin(), Map.of()).json();
            String url = picture.path("url").asString();
            String stem = url.substring("/media/".length(), url.length() - ".png".length());
            BufferedImage original = ImageIO.read(MEDIA.resolve(MediaService.ORIGINALS + "/" + stem + ".png").toFile());
            BufferedImage large = ImageIO.read(MEDIA.resolve(stem + "-1600.png").toFile());
            BufferedImage thumbnail = ImageIO.read(MEDIA.resolve(stem + "-320.png").toFile());
            assertThat(differingPixels(original, ImageIO.read(MEDIA.resolve(stem + ".png").toFile())))
                    .as("the published full size carries the mark").isGreaterThan(200);
            BufferedImage unmarkedLarge = net.coobird.thumbnailator.Thumbnails.of(original).width(1600).asBufferedImage();
            assertThat(differingPixels(unmarkedLarge, large)).as("so does the large copy").isGreaterThan(200);
            // in the bottom right corner, where the mark is, and nowhere near the top left
            assertThat(brightestIn(large, 1200, 960, 1600, 1067)).isGreaterThan(brightestIn(unmarkedLarge, 1200, 960, 1600, 1067));
            assertThat(thumbnail.getWidth()).isEqualTo(320);
            assertThat(send(HttpRequest.newBuilder(URI.create(base() + "/media/" + MediaService.ORIGINALS + "/" + stem
                    + ".png")).build()).status()).as("the unmarked upload is not served").isEqualTo(404);
        } finally {
            media.setWatermark(Watermark.OFF, "admin");
        }
    }

    private static int differingPixels(BufferedImage a, BufferedImage b) {
        int differing = 0;
        for (int y = 0; y < Math.min(a.getHeight(), b.getHeight()); y++) {
            for (int x = 0; x < Math.min(a.getWidth(), b.getWidth()); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    differing++;
                }
            }
        }
        return differing;
    }

    private static int brightestIn(BufferedImage image, int x0, int y0, int x1, int y1) {
        int brightest = 0;
        for (int y = y0; y < Math.min(y1, image.getHeight()); y++) {
            for (int x = x0; x < Math.min(x1, image.getWidth()); x++) {
                Color c = new Color(image.getRGB(x, y));
                brightest = Math.max(brightest, c.getRed() + c.getGreen() + c.getBlue());
            }
        }
        return brightest;
    }

    @Test
    void anUploadNeedsAnAccountAFileAndThisSite() throws IOException {
        assertThat(upload("a.png", TestPictures.png(10, 10), null, Map.of()).status()).isEqualTo(401);
        assertThat(post("/api/v1/media", Map.of("file", "x"), admin()).invalid("file")).contains("file");
        HttpRequest fromElsewhere = multipart("a.png", TestPictures.png(10, 10), admin(), Map.of())
                .header("Origin", "https://evil.example").build();
        assertThat(send(fromElsewhere).status()).isEqualTo(403);
    }

    // ---- the files

    private Answer upload(String name, byte[] content, String authorization, Map<String, String> fields) {
        return send(multipart(name, content, authorization, fields).build());
    }

    private HttpRequest.Builder multipart(String name, byte[] content, String authorization,
                                          Map<String, String> fields) {
        String boundary = "----dayuan" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((field, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + field + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/api/v1/media"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private static JsonNode created(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json();
    }
}
