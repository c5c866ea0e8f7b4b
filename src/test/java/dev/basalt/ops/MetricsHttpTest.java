package dev.basalt.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prometheus text at {@code /metrics}: HTTP, connection pool and JVM metrics, route templates only; readable with the
 * metrics token or a superuser's token, and by nobody else.
 */
@Tag("db")
class MetricsHttpTest {
    private static final String METRICS_TOKEN = "metrics-" + UUID.randomUUID();
    private static final String SCRAPER = "Bearer " + METRICS_TOKEN;
    private static OpsTestApplication app;

    @BeforeAll
    static void start() {
        app = OpsTestApplication.start("--basalt.metrics-token=" + METRICS_TOKEN);
    }

    @Test
    void onlyTheMetricsTokenOrASuperuserReadsMetrics() {
        for (String path : List.of("/metrics", "/metrics/")) {
            HttpResponse<String> anonymous = app.get(path);
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.body()).startsWith("{\"status\":401,").doesNotContain("jvm_");
        }
        assertThat(app.get("/metrics", "Bearer wrong-token").statusCode()).isEqualTo(401);
        assertThat(app.get("/metrics", METRICS_TOKEN).statusCode()).isEqualTo(200);

        String password = "metrics-superuser-password";
        app.context.getBean(dev.basalt.auth.Superusers.class).upsert("metrics@example.com", password);
        HttpResponse<String> signIn = app.postJson("/api/collections/_superusers/auth-with-password",
                "{\"identity\":\"metrics@example.com\",\"password\":\"" + password + "\"}");
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        String token = signIn.body().replaceAll("(?s).*\"token\":\"([^\"]+)\".*", "$1");
        assertThat(app.get("/metrics", "Bearer " + token).body()).contains("jvm_threads_live_threads");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void exposesHttpPoolAndJvmMetricsInPrometheusFormat() {
        assertThat(app.get("/api/health").statusCode()).isEqualTo(200);
        HttpResponse<String> response = app.get("/metrics", SCRAPER);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        List<String> lines = response.body().lines().toList();
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith("http_server_requests_seconds_count{")
                .contains("uri=\"/api/health\"").contains("status=\"200\"").contains("method=\"GET\""));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("hikaricp_connections_active{")
                .contains("pool=\"basalt\""));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("hikaricp_connections_max{"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("jvm_memory_used_bytes{"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("jvm_threads_live_threads"));
    }

    @Test
    void unknownPathsDoNotBecomeUriTags() {
        List<String> secrets = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        for (String secret : secrets) {
            assertThat(app.get("/api/ops-test/" + secret + "/records/" + secret).statusCode()).isEqualTo(404);
            app.get("/" + secret);
        }
        String metrics = app.get("/metrics", SCRAPER).body();
        for (String secret : secrets) {
            assertThat(metrics).doesNotContain(secret);
        }
        assertThat(metrics.lines()).anySatisfy(line -> assertThat(line)
                .startsWith("http_server_requests_seconds_count{").contains("status=\"404\""));
    }
}
