package cn.dayuan.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.dayuan.account.AccountService;
import cn.dayuan.account.Role;

/**
 * Who may do what, for every route of the application in one table: each line names a route, an address to try
 * it with, and the least role that may use it. Every role (and a stranger) tries every line; a route the table
 * does not name fails the test, so a new route cannot go without its line.
 */
@SpringBootTest(properties = {"dayuan.data-dir=" + AuthorizationMatrixTest.DATA_DIR,
        "dayuan.admin-password=matrix-admin-pw"})
@AutoConfigureMockMvc
class AuthorizationMatrixTest {

    static final String DATA_DIR = "target/test-data/AuthorizationMatrixTest";

    static {
        FileSystemUtils.deleteRecursively(Path.of(DATA_DIR).toFile());
    }

    /**
     * Who may use a route: anyone, or a signed-in account with at least this role. An error page is shown to anyone
     * with the status of the error it reports (the newsroom's "forbidden" page answers 403 to everyone).
     */
    enum Needs { ANYONE, AUTHOR, EDITOR, ADMIN, ERROR_PAGE }

    /** Who tries each line: a stranger, and a signed-in account of each role. */
    private static final List<Needs> ACTORS = List.of(Needs.ANYONE, Needs.AUTHOR, Needs.EDITOR, Needs.ADMIN);

    /** @param route as Spring MVC names it ("METHOD /pattern"); {@code path} is an address that matches it */
    record Line(String route, String path, Needs needs) {
    }

    private static Line line(String method, String pattern, String path, Needs needs) {
        return new Line(method + " " + pattern, path, needs);
    }

    private static Line line(String method, String pattern, Needs needs) {
        return line(method, pattern, pattern.replaceAll("\\{[^}]+}", "999999"), needs);
    }

    static final List<Line> MATRIX = List.of(
            // The public site
            line("GET", "/", Needs.ANYONE),
            line("GET", "/about.html", Needs.ANYONE),
            line("GET", "/copyright.html", Needs.ANYONE),
            line("GET", "/nav/", Needs.ANYONE),
            line("GET", "/preview/{id}", Needs.ANYONE),
            line("GET", "/nav", Needs.ANYONE),
            line("GET", "/feed.xml", Needs.ANYONE),
            line("GET", "/atom.xml", Needs.ANYONE),
            line("GET", "/sitemap.xml", Needs.ANYONE),
            line("GET", "/sitemap-{part:[1-9]\\d{0,8}}.xml", "/sitemap-1.xml", Needs.ANYONE),
            line("GET", "/sitemap-news.xml", Needs.ANYONE),
            line("GET", "/robots.txt", Needs.ANYONE),
            line("GET", "/zt/", Needs.ANYONE),
            line("GET", "/zt/{slug}/", "/zt/nothing-here/", Needs.ANYONE),
            line("GET", "/search", Needs.ANYONE),
            line("GET", "/tag/{name}/", "/tag/行动/", Needs.ANYONE),
            line("GET", "/tag/{name}/index_{page:\\d{1,9}}.html", "/tag/行动/index_2.html", Needs.ANYONE),
            line("GET", "/{root:(?!(?:api|admin|actuator|assets|webjars|media|error|static)$)[a-z0-9][a-z0-9-]*}/{*rest}",
                    "/zcjh/12.html", Needs.ANYONE),
            line("POST", "/counter/{id}/view", Needs.ANYONE),
            line("POST", "/counter/{id}/like", Needs.ANYONE),
            line("GET", "/captcha.png", Needs.ANYONE),
            line("GET", "/comment/{id}", Needs.ANYONE),
            line("POST", "/comment/{id}", Needs.ANYONE),
            line("GET", "/jubao/", Needs.ANYONE),
            line("POST", "/jubao/", Needs.ANYONE),
            line("GET", "/jubao/case", Needs.ANYONE),
            line("*", "/error", Needs.ERROR_PAGE),
            // The newsroom
            line("GET", "/admin/login", Needs.ANYONE),
            line("*", "/admin/forbidden", Needs.ERROR_PAGE),
            line("GET", "/admin/**", "/admin/no-such-page", Needs.AUTHOR),
            line("GET", "/admin", Needs.AUTHOR),
            line("GET", "/admin/articles", Needs.AUTHOR),
            line("GET", "/admin/articles/new", Needs.AUTHOR),
            line("POST", "/admin/articles", Needs.AUTHOR),
            line("GET", "/admin/articles/{id}/edit", Needs.AUTHOR),
            line("POST", "/admin/articles/{id}", Needs.AUTHOR),
            line("POST", "/admin/articles/suggest", Needs.AUTHOR),
            line("POST", "/admin/articles/{id}/publish", Needs.EDITOR),
            line("POST", "/admin/articles/{id}/unpublish", Needs.EDITOR),
            line("POST", "/admin/articles/{id}/submit", Needs.AUTHOR),
            line("GET", "/admin/articles/{id}/delete", Needs.AUTHOR),
            line("GET", "/admin/articles/{id}/history", Needs.AUTHOR),
            line("POST", "/admin/articles/bulk", Needs.AUTHOR),
            line("GET", "/admin/articles/{id}/preview", Needs.AUTHOR),
            line("POST", "/admin/articles/{id}/correction", Needs.EDITOR),
            line("POST", "/admin/articles/{id}/validity", "/admin/articles/999999/validity?validity=EXPIRED", Needs.EDITOR),
            line("POST", "/admin/articles/{id}/revisions/{number}/restore", Needs.AUTHOR),
            line("POST", "/admin/articles/{id}/approve", Needs.EDITOR),
            line("POST", "/admin/articles/{id}/reject", Needs.EDITOR),
            line("GET", "/admin/reviews", Needs.EDITOR),
            line("GET", "/admin/settings/review", Needs.ADMIN),
            line("POST", "/admin/settings/review", "/admin/settings/review?levels=1", Needs.ADMIN),
            line("POST", "/admin/settings/review/channels", "/admin/settings/review/channels?channel=999999", Needs.ADMIN),
            line("POST", "/admin/settings/review/sources", Needs.ADMIN),
            line("GET", "/admin/trash", Needs.EDITOR),
            line("POST", "/admin/trash/{id}/restore", Needs.ADMIN),
            line("POST", "/admin/trash/{id}/purge", Needs.ADMIN),
            line("GET", "/admin/audit", Needs.ADMIN),
            line("POST", "/admin/articles/{id}/delete", Needs.AUTHOR),
            line("GET", "/admin/profile", Needs.AUTHOR),
            line("POST", "/admin/profile/password", Needs.AUTHOR),
            line("POST", "/admin/profile/tokens", Needs.AUTHOR),
            line("POST", "/admin/profile/tokens/{id}/revoke", Needs.AUTHOR),
            line("GET", "/admin/media", Needs.AUTHOR),
            line("POST", "/admin/media", Needs.AUTHOR),
            line("GET", "/admin/media/{id}", Needs.AUTHOR),
            line("POST", "/admin/media/watermark", Needs.ADMIN),
            line("POST", "/admin/media/{id}", Needs.AUTHOR),
            line("POST", "/admin/media/{id}/delete", Needs.AUTHOR),
            line("GET", "/admin/slots", Needs.EDITOR),
            line("POST", "/admin/slots/{name}", "/admin/slots/toutiao?articles=", Needs.EDITOR),
            line("GET", "/admin/topics", Needs.EDITOR),
            line("GET", "/admin/topics/new", Needs.EDITOR),
            line("POST", "/admin/topics", "/admin/topics?title=x&sectionTitle=a&sectionTag=nope", Needs.EDITOR),
            line("GET", "/admin/topics/{id}", Needs.EDITOR),
            line("POST", "/admin/topics/{id}/delete", Needs.EDITOR),
            line("GET", "/admin/channels", Needs.EDITOR),
            line("POST", "/admin/channels", Needs.EDITOR),
            line("GET", "/admin/channels/{id}/edit", Needs.EDITOR),
            line("POST", "/admin/channels/{id}", Needs.EDITOR),
            line("POST", "/admin/channels/{id}/delete", Needs.EDITOR),
            line("GET", "/admin/tags", Needs.EDITOR),
            line("GET", "/admin/search-queries", Needs.EDITOR),
            line("POST", "/admin/search-queries/synonyms", "/admin/search-queries/synonyms?words=", Needs.EDITOR),
            line("POST", "/admin/search-queries/synonyms/{id}/delete", Needs.EDITOR),
            line("GET", "/admin/tags/{id}/edit", Needs.EDITOR),
            line("POST", "/admin/tags/{id}/rename", Needs.EDITOR),
            line("POST", "/admin/tags/{id}/merge", Needs.EDITOR),
            line("POST", "/admin/tags/{id}/delete", Needs.EDITOR),
            line("GET", "/admin/directory", Needs.EDITOR),
            line("POST", "/admin/directory/categories", Needs.EDITOR),
            line("GET", "/admin/directory/categories/{id}/edit", Needs.EDITOR),
            line("POST", "/admin/directory/categories/{id}", Needs.EDITOR),
            line("POST", "/admin/directory/categories/{id}/delete", Needs.EDITOR),
            line("POST", "/admin/directory/links", Needs.EDITOR),
            line("GET", "/admin/directory/links/{id}/edit", Needs.EDITOR),
            line("POST", "/admin/directory/links/{id}", Needs.EDITOR),
            line("POST", "/admin/directory/links/{id}/delete", Needs.EDITOR),
            line("GET", "/admin/comments", Needs.EDITOR),
            line("POST", "/admin/comments/decide", Needs.EDITOR),
            line("GET", "/admin/comments/settings", Needs.EDITOR),
            line("POST", "/admin/comments/settings/mode", Needs.ADMIN),
            line("POST", "/admin/comments/settings/channels", Needs.ADMIN),
            line("POST", "/admin/comments/settings/rate", Needs.ADMIN),
            line("POST", "/admin/comments/settings/article", Needs.EDITOR),
            line("POST", "/admin/comments/blocks", Needs.EDITOR),
            line("POST", "/admin/comments/blocks/{id}/delete", Needs.EDITOR),
            line("POST", "/admin/comments/words", Needs.EDITOR),
            line("POST", "/admin/comments/words/delete", Needs.EDITOR),
            line("GET", "/admin/reports", Needs.EDITOR),
            line("POST", "/admin/reports/{id}", Needs.EDITOR),
            line("GET", "/admin/export", Needs.EDITOR),
            line("POST", "/admin/export", Needs.EDITOR),
            line("GET", "/admin/export/status", Needs.EDITOR),
            line("GET", "/admin/settings", Needs.ADMIN),
            line("POST", "/admin/settings", Needs.ADMIN),
            line("GET", "/admin/accounts", Needs.ADMIN),
            line("GET", "/admin/accounts/new", Needs.ADMIN),
            line("POST", "/admin/accounts", Needs.ADMIN),
            line("GET", "/admin/accounts/{id}/edit", Needs.ADMIN),
            line("POST", "/admin/accounts/{id}", Needs.ADMIN),
            line("POST", "/admin/accounts/{id}/password", Needs.ADMIN),
            line("GET", "/admin/backups", Needs.ADMIN),
            line("GET", "/admin/search-index", Needs.ADMIN),
            line("POST", "/admin/search-index", Needs.ADMIN),
            line("POST", "/admin/backups", Needs.ADMIN),
            line("GET", "/admin/backups/{name}", "/admin/backups/dayuan-backup-20260101-000000.zip", Needs.ADMIN),
            // The JSON API
            line("GET", "/api/v1/me", Needs.AUTHOR),
            line("GET", "/api/v1/articles", Needs.AUTHOR),
            line("GET", "/api/v1/articles/{id}", Needs.AUTHOR),
            line("POST", "/api/v1/articles", Needs.AUTHOR),
            line("PUT", "/api/v1/articles/{id}", Needs.AUTHOR),
            line("DELETE", "/api/v1/articles/{id}", Needs.AUTHOR),
            line("POST", "/api/v1/articles/{id}/publish", Needs.EDITOR),
            line("POST", "/api/v1/articles/{id}/unpublish", Needs.EDITOR),
            line("POST", "/api/v1/articles/{id}/submit", Needs.AUTHOR),
            line("POST", "/api/v1/articles/{id}/approve", Needs.EDITOR),
            line("POST", "/api/v1/articles/bulk", Needs.AUTHOR),
            line("POST", "/api/v1/articles/{id}/correction", Needs.EDITOR),
            line("POST", "/api/v1/articles/{id}/validity", Needs.EDITOR),
            line("POST", "/api/v1/articles/{id}/reject", Needs.EDITOR),
            line("GET", "/api/v1/articles/{id}/revisions", Needs.AUTHOR),
            line("GET", "/api/v1/articles/{id}/revisions/{number}", Needs.AUTHOR),
            line("POST", "/api/v1/articles/{id}/revisions/{number}/restore", Needs.AUTHOR),
            line("GET", "/api/v1/trash", Needs.EDITOR),
            line("POST", "/api/v1/trash/{id}/restore", Needs.ADMIN),
            line("DELETE", "/api/v1/trash/{id}", Needs.ADMIN),
            line("GET", "/api/v1/audit", Needs.ADMIN),
            line("POST", "/api/v1/suggestions", Needs.AUTHOR),
            line("GET", "/api/v1/tokens", Needs.AUTHOR),
            line("POST", "/api/v1/tokens", Needs.AUTHOR),
            line("DELETE", "/api/v1/tokens/{id}", Needs.AUTHOR),
            line("GET", "/api/v1/channels", Needs.AUTHOR),
            line("GET", "/api/v1/channels/{id}", Needs.AUTHOR),
            line("POST", "/api/v1/channels", Needs.EDITOR),
            line("PUT", "/api/v1/channels/{id}", Needs.EDITOR),
            line("DELETE", "/api/v1/channels/{id}", Needs.EDITOR),
            line("GET", "/api/v1/tags", Needs.AUTHOR),
            line("GET", "/api/v1/tags/{id}", Needs.AUTHOR),
            line("PUT", "/api/v1/tags/{id}", Needs.EDITOR),
            line("DELETE", "/api/v1/tags/{id}", Needs.EDITOR),
            line("POST", "/api/v1/tags/{id}/merge", Needs.EDITOR),
            line("GET", "/api/v1/directory/categories", Needs.AUTHOR),
            line("GET", "/api/v1/directory/categories/{id}", Needs.AUTHOR),
            line("POST", "/api/v1/directory/categories", Needs.EDITOR),
            line("PUT", "/api/v1/directory/categories/{id}", Needs.EDITOR),
            line("DELETE", "/api/v1/directory/categories/{id}", Needs.EDITOR),
            line("GET", "/api/v1/directory/links", Needs.AUTHOR),
            line("GET", "/api/v1/directory/links/{id}", Needs.AUTHOR),
            line("POST", "/api/v1/directory/links", Needs.EDITOR),
            line("PUT", "/api/v1/directory/links/{id}", Needs.EDITOR),
            line("DELETE", "/api/v1/directory/links/{id}", Needs.EDITOR),
            line("POST", "/api/v1/media", Needs.AUTHOR),
            line("GET", "/api/v1/media", Needs.AUTHOR),
            line("GET", "/api/v1/media/{id}", Needs.AUTHOR),
            line("PUT", "/api/v1/media/{id}", Needs.AUTHOR),
            line("DELETE", "/api/v1/media/{id}", Needs.AUTHOR),
            line("GET", "/api/v1/slots", Needs.EDITOR),
            line("GET", "/api/v1/slots/{name}", "/api/v1/slots/toutiao", Needs.EDITOR),
            line("PUT", "/api/v1/slots/{name}", "/api/v1/slots/toutiao", Needs.EDITOR),
            line("GET", "/api/v1/topics", Needs.EDITOR),
            line("POST", "/api/v1/topics", Needs.EDITOR),
            line("GET", "/api/v1/topics/{id}", Needs.EDITOR),
            line("PUT", "/api/v1/topics/{id}", Needs.EDITOR),
            line("DELETE", "/api/v1/topics/{id}", Needs.EDITOR),
            line("GET", "/api/v1/settings", Needs.ADMIN),
            line("PUT", "/api/v1/settings", Needs.ADMIN),
            line("GET", "/api/v1/accounts", Needs.ADMIN),
            line("GET", "/api/v1/accounts/{id}", Needs.ADMIN),
            line("POST", "/api/v1/accounts", Needs.ADMIN),
            line("PUT", "/api/v1/accounts/{id}", Needs.ADMIN),
            line("GET", "/api/v1/captcha", Needs.ANYONE),
            line("GET", "/api/v1/articles/{id}/comments", Needs.ANYONE),
            line("POST", "/api/v1/articles/{id}/comments", Needs.ANYONE),
            line("POST", "/api/v1/articles/{id}/like", Needs.ANYONE),
            line("GET", "/api/v1/articles/{id}/counters", Needs.ANYONE),
            line("GET", "/api/v1/comments", Needs.EDITOR),
            line("POST", "/api/v1/comments/{id}/approve", Needs.EDITOR),
            line("POST", "/api/v1/comments/{id}/reject", Needs.EDITOR),
            line("POST", "/api/v1/comments/{id}/spam", Needs.EDITOR),
            line("DELETE", "/api/v1/comments/{id}", Needs.EDITOR),
            line("POST", "/api/v1/comments/bulk", Needs.EDITOR),
            line("POST", "/api/v1/reports", Needs.ANYONE),
            line("GET", "/api/v1/reports/{caseNumber}", Needs.ANYONE),
            line("GET", "/api/v1/reports", Needs.EDITOR),
            line("POST", "/api/v1/reports/{id}/{step}", "/api/v1/reports/999999/start", Needs.EDITOR));

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    /** One real account per role, since the services look up who acts. */
    @BeforeEach
    void accountsOfEveryRole() {
        for (Role role : Role.values()) {
            if (accounts.findByUsername(username(role)).isEmpty()) {
                accounts.create(username(role), null, null, "matrix-password", role);
            }
        }
    }

    private static String username(Role role) {
        return "matrix-" + role.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping routes;

    @Test
    void everyRouteHasItsLine() {
        Set<String> mapped = new TreeSet<>();
        for (RequestMappingInfo info : routes.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    mapped.add("* " + pattern);
                }
                methods.forEach(method -> mapped.add(method.name() + " " + pattern));
            }
        }
        Set<String> lines = new TreeSet<>(MATRIX.stream().map(Line::route).toList());
        assertThat(lines).as("lines of routes that no longer exist").isSubsetOf(mapped);
        assertThat(mapped).as("routes without a line in the matrix").isSubsetOf(lines);
    }

    @Test
    void everyoneMayDoWhatTheirLineSaysAndNothingMore() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Line line : MATRIX) {
            for (Needs who : ACTORS) {
                MockHttpServletResponse answer = mvc.perform(request(line, who)).andReturn().getResponse();
                if (line.needs() == Needs.ERROR_PAGE) {
                    if (answer.getStatus() >= 500 || answer.getContentAsString().isEmpty()) {
                        wrong.add(line.route() + " as " + who + ": " + answer.getStatus() + " without a page");
                    }
                    continue;
                }
                boolean shouldPass = who.ordinal() >= line.needs().ordinal();
                boolean passed = !refused(answer);
                if (passed != shouldPass) {
                    wrong.add(line.route() + " as " + who + ": " + answer.getStatus() + " "
                            + answer.getHeader("Location") + (shouldPass ? " (should pass)" : " (should be refused)"));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** 401, 403, or sent to sign in. */
    private static boolean refused(MockHttpServletResponse answer) {
        String location = answer.getHeader("Location");
        return answer.getStatus() == 401 || answer.getStatus() == 403
                || answer.getStatus() / 100 == 3 && location != null && location.contains("/admin/login");
    }

    private static MockHttpServletRequestBuilder request(Line line, Needs who) {
        String method = line.route().substring(0, line.route().indexOf(' '));
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(
                HttpMethod.valueOf(method.equals("*") ? "GET" : method), line.path());
        if (!method.equals("GET") && !method.equals("*")) {
            request.with(csrf());
            if (line.path().startsWith("/api/")) {
                request.contentType(MediaType.APPLICATION_JSON).content("{}");
            }
        }
        if (who != Needs.ANYONE) {
            Role role = Role.valueOf(who.name());
            request.with(user(username(role)).roles(SecurityConfig.rolesOf(role)));
        }
        return request;
    }
}
