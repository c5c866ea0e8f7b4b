package dev.basalt.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code --origins} (here two origins) restricts CORS to those origins, and the security headers are on every
 * answer, the API's JSON and its 404s alike.
 */
@Tag("db")
class SecurityHeadersHttpTest {
    private static final String ALLOWED = "https://app.example.com";
    private static HostedApp app;

    @BeforeAll
    static void start() {
        app = HostedApp.start("--basalt.origins=" + ALLOWED + ", https://admin.example.com");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private HttpResponse<String> preflight(String origin) {
        return app.send(app.request("/api/collections/x/records").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin).header("Access-Control-Request-Method", "POST").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void onlyTheListedOriginsPassCors() {
        HttpResponse<String> allowed = preflight(ALLOWED);
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
        assertThat(preflight("https://admin.example.com").headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("https://admin.example.com");
        HttpResponse<String> refused = preflight("https://evil.example.com");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> simple = app.get("/api/health", "Origin", "https://evil.example.com");
        assertThat(simple.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (String path : new String[] {"/api/health", "/api/nonexistent", "/api/collections/nope/records"}) {
            HttpResponse<String> r = app.get(path);
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).hasValue("strict-origin-when-cross-origin");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("SAMEORIGIN");
        }
    }
}
