package cn.dayuan.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Site settings, accounts and the public-service navigation through the API. */
class NewsroomAdminApiTest extends ApiTestSupport {

    @Test
    void settingsChangeOnlyWhatIsSentAndGiveArticlesTheirAbsoluteAddress() {
        JsonNode before = get("/api/v1/settings", admin()).json();
        assertThat(before.path("shortName").asString()).isNotBlank();
        try {
            Answer changed = put("/api/v1/settings", Map.of("icpNumber", "晋ICP备12345678号",
                    "siteUrl", "https://www.dayuan.example.cn/"), admin());
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            assertThat(changed.json().path("icpNumber").asString()).isEqualTo("晋ICP备12345678号");
            assertThat(changed.json().path("shortName").asString()).isEqualTo(before.path("shortName").asString());
            assertThat(changed.json().path("aboutText").asString()).isEqualTo(before.path("aboutText").asString());

            String channel = newChannel("站点地址测试");
            JsonNode article = post("/api/v1/articles", ArticleApiTest.article(channel, "站点地址", "DRAFT"), admin())
                    .json();
            assertThat(article.path("url").asString())
                    .isEqualTo("https://www.dayuan.example.cn/" + channel + "/" + article.path("id").asLong() + ".html");

            put("/api/v1/settings", Map.of("siteUrl", "ftp://example.cn"), admin()).invalid("siteUrl");
            put("/api/v1/settings", Map.of("shortName", ""), admin()).invalid("shortName");
            assertThat(get("/api/v1/settings", admin()).json().path("siteUrl").asString())
                    .isEqualTo("https://www.dayuan.example.cn/");
        } finally {
            put("/api/v1/settings", Map.of("siteUrl", before.path("siteUrl").asString(),
                    "icpNumber", before.path("icpNumber").asString()), admin());
        }
    }

    @Test
    void theFooterFieldsRoundTripAndAPutWithoutThemKeepsThem() {
        JsonNode before = get("/api/v1/settings", admin()).json();
        assertThat(before.path("reportCentreUrl").asString()).isEqualTo("https://www.12377.cn/");
        assertThat(before.path("disclaimerEnLabel").asString()).isEqualTo("copyright protection:");
        Map<String, String> footer = Map.of("newsLicence", "14120170003", "policeFiling", "晋公网安备 14010502000123号",
                "reportPhone", "0351-12345678", "reportEmail", "jubao@example.cn",
                "reportCentreName", "中央网信办违法和不良信息举报中心", "reportCentreUrl", "https://www.12377.cn/",
                "disclaimerLabel", "版权声明：", "disclaimerEnLabel", "Copyright notice:",
                "aboutServices", "本地新闻\n便民服务导航");
        try {
            Answer changed = put("/api/v1/settings", footer, admin());
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            footer.forEach((field, value) -> assertThat(changed.json().path(field).asString()).as(field).isEqualTo(value));

            put("/api/v1/settings", Map.of("copyright", "Copyright © 测试"), admin());
            JsonNode after = get("/api/v1/settings", admin()).json();
            footer.forEach((field, value) -> assertThat(after.path(field).asString()).as(field).isEqualTo(value));

            put("/api/v1/settings", Map.of("reportEmail", "jubao"), admin()).invalid("reportEmail");
            put("/api/v1/settings", Map.of("reportCentreUrl", "javascript:alert(1)"), admin()).invalid("reportCentreUrl");
            put("/api/v1/settings", Map.of("policeFiling", "晋公网安备"), admin()).invalid("policeFiling");
            assertThat(put("/api/v1/settings", Map.of("reportPhone", ""), admin()).json().path("reportPhone").asString())
                    .as("an empty string clears a field").isEmpty();
        } finally {
            Map<String, String> restore = new HashMap<>();
            footer.keySet().forEach(field -> restore.put(field, before.path(field).asString()));
            restore.put("copyright", before.path("copyright").asString());
            put("/api/v1/settings", restore, admin());
        }
    }

    @Test
    void administratorsCreateAndChangeAccounts() {
        String username = unique("reporter");
        Answer created = post("/api/v1/accounts", Map.of("username", username, "displayName", "记者小李",
                "email", "xiaoli@example.cn", "password", "first-password", "role", "AUTHOR"), admin());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode account = created.json();
        long id = account.path("id").asLong();
        assertThat(account.path("role").asString()).isEqualTo("AUTHOR");
        assertThat(account.path("enabled").asBoolean()).isTrue();
        assertThat(account.toString()).doesNotContain("first-password", "passwordHash");
        assertThat(get("/api/v1/accounts", admin()).json().findValues("username").stream().map(JsonNode::asString))
                .contains(username);

        post("/api/v1/accounts", Map.of("username", username, "password", "another-password", "role", "AUTHOR"),
                admin()).problem(409);
        post("/api/v1/accounts", Map.of("username", unique("short"), "password", "short", "role", "AUTHOR"), admin())
                .invalid("password");
        JsonNode badRole = post("/api/v1/accounts", Map.of("username", unique("boss"), "password", "long-enough-pw",
                "role", "BOSS"), admin()).problem(400);
        assertThat(badRole.path("field").asString()).isEqualTo("role");
        assertThat(badRole.path("detail").asString()).contains("ADMIN", "EDITOR", "AUTHOR");

        Map<String, Object> promote = new HashMap<>(Map.of("displayName", "编辑小李", "role", "EDITOR",
                "password", "x"));
        put("/api/v1/accounts/" + id, promote, admin()).invalid("password");
        assertThat(get("/api/v1/accounts/" + id, admin()).json().path("role").asString()).isEqualTo("AUTHOR");

        promote.put("password", "second-password");
        Answer promoted = put("/api/v1/accounts/" + id, promote, admin());
        assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
        assertThat(promoted.json().path("role").asString()).isEqualTo("EDITOR");
        assertThat(promoted.json().path("email").isNull()).isTrue();
        get("/api/v1/me", basic(username, "first-password")).problem(401);
        assertThat(get("/api/v1/me", basic(username, "second-password")).json().path("displayName").asString())
                .isEqualTo("编辑小李");

        put("/api/v1/accounts/" + id, Map.of("role", "EDITOR", "enabled", false), admin());
        get("/api/v1/me", basic(username, "second-password")).problem(401);

        put("/api/v1/accounts/" + id, Map.of("username", "renamed", "role", "EDITOR"), admin()).invalid("username");
        put("/api/v1/accounts/987654321", Map.of("role", "EDITOR"), admin()).problem(404);
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsRefusedNotFailed() {
        post("/api/v1/accounts", Map.of("username", unique("long"), "password", "p".repeat(73), "role", "AUTHOR"),
                admin()).invalid("password");
        post("/api/v1/accounts", Map.of("username", unique("hanzi"), "password", "长".repeat(25), "role", "AUTHOR"),
                admin()).invalid("password");
        String username = unique("hanzi");
        String poem = "长风破浪会有时直挂云帆济沧海天生我材必有用千金散";
        assertThat(post("/api/v1/accounts", Map.of("username", username, "password", poem,
                "role", "AUTHOR"), admin()).status()).isEqualTo(201);
        assertThat(get("/api/v1/me", basic(username, poem)).status()).isEqualTo(200);
        assertThat(get("/api/v1/me", basic(username, "长".repeat(100))).status()).as("a long wrong password")
                .isEqualTo(401);
    }

    @Test
    void passwordsAGuesserTriesFirstAreRefused() {
        String username = unique("weak");
        for (String weak : List.of("12345678", "        ", "password", "qwertyui", "aaaaaaaa", "abababab", username,
                username.toUpperCase())) {
            assertThat(post("/api/v1/accounts", Map.of("username", username, "password", weak, "role", "AUTHOR"),
                    admin()).invalid("password")).as(weak).isNotBlank();
        }
        assertThat(post("/api/v1/accounts", Map.of("username", username, "password", "黄河湿地2026冬候鸟",
                "role", "AUTHOR"), admin()).status()).isEqualTo(201);
    }

    @Test
    void theLastAdministratorCannotBeDemoted() {
        long adminId = get("/api/v1/me", admin()).json().path("id").asLong();
        put("/api/v1/accounts/" + adminId, Map.of("role", "EDITOR"), admin()).problem(409);
        put("/api/v1/accounts/" + adminId, Map.of("role", "ADMIN", "enabled", false), admin()).problem(409);
        assertThat(get("/api/v1/me", admin()).json().path("role").asString()).isEqualTo("ADMIN");
    }

    @Test
    void theNavigationHasCategoriesAndLinks() {
        Answer category = post("/api/v1/directory/categories", Map.of("name", unique("政务服务"),
                "description", "各级政府办事平台"), admin());
        assertThat(category.status()).as(category.body()).isEqualTo(201);
        long categoryId = category.json().path("id").asLong();
        assertThat(category.headers().firstValue("Location"))
                .hasValue(base() + "/api/v1/directory/categories/" + categoryId);

        Answer link = post("/api/v1/directory/links", Map.of("categoryId", categoryId, "name", "国家政务服务平台",
                "url", "https://gjzwfw.www.gov.cn/", "description", "全国一体化在线政务服务"), admin());
        assertThat(link.status()).as(link.body()).isEqualTo(201);
        long linkId = link.json().path("id").asLong();
        assertThat(get("/api/v1/directory/categories/" + categoryId, admin()).json().path("links").get(0)
                .path("name").asString()).isEqualTo("国家政务服务平台");
        assertThat(get("/api/v1/directory/links?categoryId=" + categoryId, admin()).json()).hasSize(1);

        Answer renamed = put("/api/v1/directory/links/" + linkId, Map.of("categoryId", categoryId,
                "name", "国家政务服务平台（新版）", "url", "https://www.gov.cn/"), admin());
        assertThat(renamed.json().path("name").asString()).isEqualTo("国家政务服务平台（新版）");

        post("/api/v1/directory/links", Map.of("categoryId", categoryId, "name", "坏链接", "url", "gov.cn"), admin())
                .invalid("url");
        post("/api/v1/directory/links", Map.of("categoryId", 987654321, "name", "无分类", "url", "https://www.gov.cn/"),
                admin()).invalid("categoryId");
        post("/api/v1/directory/links", Map.of("name", "无分类", "url", "https://www.gov.cn/"), admin())
                .invalid("categoryId");
        post("/api/v1/directory/categories", Map.of("name", category.json().path("name").asString()), admin())
                .problem(409);
        assertThat(get("/api/v1/directory/links?categoryId=" + categoryId, admin()).json()).hasSize(1);

        Answer updated = put("/api/v1/directory/categories/" + categoryId, Map.of("name", unique("办事大厅")), admin());
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().path("links")).hasSize(1);

        assertThat(delete("/api/v1/directory/links/" + linkId, admin()).status()).isEqualTo(204);
        get("/api/v1/directory/links/" + linkId, admin()).problem(404);
        assertThat(delete("/api/v1/directory/categories/" + categoryId, admin()).status()).isEqualTo(204);
        get("/api/v1/directory/categories/" + categoryId, admin()).problem(404);
    }
}
