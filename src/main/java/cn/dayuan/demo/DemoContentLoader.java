package cn.dayuan.demo;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

import cn.dayuan.account.Account;
import cn.dayuan.account.AccountService;
import cn.dayuan.account.Role;
import cn.dayuan.article.ArticleDraft;
import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleStatus;
import cn.dayuan.channel.Channel;
import cn.dayuan.channel.ChannelService;
import cn.dayuan.demo.DemoContent.ArticleSpec;
import cn.dayuan.demo.DemoContent.CategorySpec;
import cn.dayuan.demo.DemoContent.ChannelSpec;
import cn.dayuan.demo.DemoContent.LinkSpec;
import cn.dayuan.demo.DemoPictures.Scene;
import cn.dayuan.directory.DirectoryService;
import cn.dayuan.directory.DirectoryView;
import cn.dayuan.media.MediaService;
import cn.dayuan.media.MediaView;
import cn.dayuan.site.SiteService;
import cn.dayuan.site.SiteSettings;
import cn.dayuan.system.ChineseText;
import cn.dayuan.system.DayuanProperties;
import cn.dayuan.system.ExclusiveWork;

/**
 * With {@code dayuan.demo=true}, fills a site that has no channels yet with the demo portal of
 * {@link DemoContent}: settings, channels, navigation links, an editor and an author, and published articles
 * with pictures painted by {@link DemoPictures}. Everything goes through the same services as the newsroom, in one
 * transaction, so a failed load leaves nothing behind; a site that has channels is never touched.
 */
@Component
@Order(100) // after AdminBootstrap: the administrator publishes the demo articles
class DemoContentLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoContentLoader.class);

    /** 图片来源 of the painted pictures. */
    static final String PICTURE_CREDIT = "大院演示图片";
    static final int COVER_WIDTH = 960;
    static final int COVER_HEIGHT = 540;
    static final int BODY_PICTURE_WIDTH = 800;
    static final int BODY_PICTURE_HEIGHT = 450;

    private static final Pattern PICTURE = Pattern.compile("\\[\\[([A-Z_]+)\\|(.+)]]");
    private static final String HEADING = "## ";
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final DayuanProperties properties;
    private final SiteService site;
    private final ChannelService channels;
    private final DirectoryService directory;
    private final AccountService accounts;
    private final ArticleService articles;
    private final TransactionTemplate transactions;
    private final ExclusiveWork exclusive;
    private final MediaService media;

    DemoContentLoader(DayuanProperties properties, SiteService site, ChannelService channels,
                      DirectoryService directory, AccountService accounts, ArticleService articles,
                      TransactionTemplate transactions, ExclusiveWork exclusive, MediaService media) {
        this.exclusive = exclusive;
        this.media = media;
        this.properties = properties;
        this.site = site;
        this.channels = channels;
        this.directory = directory;
        this.accounts = accounts;
        this.articles = articles;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.demo()) {
            // Nodes that start together on an empty database take turns: the first loads, the others find channels.
            exclusive.runFirstStartStep(this::loadIfEmpty);
        }
    }

    /** Loads the demo portal unless the site already has channels; says whether it did. */
    boolean loadIfEmpty() {
        if (!channels.tree().roots().isEmpty()) {
            log.info("Demo content not loaded: the site already has channels");
            return false;
        }
        DemoContent content = DemoContent.read();
        String publisher = publisher();
        List<ArticleDraft> drafts = content.articles().stream().map(spec -> draftWithPictures(spec, publisher))
                .toList();
        Map<String, String> passwords = new LinkedHashMap<>();
        List<Long> ids = transactions.execute(status -> {
            applySettings(content.site().settings());
            content.site().channels().forEach(channel -> createChannel(channel, null));
            content.site().directory().forEach(this::createCategory);
            content.site().accounts().forEach(account -> createAccount(account, passwords));
            return drafts.stream().map(draft -> articles.create(draft, publisher).id()).toList();
        });
        passwords.forEach((username, password) -> log.warn(
                "Created the demo account '{}' with the generated password: {}  (shown only this once)",
                username, password));
        for (int i = 0; i < ids.size(); i++) {
            recordViews(ids.get(i), content.articles().get(i).views());
        }
        // Saved in one transaction, each article was compared with an index that held none of the others yet.
        articles.forgetSimilar();
        int chosen;
        do {
            chosen = articles.chooseMissingSimilar(ids.size());
        } while (chosen > 0);
        log.info("Loaded the demo portal: {} channels, {} articles, {} navigation categories",
                channels.tree().all().size(), ids.size(), content.site().directory().size());
        return true;
    }

    private String publisher() {
        return accounts.findByUsername("admin").filter(a -> a.getRole() == Role.ADMIN && a.isEnabled())
                .or(() -> accounts.findAll().stream().filter(a -> a.getRole() == Role.ADMIN && a.isEnabled())
                        .findFirst())
                .map(Account::getUsername)
                .orElseThrow(() -> new IllegalStateException("The demo needs an administrator to publish it"));
    }

    private void applySettings(DemoContent.Settings demo) {
        SiteSettings current = site.settings();
        site.update(new SiteSettings(demo.shortName(), demo.fullName(), current.siteUrl(), demo.description(),
                demo.keywords(), demo.aboutTitle(), demo.aboutText(), demo.copyright(), demo.icpNumber(),
                demo.disclaimer(), demo.disclaimerEn(), demo.webmasterEmail(), current.rightsOriginal(),
                current.rightsAuthorized(), current.rightsReprint(), current.opinionNotice(), demo.newsLicence(),
                demo.policeFiling(), demo.reportPhone(), demo.reportEmail(), current.reportCentreName(),
                current.reportCentreUrl(), current.disclaimerLabel(), current.disclaimerEnLabel(),
                demo.aboutServices() == null ? current.aboutServices() : demo.aboutServices()));
    }

    private void createChannel(ChannelSpec spec, String parentPath) {
        Channel channel = channels.create(spec.name(), spec.slug(), parentPath, spec.description(), null);
        spec.childrenOrEmpty().forEach(child -> createChannel(child, channel.getPath()));
    }

    private void createCategory(CategorySpec spec) {
        DirectoryView.Category category = directory.createCategory(spec.name(), spec.description(), null);
        for (LinkSpec link : spec.links()) {
            directory.createLink(category.id(), link.name(), link.url(), link.description(), null);
        }
    }

    private void createAccount(DemoContent.AccountSpec spec, Map<String, String> passwords) {
        if (accounts.findByUsername(spec.username()).isPresent()) {
            return;
        }
        String password = generatePassword();
        accounts.create(spec.username(), spec.displayName(), spec.email(), password, spec.role());
        passwords.put(spec.username(), password);
    }

    /** Views go through the normal counter, which writes them to the database a few seconds later. */
    private void recordViews(long articleId, long views) {
        for (long i = 0; i < views; i++) {
            articles.recordView(articleId);
        }
    }

    private ArticleDraft draftWithPictures(ArticleSpec spec, String publisher) {
        String cover = spec.cover() == null ? null
                : picture(Scene.valueOf(spec.cover()), spec.key(), 0, COVER_WIDTH, COVER_HEIGHT, spec.title(), publisher);
        return new ArticleDraft(spec.title(), spec.subtitle(), lead(spec), bodyHtml(spec, publisher), spec.channel(), spec.author(),
                spec.source(), spec.sourceUrl(), spec.editor(), spec.tags(), spec.rights(), publishedAt(spec),
                ArticleStatus.PUBLISHED, cover, spec.headline(), spec.pinned(), true);
    }

    /**
     * The summary is the lead, as on a news site: the first paragraph, cut after the last full sentence that fits.
     * (Extracted summaries string together fragments of sentences, which reads badly in a list.)
     */
    private static String lead(ArticleSpec spec) {
        String first = spec.body().stream()
                .filter(p -> !p.startsWith(HEADING) && !PICTURE.matcher(p).matches())
                .findFirst().orElseThrow(() -> new IllegalStateException("Demo article " + spec.key() + " has no text"));
        if (first.length() <= ArticleService.SUMMARY_LENGTH) {
            return first;
        }
        int end = first.lastIndexOf('。', ArticleService.SUMMARY_LENGTH - 1);
        return end > 0 ? first.substring(0, end + 1) : ChineseText.shorten(first, ArticleService.SUMMARY_LENGTH);
    }

    private String bodyHtml(ArticleSpec spec, String publisher) {
        StringBuilder html = new StringBuilder();
        int pictures = 0;
        for (String paragraph : spec.body()) {
            Matcher picture = PICTURE.matcher(paragraph);
            if (picture.matches()) {
                pictures++;
                String src = picture(Scene.valueOf(picture.group(1)), spec.key(), pictures, BODY_PICTURE_WIDTH,
                        BODY_PICTURE_HEIGHT, picture.group(2), publisher);
                String caption = escape(picture.group(2));
                html.append("<figure><img src=\"").append(src).append("\" alt=\"").append(caption)
                        .append("\" width=\"").append(BODY_PICTURE_WIDTH).append("\" height=\"")
                        .append(BODY_PICTURE_HEIGHT).append("\"><figcaption>").append(caption)
                        .append("</figcaption></figure>");
            } else if (paragraph.startsWith(HEADING)) {
                html.append("<h3>").append(escape(paragraph.substring(HEADING.length()))).append("</h3>");
            } else {
                html.append("<p>").append(escape(paragraph)).append("</p>");
            }
        }
        return html.toString();
    }

    /**
     * Paints picture {@code number} of an article (0 is the cover) and uploads it to the media library as an editor
     * would, so the demo shows its sizes and WebP copies; returns the address an article shows: the cover size for a
     * cover, the picture itself in a body (pages offer its sizes).
     */
    private String picture(Scene scene, String key, int number, int width, int height, String alt, String publisher) {
        String name = number == 0 ? key + ".jpg" : key + "-" + number + ".jpg";
        BufferedImage image = DemoPictures.paint(scene, key.hashCode() * 31L + number, width, height);
        byte[] jpeg;
        try {
            jpeg = DemoPictures.jpeg(image);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode the demo picture " + name, e);
        }
        MediaView stored = media.upload(jpeg, name, new MediaService.Description(alt, null, PICTURE_CREDIT), publisher)
                .media();
        return number == 0 ? stored.sizes().get(MediaService.COVER).url() : stored.url();
    }

    /** A fixed time for the seed article; for the others a time in the last weeks, so the demo looks fresh. */
    private Instant publishedAt(ArticleSpec spec) {
        if (spec.publishedAt() != null) {
            return spec.publishedAt().toInstant();
        }
        Instant at = LocalDate.now(properties.timeZone()).minusDays(spec.daysAgo()).atTime(LocalTime.parse(spec.time()))
                .atZone(properties.timeZone()).toInstant();
        Instant now = Instant.now();
        return at.isAfter(now) ? now : at;
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }
}
