package cn.dayuan.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.util.FileSystemUtils;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import cn.dayuan.account.Role;
import cn.dayuan.article.ArticleDetail;
import cn.dayuan.article.ArticleDraft;
import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleStatus;
import cn.dayuan.article.Provenance;
import cn.dayuan.article.RightsType;
import cn.dayuan.captcha.CaptchaService;
import cn.dayuan.captcha.KnownCaptchaCodes;
import cn.dayuan.channel.ChannelService;
import cn.dayuan.comment.CommentService;
import cn.dayuan.comment.CommentService.CommentDraft;
import cn.dayuan.comment.ModerationAction;
import cn.dayuan.curation.Slot;
import cn.dayuan.curation.SlotService;
import cn.dayuan.curation.TopicService;
import cn.dayuan.directory.DirectoryService;
import cn.dayuan.media.MediaService;
import cn.dayuan.media.TestPictures;
import cn.dayuan.report.ReportKind;
import cn.dayuan.report.ReportService;
import cn.dayuan.report.ReportService.ReportDraft;
import cn.dayuan.site.SiteService;
import cn.dayuan.site.SiteSettings;
import cn.dayuan.system.InvalidInputException;
import cn.dayuan.tag.TagService;

/**
 * What an attacker types, everywhere a reader or an editor can type: stored-XSS payloads in comment names and texts,
 * report forms, titles, tags, settings and navigation links render inert on every page that shows them; a newsroom
 * change without its CSRF token is refused; SQL-injection strings in query parameters give 4xx or empty results;
 * path traversal in path parameters gives 404. Never a 500.
 */
@SpringBootTest(properties = {"dayuan.data-dir=" + HostileInputTest.DATA_DIR, "dayuan.admin-password=hostile-pw",
        "dayuan.captcha-min-solve-time=0s"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    static final String DATA_DIR = "target/test-data/HostileInputTest";

    static {
        FileSystemUtils.deleteRecursively(Path.of(DATA_DIR).toFile());
    }

    /** Stored-XSS payloads; each is planted in several places below. */
    static final List<String> PAYLOADS = List.of(
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(2)>",
            "<svg onload=alert(3)>",
            "<svg><script>alert(4)</script></svg>",
            "\"><script>alert(5)</script>",
            "'><img src=x onerror=alert(6)>",
            "<iframe src=javascript:alert(7)>",
            "<body onload=alert(8)>",
            "<a href=\"javascript:alert(9)\">x</a>",
            "<input autofocus onfocus=alert(10)>",
            "<details open ontoggle=alert(11)>",
            "<video><source onerror=alert(12)>",
            "<marquee onstart=alert(13)>",
            "<object data=javascript:alert(14)>",
            "<embed src=javascript:alert(15)>",
            "<math><mi xlink:href=javascript:alert(16)>",
            "<style>@import'//evil/x.css'</style>",
            "<link rel=stylesheet href=//evil/x.css>",
            "<meta http-equiv=refresh content=0;url=//evil>",
            "<base href=//evil/>",
            "<form action=//evil><button>x</button></form>",
            "<textarea></textarea><script>alert(22)</script>",
            "</title><script>alert(23)</script>",
            "<!--<script>alert(24)</script>-->",
            "<scr<script>ipt>alert(25)</script>",
            "<IMG SRC=JaVaScRiPt:alert(26)>",
            "<div style=\"background:url(javascript:alert(27))\">",
            "<x onclick=alert(28)>click",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(29)>\">",
            "<template><script>alert(30)</script></template>",
            "\" autofocus onfocus=\"alert(31)",
            "${7*7}{{7*7}}<%= 7*7 %>");

    @Autowired
    MockMvc mvc;
    @Autowired
    ChannelService channels;
    @Autowired
    ArticleService articles;
    @Autowired
    CommentService comments;
    @Autowired
    CaptchaService captcha;
    @Autowired
    ReportService reports;
    @Autowired
    SiteService sites;
    @Autowired
    DirectoryService directory;
    @Autowired
    TagService tags;
    @Autowired
    MediaService media;
    @Autowired
    TopicService topics;
    @Autowired
    SlotService slots;

    private ArticleDetail article;
    private final List<String> refusedAtTheDoor = new ArrayList<>();

    private long rejected;
    private long pictureId;
    private long topicId;

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }

    @BeforeAll
    void plantPayloads() throws java.io.IOException {
        channels.create("安全", "anquan", null, "<script>alert('channel')</script>", null);
        comments.setPostsPerTenMinutes(10_000);
        article = articles.create(new ArticleDraft("标题" + PAYLOADS.get(0), PAYLOADS.get(1), PAYLOADS.get(2),
                "<p>正文" + PAYLOADS.get(3) + PAYLOADS.get(6) + "</p>", "anquan", PAYLOADS.get(4), PAYLOADS.get(5),
                "https://example.cn/?a=%22%3E%3Cscript%3Ealert(1)%3C/script%3E", PAYLOADS.get(30),
                List.of("<b>粗体", "<svg onload=x>"), RightsType.REPRINT, Instant.now().minusSeconds(60),
                ArticleStatus.PUBLISHED, null,
                true, false, true, new Provenance(cut("原题" + PAYLOADS.get(28), 200),
                        cut(PAYLOADS.get(29), 100), null)), "admin");
        articles.correct(article.id(), cut("更正" + PAYLOADS.get(26), 500), "admin");
        rejected = articles.create(new ArticleDraft("退回的稿件", null, null, "<p>正文</p>", "anquan", null, null, null,
                null, List.of(), RightsType.ORIGINAL, null, ArticleStatus.PENDING, null, false, false, true), "admin")
                .id();
        articles.reject(rejected, cut("理由" + PAYLOADS.get(25), 500), "admin");
        for (int i = 0; i < PAYLOADS.size(); i++) {
            String payload = PAYLOADS.get(i);
            String name = payload.length() > CommentService.MAX_NAME_LENGTH
                    ? payload.substring(0, CommentService.MAX_NAME_LENGTH) : payload;
            long id = comments.post(article.id(), new CommentDraft(name, "评论" + payload, null, captcha.issue().id(),
                    KnownCaptchaCodes.ANSWER, null), "198.51.100." + (i + 1)).id();
            comments.decide(List.of(id), ModerationAction.APPROVE, "admin");
            reports.submit(new ReportDraft(ReportKind.OTHER, article.url(), null, "举报" + payload, payload.substring(0,
                    Math.min(50, payload.length())), payload, captcha.issue().id(), KnownCaptchaCodes.ANSWER, null),
                    "198.51.100." + (i + 1));
        }
        pictureId = media.upload(TestPictures.png(200, 100), "图" + cut(PAYLOADS.get(0), 100) + ".png",
                new MediaService.Description(cut(PAYLOADS.get(1), 300), cut(PAYLOADS.get(2), 500),
                        cut(PAYLOADS.get(4), 200)), "admin").media().id();
        topicId = topics.create(new TopicService.TopicDraft("hostile-topic", cut("专题" + PAYLOADS.get(0), 100),
                "/\" onerror=\"alert(1)", cut(PAYLOADS.get(3) + "\n" + PAYLOADS.get(6), 4000), true,
                List.of(new TopicService.Section(cut("栏目" + PAYLOADS.get(5), 100), null, List.of(article.id())))),
                "admin").id();
        slots.update(Slot.YAOWEN, List.of(article.id()), null, "admin");
        SiteSettings d = SiteSettings.DEFAULTS;
        sites.update(new SiteSettings("大院" + PAYLOADS.get(7), d.fullName() + PAYLOADS.get(8), "",
                PAYLOADS.get(9), PAYLOADS.get(10), PAYLOADS.get(11), PAYLOADS.get(12), PAYLOADS.get(13),
                PAYLOADS.get(14), PAYLOADS.get(15), PAYLOADS.get(16), "", PAYLOADS.get(17), PAYLOADS.get(18),
                PAYLOADS.get(19) + "{source}", PAYLOADS.get(20), PAYLOADS.get(25).substring(0, 20), "京公网安备 11010502030143号<b>", "0351-12345678", "jubao@example.cn", PAYLOADS.get(24), d.reportCentreUrl(),
                PAYLOADS.get(27), PAYLOADS.get(2), PAYLOADS.get(31)));
        long category = directory.createCategory("导航" + PAYLOADS.get(21), PAYLOADS.get(22), null).id();
        try {
            directory.createLink(category, "链接" + PAYLOADS.get(23), "https://example.cn/?q=\"><script>alert(1)</script>",
                    PAYLOADS.get(24), null);
        } catch (InvalidInputException refused) {
            directory.createLink(category, "链接" + PAYLOADS.get(23), "https://example.cn/", PAYLOADS.get(24), null);
        }
        try {
            directory.createLink(category, "伪链接", "javascript:alert(document.cookie)", null, null);
        } catch (InvalidInputException refused) {
            refusedAtTheDoor.add("javascript: link");
        }
    }

    @Test
    void everyPayloadRendersInertOnEveryPageThatShowsIt() throws Exception {
        assertThat(refusedAtTheDoor).as("a javascript: address is refused as a navigation link")
                .contains("javascript: link");
        List<String> pages = List.of("/", article.url(), articles.previewLink(article.id(), "admin"), "/anquan/",
                "/nav/", "/about.html", "/copyright.html",
                "/jubao/", "/zt/", "/zt/hostile-topic/", "/comment/" + article.id(), "/tag/" + java.net.URLEncoder.encode(
                        "<b>粗体", java.nio.charset.StandardCharsets.UTF_8) + "/");
        for (String page : pages) {
            assertInert(page, get(page, null));
        }
        for (String page : List.of("/admin", "/admin/articles", "/admin/comments?status=", "/admin/reports",
                "/admin/articles/" + article.id() + "/edit", "/admin/settings", "/admin/directory",
                "/admin/channels", "/admin/tags", "/admin/tags/" + tags.findByName("<b>粗体").orElseThrow().getId()
                        + "/edit", "/admin/articles/" + rejected + "/edit", "/admin/articles/" + rejected + "/history",
                "/admin/articles/" + article.id() + "/history", "/admin/audit", "/admin/reviews",
                "/admin/settings/review", "/admin/media", "/admin/media/" + pictureId, "/admin/topics",
                "/admin/topics/" + topicId, "/admin/slots")) {
            assertInert(page, get(page, Role.ADMIN));
        }
    }

    /**
     * Parsed as a browser would: no element of an attacker's making (every script is ours: a file of the site or a
     * JSON-LD data block), no event handler attribute, no javascript: address, nothing that frames, embeds,
     * redirects or re-bases the page. The payload's text may show; its markup may not.
     */
    private void assertInert(String page, MockHttpServletResponse answer) throws Exception {
        assertThat(answer.getStatus()).as(page).isEqualTo(200);
        Document html = Jsoup.parse(answer.getContentAsString());
        List<String> live = new ArrayList<>();
        for (Element element : html.getAllElements()) {
            String tag = element.tagName();
            if (tag.equals("script") && !(element.attr("src").startsWith("/assets/")
                    || element.attr("src").startsWith("/webjars/")
                    || element.attr("type").equals("application/ld+json"))) {
                live.add(element.outerHtml());
            }
            if (List.of("iframe", "object", "embed", "base", "frame", "applet", "svg", "math", "style", "link")
                    .contains(tag) && !(tag.equals("link") && element.attr("href").startsWith("/")
                    || tag.equals("link") && element.attr("rel").equals("canonical"))) {
                live.add(element.outerHtml());
            }
            if (tag.equals("meta") && element.attr("http-equiv").equalsIgnoreCase("refresh")) {
                live.add(element.outerHtml());
            }
            for (Attribute attribute : element.attributes()) {
                String value = attribute.getValue().strip().toLowerCase(Locale.ROOT);
                if (attribute.getKey().startsWith("on") || attribute.getKey().equals("style")
                        || value.startsWith("javascript:") || value.startsWith("data:text/html")) {
                    live.add(tag + " " + attribute.getKey() + "=" + attribute.getValue());
                }
            }
        }
        assertThat(live).as("live markup of an attacker's on %s", page).isEmpty();
        for (Element data : html.select("script[type=application/ld+json]")) {
            assertThat(data.data()).as("%s: the JSON-LD block stays one block", page).doesNotContainIgnoringCase("<script");
        }
    }

    /**
     * Reader search: the planted article found by its words shows its payloads as text in the highlighted title and
     * excerpt; and whatever is typed as a query (query syntax, quotes, wildcards, field names, control characters,
     * lone surrogates, 500 characters, random strings) or as a filter gets a search page, never an error.
     */
    @Test
    void searchPagesShowPayloadsInertAndAnswerEveryQuery() throws Exception {
        for (String words : List.of("正文", "标题", "alert", "script", "粗体", "onerror")) {
            assertInert("/search?q=" + words, mvc.perform(MockMvcRequestBuilders.get("/search").param("q", words))
                    .andReturn().getResponse());
        }
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/search").param("q", "正文")).andReturn().getResponse()
                .getContentAsString()).contains(article.url());
        List<String> queries = new ArrayList<>(List.of("C++", "\"", "*", "?", "AND", "OR", "NOT", "a AND b",
                "title:晋祠", "晋祠~2", "晋祠^10", "(", ")", "[a TO z]", "{", "\\", "/", "/.*/", "-", "+", "!", "&&",
                "||", "\"晋祠", "晋*", "*:*", "", " ", "\u0000", "\u0007晋祠", "\uD800", "\uDC00晋", "晋\uD800祠",
                "\uFFFE", "\uE000晋祠\uE001", "%", "%%", "<em>", "晋".repeat(500), "C++编程".repeat(80),
                "AND ".repeat(150)));
        queries.addAll(PAYLOADS);
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 100; i++) {
            StringBuilder fuzz = new StringBuilder();
            for (int c = random.nextInt(40); c > 0; c--) {
                fuzz.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000)));
            }
            queries.add(fuzz.toString());
        }
        List<String> wrong = new ArrayList<>();
        for (String query : queries) {
            MockHttpServletResponse answer = mvc.perform(MockMvcRequestBuilders.get("/search").param("q", query))
                    .andReturn().getResponse();
            if (answer.getStatus() != 200) {
                wrong.add(query.length() > 30 ? query.substring(0, 30) + "…" : query);
            }
        }
        assertThat(wrong).as("queries that did not get a search page").isEmpty();
        for (String[] filters : List.of(new String[] {"channel", "abc"}, new String[] {"channel", "-1"},
                new String[] {"channel", "99999999999999999999"}, new String[] {"from", "2024-13-45"},
                new String[] {"to", "<script>"}, new String[] {"sort", "<script>alert(1)</script>"},
                new String[] {"page", "-1"}, new String[] {"page", "0"}, new String[] {"page", "99999999999"},
                new String[] {"page", "abc"})) {
            assertInert("/search " + filters[0] + "=" + filters[1], mvc.perform(MockMvcRequestBuilders.get("/search")
                    .param("q", "正文").param(filters[0], filters[1])).andReturn().getResponse());
        }
    }

    /**
     * Tag names an attacker types into the rename and merge forms and the tag API: refused with a 4xx that names
     * the field, or stored and shown as text on the newsroom's keyword pages and the public tag page.
     */
    @Test
    void hostileTagRenamesAndMergesAreRefusedOrRenderInert() throws Exception {
        long id = tags.findOrCreate(List.of("改名靶子")).get(0).getId();
        List<String> wrong = new ArrayList<>();
        for (String payload : PAYLOADS) {
            String name = payload.length() > 20 ? payload.substring(0, 20) : payload;
            MockHttpServletResponse api = mvc.perform(MockMvcRequestBuilders.put("/api/v1/tags/" + id)
                    .with(user("admin").roles(SecurityConfig.rolesOf(Role.ADMIN))).with(csrf())
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .content("{\"name\":" + tools.jackson.databind.json.JsonMapper.builder().build()
                            .writeValueAsString(name) + "}")).andReturn().getResponse();
            if (api.getStatus() != 200 && api.getStatus() != 400) {
                wrong.add("PUT " + name + " → " + api.getStatus());
            }
            MockHttpServletResponse form = mvc.perform(MockMvcRequestBuilders.post("/admin/tags/" + id + "/merge")
                    .param("into", payload).with(user("admin").roles(SecurityConfig.rolesOf(Role.ADMIN)))
                    .with(csrf())).andReturn().getResponse();
            if (form.getStatus() != 400) {
                wrong.add("merge into " + payload + " → " + form.getStatus());
            }
        }
        for (String body : List.of("{\"into\":\"abc\"}", "{\"into\":-1}", "{\"into\":1e30}", "{\"into\":null}",
                "{\"into\":[1]}", "{}", "[]")) {
            MockHttpServletResponse answer = mvc.perform(MockMvcRequestBuilders.post("/api/v1/tags/" + id + "/merge")
                    .with(user("admin").roles(SecurityConfig.rolesOf(Role.ADMIN))).with(csrf())
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(body))
                    .andReturn().getResponse();
            if (answer.getStatus() != 400) {
                wrong.add("merge " + body + " → " + answer.getStatus());
            }
        }
        assertThat(wrong).isEmpty();
        String renamed = tags.get(id).name();
        assertThat(renamed).isNotEqualTo("改名靶子");
        assertInert("/admin/tags", get("/admin/tags", Role.ADMIN));
        assertInert("/admin/tags/" + id + "/edit", get("/admin/tags/" + id + "/edit", Role.ADMIN));
        MockHttpServletResponse rejected = mvc.perform(MockMvcRequestBuilders.post("/admin/tags/" + id + "/rename")
                .param("name", "<svg/onload=alert(1)>").with(user("admin").roles(SecurityConfig.rolesOf(Role.ADMIN)))
                .with(csrf())).andReturn().getResponse();
        assertThat(rejected.getStatus()).isEqualTo(400);
        assertThat(Jsoup.parse(rejected.getContentAsString()).select("svg")).isEmpty();
    }

    /**
     * Synonym groups typed with attackers' words: each is refused with a reason or stored, the 读者搜索 page shows
     * the stored ones as text, and reader searches that a hostile group expands still answer a search page.
     */
    @Test
    void hostileSynonymGroupsAreRefusedOrStoredAsTextAndSearchesStillAnswer() throws Exception {
        List<String> wrong = new ArrayList<>();
        int n = 0;
        for (String payload : PAYLOADS) {
            String typed = cut(payload, 20) + " = 同义靶子" + (char) ('甲' + n++);
            MockHttpServletResponse form = mvc.perform(MockMvcRequestBuilders.post("/admin/search-queries/synonyms")
                    .param("words", typed).with(user("admin").roles(SecurityConfig.rolesOf(Role.EDITOR)))
                    .with(csrf())).andReturn().getResponse();
            if (form.getStatus() != 303) {
                wrong.add(typed + " → " + form.getStatus());
            }
            MockHttpServletResponse search = mvc.perform(MockMvcRequestBuilders.get("/search")
                    .param("q", cut(payload, 20))).andReturn().getResponse();
            if (search.getStatus() != 200) {
                wrong.add("/search?q=" + payload + " → " + search.getStatus());
            }
        }
        for (String typed : List.of("", "=,，、;", "a".repeat(5_000), "同义 = " + "长".repeat(21), "\u0000 = \u0001")) {
            MockHttpServletResponse form = mvc.perform(MockMvcRequestBuilders.post("/admin/search-queries/synonyms")
                    .param("words", typed).with(user("admin").roles(SecurityConfig.rolesOf(Role.EDITOR)))
                    .with(csrf())).andReturn().getResponse();
            if (form.getStatus() != 303) {
                wrong.add(cut(typed, 30) + " → " + form.getStatus());
            }
        }
        assertThat(wrong).isEmpty();
        assertInert("/admin/search-queries", get("/admin/search-queries", Role.EDITOR));
        assertInert("/search?q=同义靶子甲", get("/search?q=%E5%90%8C%E4%B9%89%E9%9D%B6%E5%AD%90%E7%94%B2", null));
    }

    @Test
    void newsroomChangesWithoutTheirCsrfTokenAreRefused() throws Exception {
        List<String> accepted = new ArrayList<>();
        for (AuthorizationMatrixTest.Line line : AuthorizationMatrixTest.MATRIX) {
            String method = line.route().substring(0, line.route().indexOf(' '));
            if (!line.path().startsWith("/admin/") || method.equals("GET") || method.equals("*")
                    || line.path().equals("/admin/login")) {
                continue;
            }
            MockHttpServletResponse answer = mvc.perform(MockMvcRequestBuilders.request(HttpMethod.valueOf(method),
                    line.path()).with(user("admin").roles(SecurityConfig.rolesOf(Role.ADMIN)))).andReturn().getResponse();
            if (answer.getStatus() != 403) {
                accepted.add(line.route() + " → " + answer.getStatus());
            }
        }
        assertThat(accepted).as("state changes accepted without a CSRF token").isEmpty();
    }

    @Test
    void sqlInjectionInQueryParametersGivesAClientErrorOrNothing() throws Exception {
        List<String> injections = List.of("' OR '1'='1", "1; DROP TABLE article--", "\" OR 1=1 --",
                "1 UNION SELECT password_hash FROM account--", "') OR ('a'='a", "%27%20OR%201=1", "1' AND SLEEP(5)--",
                "admin'--");
        List<String> queries = List.of("/api/v1/articles?q=%s", "/api/v1/articles?channel=%s", "/api/v1/articles?author=%s",
                "/api/v1/articles?status=%s", "/api/v1/articles?page=%s", "/api/v1/comments?status=%s",
                "/api/v1/comments?article=%s", "/api/v1/comments?from=%s", "/api/v1/reports?status=%s",
                "/api/v1/articles/1/comments?page=%s", "/admin/articles?keyword=%s", "/admin/articles?channel=%s",
                "/admin/comments?status=%s&article=%s", "/admin/comments?from=%s", "/admin/reports?status=%s",
                "/jubao/case?number=%s", "/jubao/?url=%s&comment=%s", "/comment/1?replyTo=%s",
                "/api/v1/tags?q=%s", "/api/v1/tags?page=%s", "/admin/tags?q=%s", "/admin/tags?page=%s");
        List<String> wrong = new ArrayList<>();
        for (String query : queries) {
            for (String injection : injections) {
                String encoded = java.net.URLEncoder.encode(injection, java.nio.charset.StandardCharsets.UTF_8);
                String path = query.replace("%s", encoded);
                MockHttpServletResponse answer = get(path, Role.ADMIN);
                String body = answer.getContentAsString();
                // a leak would show a stored password hash ({bcrypt}…); the query itself may be echoed in a form
                if (answer.getStatus() >= 500 || body.contains("{bcrypt}") || body.contains("$2a$")) {
                    wrong.add(path + " → " + answer.getStatus());
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(articles.get(article.id()).title()).startsWith("标题");
    }

    @Test
    void pathTraversalInPathParametersIsNotFound() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String path : List.of("/api/v1/articles/..%2f..%2fetc%2fpasswd", "/api/v1/reports/..%2f..%2fetc%2fpasswd",
                "/api/v1/articles/1/comments/..%2f..%2f", "/comment/..%2f..%2fetc%2fpasswd",
                "/anquan/..%2f..%2fetc%2fpasswd.html", "/tag/..%2f..%2fetc%2fpasswd/",
                "/admin/backups/..%2f..%2fetc%2fpasswd", "/admin/backups/....%2f....%2fapplication.yml",
                "/assets/..%2f..%2fapplication.yml", "/media/..%2f..%2fdb%2fdayuan.mv.db",
                "/jubao/case/..%2f..%2f", "/anquan/%2e%2e/%2e%2e/etc/passwd")) {
            MockHttpServletResponse answer = get(path, Role.ADMIN);
            String body = answer.getContentAsString();
            if (answer.getStatus() >= 500 || answer.getStatus() == 200 || body.contains("root:x:0:0")) {
                wrong.add(path + " → " + answer.getStatus());
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * Feeds and sitemaps are XML: a title and a site name full of markup come out as text that an XML parser (and
     * ROME, for the feeds) reads back as typed; and whatever stands where a sitemap part's number goes is a 404.
     */
    @Test
    void feedsAndSitemapsCarryHostileTitlesAsTextAndRefuseHostilePartNumbers() throws Exception {
        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        String title = articles.get(article.id()).title();
        assertThat(title).contains("<script>");
        for (String feed : List.of("/feed.xml", "/atom.xml", "/anquan/feed.xml", "/anquan/atom.xml")) {
            MockHttpServletResponse answer = get(feed, null);
            assertThat(answer.getStatus()).as(feed).isEqualTo(200);
            com.rometools.rome.feed.synd.SyndFeed parsed = new com.rometools.rome.io.SyndFeedInput()
                    .build(new java.io.StringReader(answer.getContentAsString()));
            assertThat(parsed.getEntries()).as(feed).extracting(com.rometools.rome.feed.synd.SyndEntry::getTitle)
                    .contains(title);
        }
        for (String sitemap : List.of("/sitemap.xml", "/sitemap-news.xml")) {
            MockHttpServletResponse answer = get(sitemap, null);
            assertThat(answer.getStatus()).as(sitemap).isEqualTo(200);
            org.w3c.dom.Document xml = factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(
                    answer.getContentAsByteArray()));
            assertThat(xml.getDocumentElement().getLocalName()).isEqualTo("urlset");
        }
        org.w3c.dom.Document news = factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(
                get("/sitemap-news.xml", null).getContentAsByteArray()));
        String newsNs = "http://www.google.com/schemas/sitemap-news/0.9";
        assertThat(news.getElementsByTagNameNS(newsNs, "title").item(0).getTextContent()).isEqualTo(title);
        assertThat(news.getElementsByTagNameNS(newsNs, "name").item(0).getTextContent())
                .isEqualTo("大院" + PAYLOADS.get(7));

        List<String> wrong = new ArrayList<>();
        for (String path : List.of("/sitemap-0.xml", "/sitemap-1.xml", "/sitemap-01.xml", "/sitemap--1.xml",
                "/sitemap-99999999999999999999.xml", "/sitemap-2147483648.xml", "/sitemap-%00.xml",
                "/sitemap-1%27%20OR%201=1.xml", "/sitemap-%3Cscript%3E.xml", "/sitemap-..%2f..%2fetc%2fpasswd.xml",
                "/sitemap-news.xml%00", "/anquan/..%2fatom.xml", "/no-such-channel/atom.xml")) {
            MockHttpServletResponse answer = get(path, null);
            if (answer.getStatus() != 404 && answer.getStatus() != 400) {
                wrong.add(path + " → " + answer.getStatus());
            }
        }
        assertThat(wrong).as("a small site has no parts; nothing else names one").isEmpty();
    }

    @Test
    void theChannelFormTakesAHostileNameAndHiddenFlagAndTheRenamedChannelRedirectsInertly() throws Exception {
        String name = "隐藏" + PAYLOADS.get(0).substring(0, Math.min(90, PAYLOADS.get(0).length()));
        MockHttpServletResponse created = mvc.perform(MockMvcRequestBuilders.post("/admin/channels")
                .param("name", name).param("slug", "yincang").param("hidden", "\"><script>alert(1)</script>")
                .with(user("admin").roles(SecurityConfig.rolesOf(Role.ADMIN))).with(csrf()))
                .andReturn().getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(303);
        long id = channels.tree().byPath("yincang").orElseThrow().id();
        assertThat(channels.tree().byId(id).orElseThrow().hidden()).as("a value that is not false ticks the box")
                .isTrue();
        MockHttpServletResponse moved = mvc.perform(MockMvcRequestBuilders.post("/admin/channels/" + id)
                .param("name", name).param("slug", "yincang-xin").param("hidden", "false")
                .with(user("admin").roles(SecurityConfig.rolesOf(Role.ADMIN))).with(csrf()))
                .andReturn().getResponse();
        assertThat(moved.getStatus()).isEqualTo(303);
        assertThat(channels.tree().byId(id).orElseThrow().hidden()).isFalse();
        assertInert("/admin/channels", get("/admin/channels", Role.ADMIN));
        assertInert("/admin/channels/" + id + "/edit", get("/admin/channels/" + id + "/edit", Role.ADMIN));
        assertInert("/yincang-xin/", get("/yincang-xin/", null));
        MockHttpServletResponse redirect = get("/yincang/index_2.html", null);
        assertThat(redirect.getStatus()).isEqualTo(301);
        assertThat(redirect.getHeader("Location")).endsWith("/yincang-xin/index_2.html");
    }

    private MockHttpServletResponse get(String path, Role role) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.get(java.net.URI.create(path));
        if (role != null) {
            request.with(user("admin").roles(SecurityConfig.rolesOf(role)));
        }
        return mvc.perform(request.with(csrf())).andReturn().getResponse();
    }
}
