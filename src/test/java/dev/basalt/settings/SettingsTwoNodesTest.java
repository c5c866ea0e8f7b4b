package dev.basalt.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.BasaltApplication;
import dev.basalt.auth.Superusers;
import dev.basalt.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two Basalt nodes on one database: a settings change saved through one is applied by it to the very next request,
 * and by the other node as soon as the cluster signal arrives (the re-read safety net is set to an hour here, so
 * only the signal can explain it).
 */
@Tag("db")
class SettingsTwoNodesTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final long PROPAGATION_TIMEOUT_MS = 10_000;
    private static final Map<String, Object> BATCH = Map.of("requests", List.of(Map.of()));

    private static ConfigurableApplicationContext node(String databaseUrl) throws Exception {
        return new SpringApplication(BasaltApplication.class).run("--server.port=0",
                "--basalt.dir=" + Files.createTempDirectory("basalt-node"), "--basalt.db.url=" + databaseUrl,
                "--basalt.db.user=" + TestDatabase.user(), "--basalt.db.password=" + TestDatabase.password(),
                "--basalt.settings.reread-after=1h");
    }

    private static HttpResponse<String> send(ConfigurableApplicationContext node, String method, String path,
                                             Object body, String token) throws Exception {
        String port = node.getEnvironment().getProperty("local.server.port");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aChangeThroughOneNodeIsAppliedByBoth() throws Exception {
        String url = TestDatabase.createDatabase();
        try (ConfigurableApplicationContext a = node(url); ConfigurableApplicationContext b = node(url)) {
            a.getBean(Superusers.class).upsert("root@example.com", "two-nodes-pass");
            String token = JSON.readTree(send(a, "POST", "/api/collections/_superusers/auth-with-password",
                    Map.of("identity", "root@example.com", "password", "two-nodes-pass"), null).body())
                    .get("token").asString();
            // node B has read the settings (batch on) and keeps them in memory
            assertThat(send(b, "POST", "/api/batch", BATCH, token).statusCode()).isEqualTo(400);

            HttpResponse<String> saved = send(a, "PATCH", "/api/settings", Map.of("batch", Map.of("enabled", false)),
                    token);
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
            long savedAt = System.nanoTime();
            assertThat(send(a, "POST", "/api/batch", BATCH, token).statusCode()).as("node A at once").isEqualTo(403);
            assertThat(JSON.readTree(send(b, "GET", "/api/settings", null, token).body()).get("batch")
                    .get("enabled").asBoolean()).as("node B's settings API at once").isFalse();

            long deadline = System.currentTimeMillis() + PROPAGATION_TIMEOUT_MS;
            int status = 400;
            while (status != 403 && System.currentTimeMillis() < deadline) {
                status = send(b, "POST", "/api/batch", BATCH, token).statusCode();
            }
            long millis = (System.nanoTime() - savedAt) / 1_000_000;
            assertThat(status).as("node B applies it").isEqualTo(403);
            System.out.println("Settings change applied on the other node after " + millis + " ms");
        }
    }
}
