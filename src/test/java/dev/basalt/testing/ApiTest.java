package dev.basalt.testing;

import dev.basalt.BasaltApplication;
import dev.basalt.auth.Superusers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of HTTP scenario tests: the whole application on a random port, on a fresh database shared by all
 * test classes of the JVM (so the Spring context is reused); tests use their own collection names.
 */
@Tag("db")
@SpringBootTest(classes = BasaltApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
public abstract class ApiTest {
    protected static final String SUPERUSER_EMAIL = "admin@example.com";
    protected static final String SUPERUSER_PASSWORD = "correct-horse-battery";
    private static final String DB_URL = TestDatabase.createDatabase();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String superuserToken;

    @LocalServerPort
    protected int port;

    @Autowired
    private Superusers superusers;

    /** The application's clock: move it forward to pass an expiry instead of sleeping. */
    @Autowired
    protected TestClock clock;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("basalt.db.url", () -> DB_URL);
        registry.add("basalt.db.user", TestDatabase::user);
        registry.add("basalt.db.password", TestDatabase::password);
        registry.add("basalt.dir", () -> System.getProperty("java.io.tmpdir") + "/basalt-test-data");
        // Many sign-ins from 127.0.0.1 in a row; RateLimitApiTest switches the limits on explicitly.
        registry.add("basalt.rate-limits.default-enabled", () -> "false");
        // The shared server sees many deliberate wrong passwords from 127.0.0.1; SignInGuardHttpTest runs its own.
        registry.add("basalt.sign-in-guard.enabled", () -> "false");
        // OAuth2 test providers serve avatars from 127.0.0.1, which production refuses to fetch.
        registry.add("basalt.oauth2.avatar-private-addresses", () -> "true");
        // Webhook tests run their receiver on 127.0.0.1, which production refuses to call.
        registry.add("basalt.webhooks.private-addresses", () -> "true");
    }

    /** An HTTP answer: status and parsed JSON body (null when empty). */
    public record Response(int status, JsonNode json, String body) {
        public JsonNode get(String field) {
            return json.get(field);
        }
    }

    @BeforeEach
    void ensureSuperuser() {
        synchronized (ApiTest.class) {
            if (superuserToken == null) {
                superusers.upsert(SUPERUSER_EMAIL, SUPERUSER_PASSWORD);
                Response r = post("/api/collections/_superusers/auth-with-password",
                        Map.of("identity", SUPERUSER_EMAIL, "password", SUPERUSER_PASSWORD), null);
                superuserToken = r.json().get("token").asString();
            }
        }
    }

    /** A valid superuser token. */
    protected String superuser() {
        return superuserToken;
    }

    protected Response get(String path, String token) {
        return send("GET", path, null, token);
    }

    protected Response post(String path, Object body, String token) {
        return send("POST", path, body, token);
    }

    protected Response patch(String path, Object body, String token) {
        return send("PATCH", path, body, token);
    }

    protected Response put(String path, Object body, String token) {
        return send("PUT", path, body, token);
    }

    protected Response delete(String path, String token) {
        return send("DELETE", path, null, token);
    }

    /** Sends a request; a String body is sent as-is (to test malformed JSON), anything else as JSON. */
    protected Response send(String method, String path, Object body, String token) {
        String payload = body == null ? "" : body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(payload))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", token);
        }
        return execute(b.build());
    }

    /** Sends a prepared request. */
    protected Response execute(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String text = r.body();
            JsonNode json = text == null || text.isBlank() || !(text.startsWith("{") || text.startsWith("["))
                    ? null : JSON.readTree(text);
            return new Response(r.statusCode(), json, text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The base URL of the running server. */
    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }
}
