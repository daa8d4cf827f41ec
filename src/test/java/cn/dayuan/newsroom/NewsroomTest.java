package cn.dayuan.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.FileSystemUtils;

import cn.dayuan.account.AccountService;
import cn.dayuan.account.ApiTokenService;
import cn.dayuan.account.Role;
import cn.dayuan.article.ArticleQuery;
import cn.dayuan.article.ArticleService;
import cn.dayuan.article.ArticleStatus;
import cn.dayuan.article.RightsType;
import cn.dayuan.channel.ChannelService;
import cn.dayuan.sensitive.SensitiveWordService;
import cn.dayuan.site.SiteService;

@SpringBootTest(properties = {"dayuan.data-dir=" + NewsroomTest.DATA_DIR, "dayuan.admin-password=" + NewsroomTest.ADMIN_PASSWORD})
@AutoConfigureMockMvc
class NewsroomTest {

    static final String DATA_DIR = "target/test-data/NewsroomTest";
    static final String ADMIN_PASSWORD = "newsroom-admin-pw";
    private static final String PASSWORD = "newsroom-pass-1";
    private static final String BODY = "<p>各地各部门振奋精神、一鼓作气，抓实抓细集中攻坚，推动疫情防控形势持续向好。</p>"
            + "<p>社区工作者逐户排查，确保社会面清零目标如期实现。</p>";

    static {
        // every run starts from an empty data folder, so the counts below are exact
        FileSystemUtils.deleteRecursively(Path.of(DATA_DIR).toFile());
    }

    /** One form login per user for the whole class: logins are rate-limited per client address. */
    private static final Map<String, MockHttpSession> SESSIONS = new ConcurrentHashMap<>();

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountService accounts;
    @Autowired
    ArticleService articles;
    @Autowired
    ChannelService channels;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    SiteService site;
    @Autowired
    SensitiveWordService sensitiveWords;
    @Autowired
    cn.dayuan.tag.TagService tags;

    @BeforeEach
    void accountsAndChannel() {
        if (accounts.findByUsername("editor1").isEmpty()) {
            accounts.create("editor1", "值班编辑", "editor1@example.cn", PASSWORD, Role.EDITOR);
            accounts.create("author1", "通讯员小李", null, PASSWORD, Role.AUTHOR);
        }
        if (channels.tree().byPath("guonei").isEmpty()) {
            channels.create("国内", "guonei", null, "国内要闻", null);
        }
    }

    @Test
    void loginPageIsChineseAndCarriesTheCsrfToken() throws Exception {
        mvc.perform(get("/admin/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("新闻后台")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(containsString("name=\"username\"")));
        mvc.perform(get("/admin/login?logout")).andExpect(content().string(containsString("您已安全退出")));
        mvc.perform(get("/admin")).andExpect(redirectedUrl("/admin/login"));
    }

    @Test
    void wrongPasswordIsRefusedWithAMessage() throws Exception {
        mvc.perform(formLogin("/admin/login").user("editor1").password("wrong-password"))
                .andExpect(redirectedUrl("/admin/login?error"));
        mvc.perform(get("/admin/login?error")).andExpect(content().string(containsString("用户名或密码错误")));
    }

    @Test
    void editorWritesAnArticleSeesItListedAndPublishesIt() throws Exception {
        MockHttpSession editor = login("editor1");
        MvcResult saved = mvc.perform(articleForm(editor, "draft"))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrlPattern("/admin/articles/*/edit"))
                .andExpect(flash().attribute("notice", Notice.success("草稿已保存")))
                .andReturn();
        long id = idFrom(saved);
        assertThat(articles.get(id).status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(articles.get(id).tagNames()).containsExactly("行动", "九大", "清零");
        assertThat(articles.get(id).publishedAt())
                .isEqualTo(LocalDateTime.of(2022, 4, 23, 6, 7, 12).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        assertThat(articles.findPublic(id)).isEmpty();

        mvc.perform(get("/admin/articles").session(editor))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("振奋精神一鼓作气，抓实抓细集中攻坚")))
                .andExpect(content().string(containsString("草稿")));
        mvc.perform(get("/admin/articles").param("keyword", "不存在的标题").session(editor))
                .andExpect(content().string(not(containsString("振奋精神一鼓作气"))));

        MvcResult published = mvc.perform(post("/admin/articles/" + id + "/publish").session(editor).with(csrf())
                        .param("returnTo", "/admin/articles"))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/admin/articles"))
                .andReturn();
        assertThat(articles.findPublic(id)).isPresent();
        String publicUrl = "/guonei/" + id + ".html";
        follow(published, editor)
                .andExpect(content().string(containsString("文章已发布")))
                .andExpect(content().string(containsString("class=\"public-url\" href=\"" + publicUrl + "\"")))
                .andExpect(content().string(containsString("已发布")));

        mvc.perform(post("/admin/articles/" + id + "/unpublish").session(editor).with(csrf()))
                .andExpect(redirectedUrl("/admin/articles/" + id + "/edit"));
        assertThat(articles.findPublic(id)).isEmpty();
    }

    @Test
    void aSensitiveWordInAnArticleIsAWarningNotABlock() throws Exception {
        sensitiveWords.put("编辑部测试敏感词", false, "admin");
        MockHttpSession editor = login("editor1");
        MvcResult saved = mvc.perform(articleForm(editor, "draft", "title", "标题里有编辑部测试敏感词"))
                .andExpect(status().isSeeOther())
                .andReturn();
        Notice notice = (Notice) saved.getFlashMap().get("notice");
        assertThat(notice.success()).isTrue();
        assertThat(notice.message()).startsWith("草稿已保存").contains("敏感词「编辑部测试敏感词」");
        assertThat(articles.get(idFrom(saved)).title()).isEqualTo("标题里有编辑部测试敏感词");
    }

    @Test
    void publishingFromTheFormLinksToThePublicPage() throws Exception {
        MockHttpSession editor = login("editor1");
        MvcResult saved = mvc.perform(articleForm(editor, "publish", "title", "社区清零攻坚记", "publishedAt", ""))
                .andExpect(status().isSeeOther())
                .andReturn();
        long id = idFrom(saved);
        assertThat(articles.findPublic(id)).isPresent();
        follow(saved, editor)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"public-url\" href=\"/guonei/" + id + ".html\"")))
                .andExpect(content().string(containsString("value=\"社区清零攻坚记\"")))
                .andExpect(content().string(containsString("保存并更新")));
    }

    @Test
    void badInputKeepsEverythingTypedAndSavesNothing() throws Exception {
        MockHttpSession editor = login("editor1");
        long before = articles.search(ArticleQuery.ALL, 0, 1, "admin").getTotalElements();
        mvc.perform(articleForm(editor, "publish", "title", "   ", "headline", "true"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请填写标题")))
                .andExpect(content().string(containsString("副标题：集中攻坚")))
                .andExpect(content().string(containsString("社区工作者逐户排查")))
                .andExpect(content().string(containsString("value=\"行动、九大，清零\"")))
                .andExpect(content().string(containsString("value=\"澎湃特约评论员 方圆\"")))
                .andExpect(content().string(containsString("value=\"https://www.thepaper.cn/\"")))
                .andExpect(content().string(containsString("value=\"刘欢\"")))
                .andExpect(content().string(containsString("value=\"2022-04-23T06:07:12\"")))
                .andExpect(content().string(containsString("value=\"AUTHORIZED\" checked")))
                .andExpect(content().string(containsString("name=\"headline\" value=\"true\" checked")));
        mvc.perform(articleForm(editor, "draft", "title", "来源网址写错了", "sourceUrl", "ftp://example.cn/x"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("来源网址须是以 http:// 或 https:// 开头的网址")))
                .andExpect(content().string(containsString("value=\"来源网址写错了\"")))
                .andExpect(content().string(containsString("value=\"ftp://example.cn/x\"")));
        mvc.perform(articleForm(editor, "draft", "title", "时间写错了", "publishedAt", "去年春天"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("发布时间格式不正确")));
        assertThat(articles.search(ArticleQuery.ALL, 0, 1, "admin").getTotalElements()).isEqualTo(before);
    }

    @Test
    void authorSeesNoPublishButtonAndCannotPublish() throws Exception {
        MockHttpSession author = login("author1");
        mvc.perform(get("/admin/articles/new").session(author))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("提交审核")))
                .andExpect(content().string(not(containsString("value=\"publish\""))))
                .andExpect(content().string(not(containsString(">发布<"))));
        MvcResult asked = mvc.perform(articleForm(author, "publish", "title", "作者想直接发布"))
                .andExpect(status().isSeeOther())
                .andReturn();
        assertThat(articles.get(idFrom(asked)).status()).isEqualTo(ArticleStatus.PENDING);
        assertThat(articles.findPublic(idFrom(asked))).isEmpty();

        MvcResult submitted = mvc.perform(articleForm(author, "submit", "title", "通讯员来稿：社区清零"))
                .andExpect(status().isSeeOther())
                .andReturn();
        long id = idFrom(submitted);
        assertThat(articles.get(id).status()).isEqualTo(ArticleStatus.PENDING);
        mvc.perform(post("/admin/articles/" + id + "/publish").session(author).with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("没有权限")));
        assertThat(articles.findPublic(id)).isEmpty();
        mvc.perform(get("/admin/channels").session(author)).andExpect(status().isForbidden());
    }

    @Test
    void postWithoutCsrfTokenIsRefused() throws Exception {
        MockHttpSession editor = login("editor1");
        long before = articles.search(ArticleQuery.ALL, 0, 1, "admin").getTotalElements();
        mvc.perform(post("/admin/articles").session(editor).param("title", "没有令牌").param("channel", "guonei"))
                .andExpect(status().isForbidden());
        assertThat(articles.search(ArticleQuery.ALL, 0, 1, "admin").getTotalElements()).isEqualTo(before);
    }

    @Test
    void onlyAdministratorsOpenSettingsAndAccounts() throws Exception {
        MockHttpSession editor = login("editor1");
        mvc.perform(get("/admin/settings").session(editor)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/accounts").session(editor)).andExpect(status().isForbidden());
        mvc.perform(get("/admin").session(editor))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("href=\"/admin/settings\""))));
        MockHttpSession admin = login("admin");
        mvc.perform(get("/admin/settings").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("版权声明模板")));
    }

    @Test
    void settingsAreSavedAndBadInputIsKept() throws Exception {
        MockHttpSession admin = login("admin");
        var settings = site.settings();
        mvc.perform(settingsForm(admin, settings).param("siteUrl", "www.example.cn").param("fullName", "山西大院资讯网"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("网站地址须以 http:// 或 https:// 开头")))
                .andExpect(content().string(containsString("value=\"山西大院资讯网\"")));
        assertThat(site.settings().fullName()).isEqualTo(settings.fullName());
        mvc.perform(settingsForm(admin, settings).param("siteUrl", "").param("fullName", "山西大院资讯网"))
                .andExpect(status().isSeeOther());
        assertThat(site.settings().fullName()).isEqualTo("山西大院资讯网");
    }

    @Test
    void theFooterLicencesAndReportContactsAreSavedFromTheForm() throws Exception {
        MockHttpSession admin = login("admin");
        var before = site.settings();
        try {
            mvc.perform(settingsForm(admin, before, Map.of("newsLicence", "14120170003",
                            "policeFiling", "晋公网安备 14010502000123号", "reportPhone", "0351-12345678",
                            "reportEmail", "jubao@example.cn", "disclaimerEnLabel", "Copyright notice:")))
                    .andExpect(status().isSeeOther());
            var saved = site.settings();
            assertThat(saved.newsLicence()).isEqualTo("14120170003");
            assertThat(saved.policeFiling()).isEqualTo("晋公网安备 14010502000123号");
            assertThat(saved.reportPhone()).isEqualTo("0351-12345678");
            assertThat(saved.reportEmail()).isEqualTo("jubao@example.cn");
            assertThat(saved.disclaimerEnLabel()).isEqualTo("Copyright notice:");
            assertThat(saved.reportCentreUrl()).isEqualTo(before.reportCentreUrl());
            mvc.perform(get("/admin/settings").session(admin))
                    .andExpect(content().string(containsString("互联网新闻信息服务许可证编号")))
                    .andExpect(content().string(containsString("value=\"晋公网安备 14010502000123号\"")))
                    .andExpect(content().string(containsString("value=\"jubao@example.cn\"")));

            mvc.perform(settingsForm(admin, saved, Map.of("reportEmail", "jubao at example.cn")))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("举报邮箱格式不正确")))
                    .andExpect(content().string(containsString("value=\"jubao at example.cn\"")));
            assertThat(site.settings().reportEmail()).isEqualTo("jubao@example.cn");
        } finally {
            site.update(before);
        }
    }

    @Test
    void channelWithBlankSlugGetsItsPinyin() throws Exception {
        MockHttpSession editor = login("editor1");
        mvc.perform(post("/admin/channels").session(editor).with(csrf())
                        .param("name", "体育新闻").param("slug", "").param("parent", "").param("sortOrder", ""))
                .andExpect(status().isSeeOther())
                .andExpect(flash().attribute("notice", Notice.success("已新建栏目「体育新闻」，别名 tiyuxinwen，栏目地址 /tiyuxinwen/")));
        assertThat(channels.tree().byPath("tiyuxinwen")).isPresent();

        mvc.perform(post("/admin/channels").session(editor).with(csrf()).param("name", "体育新闻").param("slug", ""))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("栏目路径已存在")));
        mvc.perform(post("/admin/channels").session(editor).with(csrf()).param("name", "排序错误").param("sortOrder", "第一"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("排序须是整数")))
                .andExpect(content().string(containsString("value=\"排序错误\"")));
    }

    @Test
    void aChannelWithArticlesIsNotDeleted() throws Exception {
        MockHttpSession editor = login("editor1");
        mvc.perform(articleForm(editor, "draft", "title", "占住栏目的文章")).andExpect(status().isSeeOther());
        long channelId = channels.tree().byPath("guonei").orElseThrow().id();
        MvcResult refused = mvc.perform(post("/admin/channels/" + channelId + "/delete").session(editor).with(csrf()))
                .andExpect(redirectedUrl("/admin/channels"))
                .andReturn();
        assertThat(((Notice) refused.getFlashMap().get("notice")).message()).contains("还有文章");
        assertThat(channels.tree().byPath("guonei")).isPresent();
    }

    @Test
    void administratorCreatesAccounts() throws Exception {
        MockHttpSession admin = login("admin");
        mvc.perform(post("/admin/accounts").session(admin).with(csrf())
                        .param("username", "reporter7").param("displayName", "记者小王").param("email", "")
                        .param("password", "reporter-pass-1").param("role", "AUTHOR"))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/admin/accounts"));
        assertThat(accounts.findByUsername("reporter7")).hasValueSatisfying(a -> {
            assertThat(a.getRole()).isEqualTo(Role.AUTHOR);
            assertThat(a.getDisplayName()).isEqualTo("记者小王");
        });
        mvc.perform(get("/admin/accounts").session(admin)).andExpect(content().string(containsString("记者小王")));
        mvc.perform(post("/admin/accounts").session(admin).with(csrf())
                        .param("username", "reporter8").param("displayName", "记者小赵")
                        .param("password", "short").param("role", "EDITOR"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("密码至少需要 8 个字符")))
                .andExpect(content().string(containsString("value=\"记者小赵\"")));
        assertThat(accounts.findByUsername("reporter8")).isEmpty();
    }

    @Test
    void apiTokenIsShownExactlyOnce() throws Exception {
        MockHttpSession editor = login("editor1");
        MvcResult created = mvc.perform(post("/admin/profile/tokens").session(editor).with(csrf()).param("name", "RSS 导入脚本"))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/admin/profile"))
                .andReturn();
        String token = (String) created.getFlashMap().get("issuedToken");
        assertThat(token).startsWith(ApiTokenService.PREFIX);
        assertThat(tokens.authenticate(token)).hasValueSatisfying(a -> assertThat(a.getUsername()).isEqualTo("editor1"));
        follow(created, editor)
                .andExpect(content().string(containsString(token)))
                .andExpect(content().string(containsString("RSS 导入脚本")));
        mvc.perform(get("/admin/profile").session(editor))
                .andExpect(content().string(not(containsString(token))))
                .andExpect(content().string(containsString("RSS 导入脚本")));
    }

    @Test
    void suggestOffersKeywordsToPickAndFillsTheSummary() throws Exception {
        MockHttpSession editor = login("editor1");
        mvc.perform(post("/admin/articles/suggest").session(editor).with(csrf()).header("HX-Request", "true").param("body", BODY))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"tag-suggestions\" hx-swap-oob=\"true\"")))
                .andExpect(content().string(containsString("data-add-tag=\"清零\"")))
                // the keyword field itself is left as the editor had it
                .andExpect(content().string(not(containsString("id=\"tags\""))))
                .andExpect(content().string(containsString("id=\"summary\"")));
        // without JavaScript the same button submits the whole form, which comes back with the suggestions, unsaved
        long before = articles.search(ArticleQuery.ALL, 0, 1, "admin").getTotalElements();
        mvc.perform(articleForm(editor, "suggest", "title", "只想提取关键词", "tags", "我的词"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"只想提取关键词\"")))
                .andExpect(content().string(containsString("value=\"我的词\"")))
                .andExpect(content().string(containsString("data-add-tag=\"清零\"")))
                .andExpect(content().string(containsString("推动疫情防控形势持续向好")));
        assertThat(articles.search(ArticleQuery.ALL, 0, 1, "admin").getTotalElements()).isEqualTo(before);
    }

    @Test
    void anArticleSavedWithAnEmptyKeywordFieldGetsNoTags() throws Exception {
        MockHttpSession editor = login("editor1");
        MvcResult saved = mvc.perform(articleForm(editor, "publish", "title", "十二月部分路段持续实行管制", "tags", "",
                        "publishedAt", ""))
                .andExpect(status().isSeeOther()).andReturn();
        assertThat(articles.get(idFrom(saved)).tagNames()).isEmpty();
        assertThat(tags.findByName("部分")).isEmpty();
        assertThat(tags.findByName("持续")).isEmpty();
    }

    @Test
    void editorsFindRenameMergeAndDeleteKeywords() throws Exception {
        MockHttpSession editor = login("editor1");
        long a = articles.create(draftWithTags("医保改革", "医疗保险", "民生"), "editor1").id();
        long b = articles.create(draftWithTags("医保缴费", "医保"), "editor1").id();
        long from = tags.findByName("医疗保险").orElseThrow().getId();
        long into = tags.findByName("医保").orElseThrow().getId();

        mvc.perform(get("/admin").session(editor))
                .andExpect(content().string(containsString("href=\"/admin/tags\"")));
        mvc.perform(get("/admin/tags").param("q", "医").session(editor))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/admin/tags/" + from + "/edit\">医疗保险</a>")))
                .andExpect(content().string(containsString("href=\"/admin/tags/" + into + "/edit\">医保</a>")))
                .andExpect(content().string(not(containsString(">民生</a>"))));

        // A name another keyword has is refused with the reason, on the same page.
        mvc.perform(post("/admin/tags/" + from + "/rename").param("name", "民生").session(editor).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("已有关键词「民生」")));
        mvc.perform(post("/admin/tags/" + from + "/rename").param("name", "医疗保障").session(editor).with(csrf()))
                .andExpect(status().isSeeOther())
                .andExpect(flash().attribute("notice", Notice.success(
                        "已把关键词「医疗保险」改名为「医疗保障」，旧地址会跳转到新地址")));
        assertThat(articles.get(a).tagNames()).containsExactly("医疗保障", "民生");
        mvc.perform(get("/admin/tags/" + from + "/edit").session(editor))
                .andExpect(content().string(containsString("旧名称：医疗保险")))
                .andExpect(content().string(containsString("<option value=\"医保\">")));

        mvc.perform(post("/admin/tags/" + from + "/merge").param("into", "没有这个词").session(editor).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("没有名为「没有这个词」的关键词")));
        mvc.perform(post("/admin/tags/" + from + "/merge").param("into", "医保").session(editor).with(csrf()))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl("/admin/tags/" + into + "/edit"));
        assertThat(articles.get(a).tagNames()).containsExactly("医保", "民生");
        assertThat(articles.get(b).tagNames()).containsExactly("医保");
        mvc.perform(get("/admin/tags/" + into + "/edit").session(editor))
                .andExpect(content().string(containsString("2 篇文章")))
                .andExpect(content().string(containsString("旧名称：医疗保险、医疗保障")));

        mvc.perform(post("/admin/tags/" + into + "/delete").session(editor).with(csrf()))
                .andExpect(status().isSeeOther())
                .andExpect(flash().attribute("notice", Notice.success("已删除关键词「医保」，2 篇文章不再带有它")));
        assertThat(articles.get(a).tagNames()).containsExactly("民生");
        assertThat(tags.findByName("医保")).isEmpty();
        // Authors write articles, but keywords are the editors'.
        mvc.perform(get("/admin/tags").session(login("author1"))).andExpect(status().isForbidden());
    }

    private cn.dayuan.article.ArticleDraft draftWithTags(String title, String... tagNames) {
        return new cn.dayuan.article.ArticleDraft(title, null, null, "<p>" + title + "</p>", "guonei", null, null,
                null, null, java.util.List.of(tagNames), RightsType.ORIGINAL, null, ArticleStatus.PUBLISHED, null,
                false, false, true);
    }

    @Test
    void directoryCategoriesAndLinksAreManaged() throws Exception {
        MockHttpSession editor = login("editor1");
        mvc.perform(post("/admin/directory/categories").session(editor).with(csrf()).param("name", "政务服务").param("sortOrder", "10"))
                .andExpect(status().isSeeOther());
        mvc.perform(get("/admin/directory").session(editor))
                .andExpect(content().string(containsString("政务服务")));
        long categoryId = mvc.perform(get("/admin/directory").session(editor)).andReturn().getResponse()
                .getContentAsString().lines().filter(l -> l.contains("/admin/directory/categories/") && l.contains("/edit"))
                .map(l -> l.replaceAll(".*/admin/directory/categories/(\\d+)/edit.*", "$1")).mapToLong(Long::parseLong)
                .findFirst().orElseThrow();
        mvc.perform(post("/admin/directory/links").session(editor).with(csrf()).param("category", Long.toString(categoryId))
                        .param("name", "国家政务服务平台").param("url", "gjzwfw.www.gov.cn"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("网址须以 http:// 或 https:// 开头")))
                .andExpect(content().string(containsString("value=\"国家政务服务平台\"")));
        mvc.perform(post("/admin/directory/links").session(editor).with(csrf()).param("category", Long.toString(categoryId))
                        .param("name", "国家政务服务平台").param("url", "https://gjzwfw.www.gov.cn/"))
                .andExpect(status().isSeeOther());
        mvc.perform(get("/admin/directory").session(editor))
                .andExpect(content().string(containsString("https://gjzwfw.www.gov.cn/")));
    }

    @Test
    void dashboardCountsArticlesAndLinksToTheExport() throws Exception {
        MockHttpSession admin = login("admin");
        long drafts = articles.search(new ArticleQuery(null, ArticleStatus.DRAFT, null, null), 0, 1, "admin").getTotalElements();
        mvc.perform(get("/admin").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<span class=\"stat-num\">" + drafts + "</span><span class=\"stat-label\">草稿</span>")))
                .andExpect(content().string(containsString("href=\"/admin/export\"")))
                .andExpect(content().string(containsString("查看网站")));
    }

    @Test
    void unknownThingsGetNewsroomErrorPages() throws Exception {
        MockHttpSession editor = login("editor1");
        mvc.perform(get("/admin/articles/999999/edit").session(editor))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("文章不存在")));
        mvc.perform(get("/admin/no-such-page").session(editor))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("后台没有这个页面")));
        mvc.perform(get("/admin/articles/abc/edit").session(editor))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请求中的参数不正确")));
        mvc.perform(get("/admin/articles").param("status", "NOPE").session(editor))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("未知的文章状态")));
    }

    private MockHttpSession login(String username) {
        return SESSIONS.computeIfAbsent(username, name -> {
            try {
                MvcResult result = mvc.perform(formLogin("/admin/login").user(name)
                                .password("admin".equals(name) ? ADMIN_PASSWORD : PASSWORD))
                        .andExpect(redirectedUrl("/admin"))
                        .andReturn();
                return (MockHttpSession) result.getRequest().getSession(false);
            } catch (Exception e) {
                throw new IllegalStateException("Login of " + name + " failed", e);
            }
        });
    }

    /** A complete article form as the browser sends it; {@code overrides} are name, value pairs. */
    private static MockHttpServletRequestBuilder articleForm(MockHttpSession session, String action,
                                                             String... overrides) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("action", action);
        fields.put("title", "振奋精神一鼓作气，抓实抓细集中攻坚");
        fields.put("subtitle", "副标题：集中攻坚");
        fields.put("channel", "guonei");
        fields.put("body", BODY);
        fields.put("summary", "");
        fields.put("tags", "行动、九大，清零");
        fields.put("author", "澎湃特约评论员 方圆");
        fields.put("source", "澎湃新闻");
        fields.put("sourceUrl", "https://www.thepaper.cn/");
        fields.put("editor", "刘欢");
        fields.put("rightsType", RightsType.AUTHORIZED.name());
        fields.put("publishedAt", "2022-04-23T06:07:12");
        fields.put("coverImage", "");
        fields.put("_headline", "on");
        fields.put("_pinned", "on");
        fields.put("_commentsOpen", "on");
        fields.put("commentsOpen", "true");
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        MockHttpServletRequestBuilder request = post("/admin/articles").session(session).with(csrf());
        fields.forEach(request::param);
        return request;
    }

    /** Follows a redirect as the browser does, which also shows (and uses up) its flash message. */
    private ResultActions follow(MvcResult redirect, MockHttpSession session) throws Exception {
        return mvc.perform(get(redirect.getResponse().getRedirectedUrl()).session(session));
    }

    private static MockHttpServletRequestBuilder settingsForm(MockHttpSession session, cn.dayuan.site.SiteSettings s) {
        return settingsForm(session, s, Map.of());
    }

    /** The settings form as the browser posts it, each field once, with some fields typed over. */
    private static MockHttpServletRequestBuilder settingsForm(MockHttpSession session, cn.dayuan.site.SiteSettings s,
                                                              Map<String, String> typed) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("shortName", s.shortName());
        fields.put("description", s.description());
        fields.put("keywords", s.keywords());
        fields.put("aboutTitle", s.aboutTitle());
        fields.put("aboutText", s.aboutText());
        fields.put("aboutServices", s.aboutServices());
        fields.put("copyright", s.copyright());
        fields.put("newsLicence", s.newsLicence());
        fields.put("icpNumber", s.icpNumber());
        fields.put("policeFiling", s.policeFiling());
        fields.put("disclaimerLabel", s.disclaimerLabel());
        fields.put("disclaimer", s.disclaimer());
        fields.put("disclaimerEnLabel", s.disclaimerEnLabel());
        fields.put("disclaimerEn", s.disclaimerEn());
        fields.put("webmasterEmail", s.webmasterEmail());
        fields.put("reportPhone", s.reportPhone());
        fields.put("reportEmail", s.reportEmail());
        fields.put("reportCentreName", s.reportCentreName());
        fields.put("reportCentreUrl", s.reportCentreUrl());
        fields.put("rightsOriginal", s.rightsOriginal());
        fields.put("rightsAuthorized", s.rightsAuthorized());
        fields.put("rightsReprint", s.rightsReprint());
        fields.put("opinionNotice", s.opinionNotice());
        fields.putAll(typed);
        MockHttpServletRequestBuilder request = post("/admin/settings").session(session).with(csrf());
        fields.forEach(request::param);
        return request;
    }

    private static long idFrom(MvcResult result) {
        String url = result.getResponse().getRedirectedUrl();
        return Long.parseLong(url.replaceAll(".*/admin/articles/(\\d+)/edit", "$1"));
    }
}
