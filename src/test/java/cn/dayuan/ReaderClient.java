package cn.dayuan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

/**
 * A reader's side of the public forms and their JSON API, over real HTTP: pages, JSON posts, form posts, captchas.
 * With {@link #fromManyAddresses()} every request comes through the trusted proxy from an address of its own, so
 * that tests do not meet each other's rate limits.
 */
public final class ReaderClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final AtomicInteger addresses;

    private ReaderClient(int port, AtomicInteger addresses) {
        this.port = port;
        this.addresses = addresses;
    }

    public static ReaderClient of(int port) {
        return new ReaderClient(port, null);
    }

    /** Needs {@code dayuan.trusted-proxies=127.0.0.1,::1} on the server. */
    public static ReaderClient fromManyAddresses(int port) {
        return new ReaderClient(port, new AtomicInteger());
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> postJson(String path, Map<String, ?> body) {
        return send(request(path).header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** A plain form post; {@code headers} are name, value pairs (a cookie, an Accept). */
    public HttpResponse<String> postForm(String path, Map<String, ?> fields, String... headers) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
                        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"))));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    /** A new challenge's id, as the page's script gets it. */
    public String captchaId() {
        return JSON.readTree(get("/api/v1/captcha").body()).get("id").asString();
    }

    /** The cookie {@code /captcha.png} sets, as a browser without JavaScript keeps it: {@code name=value}. */
    public String captchaCookie() {
        return send(request("/captcha.png").GET()).headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        if (addresses != null) {
            request.header("X-Forwarded-For", "203.0.113." + (addresses.incrementAndGet() % 250 + 1));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }
}
