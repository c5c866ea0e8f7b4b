package dev.basalt.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Prometheus text at {@code /metrics}: HTTP, connection pool and JVM metrics, route templates only. */
@Tag("db")
class MetricsHttpTest {
    private static OpsTestApplication app;

    @BeforeAll
    static void start() {
        app = OpsTestApplication.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void exposesHttpPoolAndJvmMetricsInPrometheusFormat() {
        assertThat(app.get("/api/health").statusCode()).isEqualTo(200);
        HttpResponse<String> response = app.get("/metrics");
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
        String metrics = app.get("/metrics").body();
        for (String secret : secrets) {
            assertThat(metrics).doesNotContain(secret);
        }
        assertThat(metrics.lines()).anySatisfy(line -> assertThat(line)
                .startsWith("http_server_requests_seconds_count{").contains("status=\"404\""));
    }
}
