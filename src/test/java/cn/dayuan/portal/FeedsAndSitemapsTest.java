package cn.dayuan.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;

import cn.dayuan.article.ArticleDetail;
import cn.dayuan.article.ArticleDraft;
import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleStatus;
import cn.dayuan.article.RightsType;
import cn.dayuan.channel.ChannelService;
import cn.dayuan.publish.PageCache;
import cn.dayuan.publish.StaticExporter;
import cn.dayuan.site.SiteSettings;
import cn.dayuan.system.PageKeys;

/**
 * What feed readers and search engines get: Atom feeds with the same entries as the RSS feeds, the sitemap that
 * becomes an index of parts past the protocol's limit without leaving an article out, and the Google News sitemap
 * of the last two days. Real HTTP against a running server, content made through the services.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dayuan.data-dir=target/test-data/FeedsAndSitemapsTest", "dayuan.admin-password=feeds-test-pw"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedsAndSitemapsTest {

    static {
        FileSystemUtils.deleteRecursively(Path.of("target/test-data/FeedsAndSitemapsTest").toFile());
    }

    static final String HOSTILE_TITLE = "</title><script>alert(1)</script> & \"引号\" 'AT&T' <![CDATA[x]]>";
    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

    @LocalServerPort
    int port;
    @Autowired
    ArticleService articles;
    @Autowired
    ChannelService channels;
    @Autowired
    Sitemaps sitemaps;
    @Autowired
    PageCache pageCache;
    @Autowired
    StaticExporter exporter;
    @Autowired
    cn.dayuan.site.SiteService siteSettings;
    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    /** Public articles published in the last two days, by address. */
    final List<String> recent = Collections.synchronizedList(new ArrayList<>());
    final List<String> older = new ArrayList<>();
    String hostileUrl;
    String agingUrl;
    long agingId;
    String scheduledUrl;
    String draftUrl;

    @BeforeAll
    void createContent() {
        channels.create("要闻", "yaowen", null, "要闻", null);
        channels.create("地方", "difang", null, null, null);
        channels.create("太原", "taiyuan", "difang", null, null);
        for (int i = 1; i <= 12; i++) {
            older.add(publish("往日要闻第" + i + "篇", i % 3 == 0 ? "difang/taiyuan" : "yaowen",
                    OffsetDateTime.parse("2024-03-%02dT09:00:00+08:00".formatted(i)).toInstant()).url());
        }
        older.add(publish("三天前的地方新闻", "difang", Instant.now().minus(Duration.ofDays(3))).url());
        Instant now = Instant.now();
        hostileUrl = publish(HOSTILE_TITLE, "difang/taiyuan", now.minus(Duration.ofHours(1))).url();
        recent.add(hostileUrl);
        recent.add(publish("昨天的要闻", "yaowen", now.minus(Duration.ofHours(20))).url());
        ArticleDetail aging = publish("快满两天的地方新闻", "difang", now.minus(Duration.ofHours(46)));
        agingUrl = aging.url();
        agingId = aging.id();
        recent.add(agingUrl);
        scheduledUrl = publish("明天才发布的新闻", "yaowen", now.plus(Duration.ofDays(1))).url();
        draftUrl = articles.create(new ArticleDraft("尚未发布的草稿", null, null, "<p>草稿。</p>", "yaowen", null, null,
                null, null, List.of(), RightsType.ORIGINAL, null, ArticleStatus.DRAFT, null, false, false, true),
                "admin").url();
    }

    private ArticleDetail publish(String title, String channel, Instant at) {
        return articles.create(new ArticleDraft(title, null, "摘要：" + title, "<p>" + title + "的正文。</p>", channel,
                "本网记者", null, null, "王编辑", List.of(), RightsType.ORIGINAL, at, ArticleStatus.PUBLISHED, null,
                false, false, true), "admin");
    }

    @Test
    void atomFeedsHoldTheSameEntriesAsTheRssFeedsAndAreValidAtom() throws Exception {
        for (String folder : List.of("/", "/difang/", "/yaowen/")) {
            HttpResponse<String> atom = get(folder + "atom.xml");
            assertThat(atom.statusCode()).as(folder).isEqualTo(200);
            assertThat(atom.headers().firstValue("Content-Type")).as(folder)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/atom+xml"));
            SyndFeed atomFeed = new SyndFeedInput().build(new StringReader(atom.body()));
            SyndFeed rssFeed = new SyndFeedInput().build(new StringReader(get(folder + "feed.xml").body()));
            assertThat(atomFeed.getFeedType()).isEqualTo("atom_1.0");
            assertThat(atomFeed.getTitle()).isEqualTo(rssFeed.getTitle());
            assertThat(atomFeed.getEntries()).as(folder).isNotEmpty().extracting(SyndEntry::getLink)
                    .containsExactlyElementsOf(rssFeed.getEntries().stream().map(SyndEntry::getLink).toList());
            assertThat(atomFeed.getEntries()).extracting(SyndEntry::getTitle)
                    .containsExactlyElementsOf(rssFeed.getEntries().stream().map(SyndEntry::getTitle).toList());
            assertThat(atomFeed.getLinks()).extracting(SyndLink::getRel, SyndLink::getHref)
                    .contains(org.assertj.core.groups.Tuple.tuple("self", base() + folder + "atom.xml"),
                            org.assertj.core.groups.Tuple.tuple("alternate", base() + folder));

            // What Atom 1.0 requires (RFC 4287, 4.1.1 and 4.1.2), read as XML.
            Element feed = parse(atom.body()).getDocumentElement();
            assertThat(feed.getNamespaceURI()).isEqualTo(ATOM_NS);
            assertThat(feed.getLocalName()).isEqualTo("feed");
            assertThat(child(feed, "id")).isEqualTo(base() + folder);
            assertThat(child(feed, "updated")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
            Element author = (Element) feed.getElementsByTagNameNS(ATOM_NS, "author").item(0);
            assertThat(child(author, "name")).isEqualTo(SiteSettings.DEFAULTS.shortName());
            NodeList entries = feed.getElementsByTagNameNS(ATOM_NS, "entry");
            for (int i = 0; i < entries.getLength(); i++) {
                Element entry = (Element) entries.item(i);
                assertThat(child(entry, "id")).startsWith(base() + "/");
                assertThat(child(entry, "updated")).isNotBlank();
                assertThat(child(entry, "summary")).startsWith("摘要：");
                Element entryAuthor = (Element) entry.getElementsByTagNameNS(ATOM_NS, "author").item(0);
                assertThat(child(entryAuthor, "name")).isEqualTo(SiteSettings.DEFAULTS.shortName());
                Element link = (Element) entry.getElementsByTagNameNS(ATOM_NS, "link").item(0);
                assertThat(link.getAttribute("href")).isEqualTo(child(entry, "id"));
                assertThat(link.getAttribute("rel")).isIn("", "alternate");
            }
        }
        SyndFeed local = new SyndFeedInput().build(new StringReader(get("/difang/atom.xml").body()));
        assertThat(local.getEntries()).extracting(SyndEntry::getTitle)
                .contains(HOSTILE_TITLE, "三天前的地方新闻", "往日要闻第3篇").doesNotContain("往日要闻第1篇");
        assertThat(new SyndFeedInput().build(new StringReader(get("/atom.xml").body())).getEntries())
                .extracting(SyndEntry::getTitle).contains(HOSTILE_TITLE)
                .doesNotContain("明天才发布的新闻", "尚未发布的草稿");

        assertThat(get("/").body()).contains(
                "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"大院网 最新资讯（Atom）\" href=\"/atom.xml\">");
        assertThat(get("/difang/").body()).contains("type=\"application/atom+xml\" title=\"地方（Atom）\" "
                + "href=\"/difang/atom.xml\"").contains("href=\"/difang/feed.xml\"");
        assertThat(get("/no-such-channel/atom.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void atomFeedsAreCachedAndEvictedLikeTheRssFeeds() throws Exception {
        get("/difang/taiyuan/atom.xml");
        assertThat(get("/difang/taiyuan/atom.xml").headers().firstValue("X-Dayuan-Cache")).hasValue("HIT");
        get("/atom.xml");
        assertThat(get("/atom.xml").headers().firstValue("X-Dayuan-Cache")).hasValue("HIT");

        ArticleDetail added = publish("刚刚发布的太原新闻", "difang/taiyuan", Instant.now().minusSeconds(30));
        recent.add(added.url());
        for (String feed : List.of("/atom.xml", "/difang/taiyuan/atom.xml", "/difang/atom.xml")) {
            HttpResponse<String> answer = get(feed);
            assertThat(answer.headers().firstValue("X-Dayuan-Cache")).as(feed).hasValue("MISS");
            assertThat(answer.body()).as(feed).contains("刚刚发布的太原新闻");
        }
        assertThat(get("/yaowen/atom.xml").body()).doesNotContain("刚刚发布的太原新闻");
    }

    @Test
    void aSmallSiteHasOneSitemapAndRobotsNamesItAndTheNewsSitemap() throws Exception {
        Document sitemap = parse(get("/sitemap.xml").body());
        assertThat(sitemap.getDocumentElement().getLocalName()).isEqualTo("urlset");
        assertThat(locs(sitemap)).containsExactlyInAnyOrderElementsOf(everyAddress());
        assertThat(get("/sitemap-1.xml").statusCode()).as("no index, no parts").isEqualTo(404);
        assertThat(get("/robots.txt").body()).contains("Sitemap: " + base() + "/sitemap.xml\n",
                "Sitemap: " + base() + "/sitemap-news.xml\n");
    }

    @Test
    void pastTheLimitTheSitemapIsAnIndexWhosePartsListEveryPageOnceAndTheExportWritesThemAll() throws Exception {
        int perFile = 6;
        sitemaps.urlsPerFile(perFile);
        pageCache.evict(Set.of(PageKeys.LATEST));
        Path folder = Files.createTempDirectory("feeds-export");
        Path export = folder.resolve("site");
        try {
            Document index = parse(get("/sitemap.xml").body());
            assertThat(index.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
            List<String> expected = everyAddress();
            int articlesPerPart = perFile - 1 - channels.tree().all().size();
            int parts = (int) Math.ceil((expected.size() - 1 - channels.tree().all().size()) / (double) articlesPerPart);
            assertThat(parts).as("the test site needs several parts").isGreaterThan(3);
            List<String> partAddresses = new ArrayList<>();
            for (int part = 1; part <= parts; part++) {
                partAddresses.add(base() + "/sitemap-" + part + ".xml");
            }
            partAddresses.add(base() + "/sitemap-news.xml");
            assertThat(locs(index)).containsExactlyElementsOf(partAddresses);

            List<String> listed = new ArrayList<>();
            for (int part = 1; part <= parts; part++) {
                HttpResponse<String> answer = get("/sitemap-" + part + ".xml");
                assertThat(answer.statusCode()).isEqualTo(200);
                Document urlset = parse(answer.body());
                assertThat(urlset.getDocumentElement().getLocalName()).isEqualTo("urlset");
                assertThat(locs(urlset)).as("part %d", part).hasSizeLessThanOrEqualTo(perFile).isNotEmpty();
                listed.addAll(locs(urlset));
            }
            assertThat(listed).as("every page exactly once").doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(expected);
            for (String missing : List.of("/sitemap-" + (parts + 1) + ".xml", "/sitemap-0.xml", "/sitemap-01.xml",
                    "/sitemap-99999999999999999999.xml", "/sitemap--1.xml", "/sitemap-x.xml")) {
                assertThat(get(missing).statusCode()).as(missing).isEqualTo(404);
            }

            exportTo(export);
            assertThat(Files.readString(export.resolve("sitemap.xml"))).contains("<sitemapindex");
            for (int part = 1; part <= parts; part++) {
                assertThat(export.resolve("sitemap-" + part + ".xml")).isRegularFile();
            }
            assertThat(export.resolve("sitemap-" + (parts + 1) + ".xml")).doesNotExist();
            assertThat(Files.readString(export.resolve("sitemap-news.xml"))).contains(HOSTILE_TITLE
                    .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                    .replace("'", "&#39;"));
            assertThat(Files.readString(export.resolve("robots.txt"))).contains("/sitemap-news.xml");

            // An edit changes one article's lastmod: the next export writes its part again and no other.
            List<String> partsBefore = new ArrayList<>();
            for (int part = 1; part <= parts; part++) {
                partsBefore.add(Files.readString(export.resolve("sitemap-" + part + ".xml")));
            }
            String edited = older.get(4);
            // lastmod is given to the second: an edit within the second the article was last saved in shows nothing
            Thread.sleep(1_001 - System.currentTimeMillis() % 1_000);
            articles.correct(Long.parseLong(edited.replaceAll(".*/(\\d+)\\.html$", "$1")), "更正一处笔误。", "admin");
            exportTo(export);
            List<Integer> rewritten = new ArrayList<>();
            for (int part = 1; part <= parts; part++) {
                String now = Files.readString(export.resolve("sitemap-" + part + ".xml"));
                if (!now.equals(partsBefore.get(part - 1))) {
                    rewritten.add(part);
                    assertThat(now).contains("<loc>" + base() + edited + "</loc>");
                }
            }
            assertThat(rewritten).hasSize(1);
            for (String feed : List.of("atom.xml", "difang/atom.xml", "difang/taiyuan/atom.xml", "yaowen/atom.xml")) {
                assertThat(new SyndFeedInput().build(new StringReader(Files.readString(export.resolve(feed))))
                        .getFeedType()).as(feed).isEqualTo("atom_1.0");
            }
        } finally {
            sitemaps.urlsPerFile(Sitemaps.URLS_PER_FILE);
            pageCache.evict(Set.of(PageKeys.LATEST));
            FileSystemUtils.deleteRecursively(folder);
        }
        assertThat(parse(get("/sitemap.xml").body()).getDocumentElement().getLocalName()).isEqualTo("urlset");
    }

    @Test
    void theNewsSitemapHoldsTheArticlesOfTheLastTwoDaysAndIsNeverKeptPastThem() throws Exception {
        HttpResponse<String> answer = get("/sitemap-news.xml");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("X-Dayuan-Cache")).as("never from the page cache").isEmpty();
        Document news = parse(answer.body());
        assertThat(news.getDocumentElement().getLocalName()).isEqualTo("urlset");
        assertThat(locs(news)).containsExactlyInAnyOrderElementsOf(recent.stream().map(url -> base() + url).toList())
                .doesNotContain(base() + scheduledUrl, base() + draftUrl)
                .doesNotContainAnyElementsOf(older.stream().map(url -> base() + url).toList());
        NodeList items = news.getElementsByTagNameNS(NEWS_NS, "news");
        assertThat(items.getLength()).isEqualTo(recent.size());
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            Element publication = (Element) item.getElementsByTagNameNS(NEWS_NS, "publication").item(0);
            assertThat(publication.getElementsByTagNameNS(NEWS_NS, "name").item(0).getTextContent())
                    .isEqualTo(SiteSettings.DEFAULTS.shortName());
            assertThat(publication.getElementsByTagNameNS(NEWS_NS, "language").item(0).getTextContent())
                    .isEqualTo("zh-cn");
            String date = item.getElementsByTagNameNS(NEWS_NS, "publication_date").item(0).getTextContent();
            assertThat(date).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
            assertThat(OffsetDateTime.parse(date, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant())
                    .isAfter(Instant.now().minus(Duration.ofDays(2)));
        }
        Element hostile = newsOf(news, base() + hostileUrl);
        assertThat(hostile.getElementsByTagNameNS(NEWS_NS, "title").item(0).getTextContent())
                .isEqualTo(HOSTILE_TITLE);

        // Time passes: the article leaves the window with no change to announce it, and the next answer drops it.
        jdbc.update("update article set published_at = ? where id = ?",
                OffsetDateTime.now(ZoneOffset.UTC).minusHours(49), agingId);
        recent.remove(agingUrl);
        assertThat(locs(parse(get("/sitemap-news.xml").body()))).doesNotContain(base() + agingUrl)
                .contains(base() + hostileUrl);
    }

    /** Home, every channel and every public article, absolute. */
    private List<String> everyAddress() {
        List<String> addresses = new ArrayList<>();
        addresses.add(base() + "/");
        channels.tree().all().forEach(channel -> addresses.add(base() + channel.url()));
        articles.publicUrls().forEach(url -> addresses.add(base() + url));
        return addresses;
    }

    private static Element newsOf(Document urlset, String location) {
        NodeList urls = urlset.getDocumentElement().getElementsByTagNameNS("*", "url");
        for (int i = 0; i < urls.getLength(); i++) {
            Element url = (Element) urls.item(i);
            if (child(url, "loc").equals(location)) {
                return (Element) url.getElementsByTagNameNS(NEWS_NS, "news").item(0);
            }
        }
        throw new AssertionError("not in the news sitemap: " + location);
    }

    private void exportTo(Path folder) {
        String address = cn.dayuan.site.SiteAddress.set(siteSettings, base());
        try {
            exporter.export(folder, null);
        } finally {
            cn.dayuan.site.SiteAddress.set(siteSettings, address);
        }
    }

    private static List<String> locs(Document document) {
        NodeList locs = document.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
        List<String> values = new ArrayList<>();
        for (int i = 0; i < locs.getLength(); i++) {
            values.add(locs.item(i).getTextContent());
        }
        return values;
    }

    private static String child(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element && element.getLocalName().equals(name)) {
                return element.getTextContent();
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getLocalName() + ">");
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
