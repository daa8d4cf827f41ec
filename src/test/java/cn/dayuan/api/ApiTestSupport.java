package cn.dayuan.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to the API of a real server over HTTP, as a client's automation would. All API tests share one server
 * and one fresh database, so each test makes its own channels and accounts with unique names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dayuan.data-dir=" + ApiTestSupport.DATA_DIR,
        "dayuan.admin-password=" + ApiTestSupport.ADMIN_PASSWORD})
abstract class ApiTestSupport {

    static final String DATA_DIR = "target/test-data/ApiTest";
    static final String ADMIN_PASSWORD = "api-test-admin-pw";
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger UNIQUE = new AtomicInteger();

    static {
        FileSystemUtils.deleteRecursively(Path.of(DATA_DIR).toFile());
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    record Answer(int status, HttpHeaders headers, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        /** Asserts an RFC 9457 problem with this status, and returns it. */
        JsonNode problem(int expectedStatus) {
            assertThat(status).as(body).isEqualTo(expectedStatus);
            assertThat(contentType()).startsWith("application/problem+json");
            JsonNode problem = json();
            assertThat(problem.path("status").asInt()).isEqualTo(expectedStatus);
            assertThat(problem.path("detail").asString()).as("a Chinese detail").containsPattern("\\p{IsHan}")
                    .doesNotContain("Exception");
            assertThat(body).doesNotContain("\tat ", "java.lang", "org.springframework");
            return problem;
        }

        /** Asserts a 400 naming {@code field}, in both {@code field} and {@code errors}; returns the message. */
        String invalid(String field) {
            JsonNode problem = problem(400);
            assertThat(problem.path("field").asString()).isEqualTo(field);
            assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo(field);
            String message = problem.path("errors").get(0).path("message").asString();
            assertThat(message).isEqualTo(problem.path("detail").asString()).isNotBlank();
            return message;
        }
    }

    static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String admin() {
        return basic("admin", ADMIN_PASSWORD);
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    /** A short name no other test uses, e.g. for slugs and usernames. */
    static String unique(String prefix) {
        return prefix + UNIQUE.incrementAndGet();
    }

    String base() {
        return "http://localhost:" + port;
    }

    Answer send(String method, String path, String rawBody, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .method(method, rawBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(rawBody, StandardCharsets.UTF_8));
        if (rawBody != null) {
            request.header("Content-Type", "application/json; charset=utf-8");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer get(String path, String authorization) {
        return send("GET", path, null, authorization);
    }

    Answer post(String path, Object body, String authorization) {
        return send("POST", path, body == null ? null : JSON.writeValueAsString(body), authorization);
    }

    Answer put(String path, Object body, String authorization) {
        return send("PUT", path, JSON.writeValueAsString(body), authorization);
    }

    Answer delete(String path, String authorization) {
        return send("DELETE", path, null, authorization);
    }

    /** A top-level channel only this test uses; returns its slug (= path). */
    String newChannel(String name) {
        String slug = unique("lanmu");
        Answer created = post("/api/v1/channels", Map.of("name", name, "slug", slug), admin());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return slug;
    }

    /** A newsroom account with this role; returns its Basic authorization header. */
    String newAccount(String role) {
        String username = unique(role.toLowerCase() + "_");
        String password = "pw-" + username + "-secret";
        Answer created = post("/api/v1/accounts", Map.of("username", username, "displayName", "测试" + role,
                "password", password, "role", role), admin());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return basic(username, password);
    }

    long totalArticlesIn(String channelPath) {
        Answer list = get("/api/v1/articles?channel=" + channelPath, admin());
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json().path("totalItems").asLong();
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            values.add(array.get(i).asString());
        }
        return values;
    }

    /** The seed page's body paragraphs, one per line, as article HTML. */
    static String seedBody() {
        try (var in = ApiTestSupport.class.getResourceAsStream("/seed/zcjh-jishixinwen-67833.txt")) {
            StringBuilder html = new StringBuilder();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(p -> !p.isBlank())
                    .forEach(p -> html.append("<p>").append(p).append("</p>"));
            return html.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body of a 200 answer as JSON; any other answer fails the test with its body. */
    static JsonNode ok(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** The username of an HTTP Basic authorization header. */
    static String username(String basicAuthorization) {
        String decoded = new String(Base64.getDecoder().decode(
                basicAuthorization.substring("Basic ".length())), StandardCharsets.UTF_8);
        return decoded.substring(0, decoded.indexOf(':'));
    }
}
