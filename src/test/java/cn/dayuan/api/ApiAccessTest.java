package cn.dayuan.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Signing in with a password or a personal token, and what each role may touch. */
class ApiAccessTest extends ApiTestSupport {

    @Test
    void aWrongOrMissingPasswordIs401AsAProblem() {
        get("/api/v1/channels", basic("admin", "wrong-password")).problem(401);
        get("/api/v1/channels", basic("nobody", "whatever-pw")).problem(401);
        get("/api/v1/channels", null).problem(401);
    }

    @Test
    void aPersonalTokenWorksUntilItIsRevoked() {
        Answer issued = post("/api/v1/tokens", Map.of("name", "导入脚本"), admin());
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String token = issued.json().path("token").asString();
        long id = issued.json().path("id").asLong();
        assertThat(token).startsWith("dyt_");
        assertThat(issued.json().path("prefix").asString()).isEqualTo(token.substring(0, 10));

        Answer me = get("/api/v1/me", bearer(token));
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().path("username").asString()).isEqualTo("admin");
        assertThat(me.json().path("role").asString()).isEqualTo("ADMIN");

        JsonNode listed = get("/api/v1/tokens", bearer(token)).json();
        assertThat(listed.findValues("id").stream().map(JsonNode::asLong)).contains(id);
        assertThat(listed.toString()).doesNotContain(token);
        String lastUse = listed.get(0).path("lastUsedAt").asString();
        assertThat(lastUse).endsWith("+08:00");
        get("/api/v1/me", bearer(token));
        assertThat(get("/api/v1/tokens", bearer(token)).json().get(0).path("lastUsedAt").asString())
                .as("the last use is kept to the minute, not written on every call").isEqualTo(lastUse);

        assertThat(delete("/api/v1/tokens/" + id, admin()).status()).isEqualTo(204);
        get("/api/v1/me", bearer(token)).problem(401);
        get("/api/v1/me", bearer("dyt_not-a-real-token")).problem(401);
        get("/api/v1/me", bearer("garbage")).problem(401);
    }

    @Test
    void tokensArePersonal() {
        String author = newAccount("AUTHOR");
        long adminsToken = post("/api/v1/tokens", Map.of("name", "管理员的令牌"), admin()).json().path("id").asLong();
        delete("/api/v1/tokens/" + adminsToken, author).problem(404);
        assertThat(get("/api/v1/tokens", author).json().findValues("id").stream().map(JsonNode::asLong))
                .doesNotContain(adminsToken);
        post("/api/v1/tokens", Map.of("name", ""), author).invalid("name");
    }

    @Test
    void adminOnlyEndpointsAre403ForOthers() {
        String editor = newAccount("EDITOR");
        String author = newAccount("AUTHOR");
        for (String user : new String[] {editor, author}) {
            get("/api/v1/settings", user).problem(403);
            put("/api/v1/settings", Map.of("shortName", "改名"), user).problem(403);
            get("/api/v1/accounts", user).problem(403);
            post("/api/v1/accounts", Map.of("username", "sneaky", "password", "12345678", "role", "ADMIN"), user)
                    .problem(403);
        }
        post("/api/v1/directory/categories", Map.of("name", "作者的分类"), author).problem(403);
        assertThat(get("/api/v1/directory/categories", author).status()).isEqualTo(200);
    }
}
