package cn.dayuan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import cn.dayuan.DayuanApplication;
import cn.dayuan.account.Account;
import cn.dayuan.account.AccountService;
import cn.dayuan.account.Role;
import cn.dayuan.article.ArticleDetail;
import cn.dayuan.article.ArticleQuery;
import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleStatus;
import cn.dayuan.article.ArticleSummary;
import cn.dayuan.article.RightsType;
import cn.dayuan.channel.ChannelService;
import cn.dayuan.channel.ChannelView;
import cn.dayuan.directory.DirectoryService;
import cn.dayuan.directory.DirectoryView;
import cn.dayuan.site.SiteService;
import cn.dayuan.site.SiteSettings;
import cn.dayuan.tag.TagService;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dayuan.data-dir=" + DemoContentTest.DATA_DIR, "dayuan.demo=true", "dayuan.admin-password=demo-test-pw"})
class DemoContentTest {

    static final String DATA_DIR = "target/test-data/DemoContentTest";
    private static final Pattern BODY_PICTURE = Pattern.compile("<img src=\"(/media/[^\"]+)\"");

    @Autowired
    SiteService site;
    @Autowired
    ChannelService channels;
    @Autowired
    ArticleService articles;
    @Autowired
    DirectoryService directory;
    @Autowired
    AccountService accounts;
    @Autowired
    TagService tags;
    @Autowired
    DemoContentLoader loader;
    @Autowired
    cn.dayuan.media.MediaService media;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    /** Runs before the Spring context starts, so the demo is loaded into an empty data folder. */
    @BeforeAll
    static void startWithAnEmptyDataFolder() throws IOException {
        FileSystemUtils.deleteRecursively(Path.of(DATA_DIR));
    }

    @Test
    void channelTreeHasSixTopChannelsEachWithSubChannels() {
        List<ChannelView> roots = channels.tree().roots();
        assertThat(roots).hasSizeGreaterThanOrEqualTo(6);
        assertThat(roots).allSatisfy(root -> assertThat(root.children()).as(root.name()).isNotEmpty());
        assertThat(channels.tree().byPath("zcjh/jishixinwen")).get().extracting(ChannelView::name).isEqualTo("国内");
    }

    @Test
    void publicArticlesCarryBylineTagsAndRightsLikeTheSeedPage() {
        List<ArticleDetail> all = publicArticles();
        assertThat(all).hasSizeGreaterThanOrEqualTo(30);
        Set<RightsType> rights = EnumSet.noneOf(RightsType.class);
        for (ArticleDetail article : all) {
            assertThat(article.author()).as("author of %s", article.title()).isNotBlank();
            assertThat(article.source()).as("source of %s", article.title()).isNotBlank();
            assertThat(article.editor()).as("editor of %s", article.title()).isNotBlank();
            assertThat(article.tags()).as("tags of %s", article.title()).hasSizeBetween(3, 5);
            assertThat(article.publisherName()).isEqualTo("网络编辑");
            assertThat(article.body().split("<p>").length - 1).as("paragraphs of %s", article.title())
                    .isGreaterThanOrEqualTo(3);
            assertThat(article.summary()).isNotBlank();
            rights.add(article.rightsType());
        }
        assertThat(rights).containsExactlyInAnyOrder(RightsType.values());
        assertThat(all).filteredOn(a -> a.sourceUrl() != null).hasSizeGreaterThanOrEqualTo(15);
        assertThat(articles.headlines(10)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(all).filteredOn(ArticleDetail::pinned).isNotEmpty();
        assertThat(all).filteredOn(a -> a.publishedAt().isBefore(Instant.now().minusSeconds(14 * 86400)))
                .as("publish times spread over the last weeks").hasSizeGreaterThanOrEqualTo(5);
        assertThat(articles.mostRead(1).get(0).viewCount()).as("views recorded through the view counter")
                .isGreaterThan(1000);
    }

    @Test
    void seedArticleIsThereAsOnTheSeedPage() {
        ArticleSummary found = articles.search(new ArticleQuery(null, ArticleStatus.PUBLISHED, "振奋精神", null), 0, 10, "admin")
                .getContent().get(0);
        ArticleDetail seed = articles.get(found.id());
        assertThat(seed.title()).isEqualTo("振奋精神一鼓作气,抓实抓细集中攻坚");
        assertThat(seed.channelPath()).isEqualTo("zcjh/jishixinwen");
        assertThat(seed.author()).isEqualTo("澎湃特约评论员 方圆");
        assertThat(seed.source()).isEqualTo("澎湃新闻");
        assertThat(seed.editor()).isEqualTo("刘欢");
        assertThat(seed.tagNames()).containsExactly("行动", "九大", "清零");
        assertThat(seed.rightsType()).isEqualTo(RightsType.AUTHORIZED);
        assertThat(seed.publishedAt()).isEqualTo(Instant.parse("2022-04-22T22:07:12Z"));
        assertThat(seed.body()).contains("现在摆在人们面前的问题,就是如何落实落细落地。");
    }

    @Test
    void coversAndBodyPicturesAreRealImagesOfTheMediaLibraryWithTheirSizesAndWebpCopies() throws Exception {
        List<String> covers = new ArrayList<>();
        List<String> bodyPictures = new ArrayList<>();
        for (ArticleDetail article : publicArticles()) {
            if (article.coverImage() != null) {
                covers.add(article.coverImage());
            }
            Matcher picture = BODY_PICTURE.matcher(article.body());
            while (picture.find()) {
                bodyPictures.add(picture.group(1));
            }
        }
        assertThat(covers).hasSizeGreaterThanOrEqualTo(15);
        assertThat(bodyPictures).hasSizeGreaterThanOrEqualTo(4);
        for (String address : covers) {
            BufferedImage image = ImageIO.read(mediaFile(address).toFile());
            assertThat(image).as(address).isNotNull();
            assertThat(address).as("the library's cover size of a %d px picture", DemoContentLoader.COVER_WIDTH)
                    .endsWith("-800.jpg");
            assertThat(image.getWidth()).isEqualTo(800);
            assertThat(mediaFile(address.replace(".jpg", ".webp"))).as("its WebP copy").exists();
            assertThat(distinctColours(image)).as("%s is a picture, not a flat fill", address).isGreaterThan(200);
        }
        for (String address : bodyPictures) {
            assertThat(ImageIO.read(mediaFile(address).toFile())).as(address).isNotNull();
        }
        String home = new String(get("/").body(), StandardCharsets.UTF_8);
        assertThat(home).as("the home page offers the covers' sizes, WebP first")
                .contains("<picture><source type=\"image/webp\" srcset=\"/media/");
        var library = media.search(null, null, null, 0, 100).getContent();
        assertThat(library).as("every picture is in the library, described").hasSizeGreaterThanOrEqualTo(19)
                .allSatisfy(picture -> {
                    assertThat(picture.alt()).isNotBlank();
                    assertThat(picture.credit()).isEqualTo(DemoContentLoader.PICTURE_CREDIT);
                });
    }

    @Test
    void navigationSettingsAndAccountsAreSetUp() {
        List<DirectoryView.Category> categories = directory.view().categories();
        assertThat(categories).hasSizeBetween(5, 7);
        assertThat(categories).allSatisfy(category -> {
            assertThat(category.links()).as(category.name()).hasSizeBetween(4, 8);
            assertThat(category.links()).allSatisfy(link -> {
                assertThat(link.url()).startsWith("http");
                assertThat(link.description()).isNotBlank();
            });
        });
        assertThat(categories).flatMap(DirectoryView.Category::links).extracting(DirectoryView.Link::url)
                .contains("https://www.gov.cn/", "https://www.shanxi.gov.cn/", "https://zwfw.shanxi.gov.cn/");

        SiteSettings settings = site.settings();
        assertThat(settings.shortName()).isEqualTo("大院网");
        assertThat(settings.fullName()).isEqualTo("山西大院资讯网");
        assertThat(settings.aboutTitle()).isEqualTo("关于山西大院新闻网");
        assertThat(settings.aboutText()).startsWith("山西大院是公共的资讯平台");
        assertThat(settings.icpNumber()).isEqualTo("晋ICP备00000000号-1");
        assertThat(settings.copyright()).isEqualTo("Copyright ©山西大院新闻网");
        assertThat(settings.disclaimer()).contains("请第一时间联系站长处理");
        assertThat(settings.disclaimerEn()).contains("please contact the webmaster");
        assertThat(settings.webmasterEmail()).contains("@");
        assertThat(settings.newsLicence()).matches("\\d{11}");
        assertThat(settings.policeFiling()).startsWith("晋公网安备").endsWith("号");
        assertThat(settings.policeFilingUrl()).startsWith("https://beian.mps.gov.cn/#/query/webSearch?code=14");
        assertThat(settings.reportPhone()).startsWith("0351-");
        assertThat(settings.reportEmail()).contains("@");
        assertThat(settings.reportCentreUrl()).isEqualTo("https://www.12377.cn/");
        assertThat(settings.aboutServiceItems()).hasSize(3);

        assertThat(accounts.findAll()).filteredOn(a -> a.getRole() == Role.EDITOR)
                .extracting(Account::getDisplayName).containsExactly("王晓静");
        assertThat(accounts.findAll()).filteredOn(a -> a.getRole() == Role.AUTHOR)
                .extracting(Account::getDisplayName).containsExactly("张磊");
    }

    @Test
    void loadingAgainOrRestartingAddsNothing() {
        Counts before = counts(channels, articles, directory, accounts, tags);
        assertThat(loader.loadIfEmpty()).isFalse();
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(DayuanApplication.class)
                .run("--dayuan.data-dir=" + DATA_DIR, "--dayuan.demo=true", "--server.port=0")) {
            assertThat(counts(restarted.getBean(ChannelService.class), restarted.getBean(ArticleService.class),
                    restarted.getBean(DirectoryService.class), restarted.getBean(AccountService.class),
                    restarted.getBean(TagService.class))).isEqualTo(before);
        }
        assertThat(counts(channels, articles, directory, accounts, tags)).isEqualTo(before);
    }

    @Test
    void demoPicturesAreServedOverHttpWithLongCaching() throws Exception {
        String cover = publicArticles().stream().map(ArticleDetail::coverImage).filter(c -> c != null)
                .findFirst().orElseThrow();
        HttpResponse<byte[]> response = get(cover);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(response.headers().firstValue("Cache-Control")).get().asString().contains("max-age=31536000");
        assertThat(ImageIO.read(new ByteArrayInputStream(response.body()))).isNotNull();
    }

    @Test
    void nothingOutsideTheMediaFolderCanBeRead() throws Exception {
        Path database = Path.of(DATA_DIR, "db", "dayuan.mv.db");
        assertThat(database).exists();
        for (String attempt : List.of("/media/../db/dayuan.mv.db", "/media/%2e%2e/db/dayuan.mv.db",
                "/media/demo/..%2f..%2fdb%2fdayuan.mv.db", "/media/%2e%2e%5cdb%5cdayuan.mv.db",
                "/media/%252e%252e/db/dayuan.mv.db", "/media/demo/../../db/dayuan.mv.db")) {
            HttpResponse<byte[]> response = get(attempt);
            assertThat(response.statusCode()).as(attempt).isIn(400, 404);
            assertThat(new String(response.body(), StandardCharsets.ISO_8859_1))
                    .as(attempt).doesNotContain("H:2");
        }
        assertThat(get("/media/demo/").statusCode()).as("no directory listing").isIn(403, 404);
    }

    private record Counts(int channels, long publicArticles, int navigationLinks, int accounts, int tags) {
    }

    private static Counts counts(ChannelService channels, ArticleService articles, DirectoryService directory,
                                 AccountService accounts, TagService tags) {
        return new Counts(channels.tree().all().size(), articles.countPublic(),
                directory.view().categories().stream().mapToInt(c -> c.links().size()).sum(),
                accounts.findAll().size(), tags.findAll().size());
    }

    private List<ArticleDetail> publicArticles() {
        return articles.newest(100).stream()
                .map(summary -> articles.findPublic(summary.id()).orElseThrow()).toList();
    }

    private static Path mediaFile(String address) {
        assertThat(address).matches("/media/\\d{4}/\\d{2}/[0-9a-f]{24}(-\\d+)?\\.(jpg|webp)");
        Path file = Path.of(DATA_DIR, "media").resolve(address.substring("/media/".length()));
        assertThat(file).exists();
        return file;
    }

    /** Distinct colours on a grid of sample points: a flat or two-tone fill has only a few. */
    private static long distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 6) {
            for (int x = 0; x < image.getWidth(); x += 6) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
