package dev.basalt.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET/HEAD /api/health} against a real server and database, including the database going away. */
@Tag("db")
class HealthHttpTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration RECOVERY = Duration.ofSeconds(30);
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
    void answersLikePocketBase() {
        HttpResponse<String> response = app.get("/api/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).isEqualTo("{\"message\":\"API is healthy.\",\"code\":200,\"data\":{}}");
    }

    @Test
    void headAnswersWithoutBody() {
        HttpResponse<String> response = app.send("HEAD", "/api/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void answers503WhileTheDatabaseRefusesConnectionsAndRecovers() throws Exception {
        String database = app.databaseUrl.substring(app.databaseUrl.lastIndexOf('/') + 1).split("\\?")[0];
        String admin = app.databaseUrl.replace("/" + database, "/postgres");
        try (Connection c = DriverManager.getConnection(admin, TestDatabase.user(), TestDatabase.password());
             Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS false");
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
            try {
                HttpResponse<String> down = app.get("/api/health");
                assertThat(down.statusCode()).isEqualTo(503);
                Map<String, Object> body = JSON.readValue(down.body(), new tools.jackson.core.type.TypeReference<>() { });
                assertThat(body).containsEntry("status", 503).containsEntry("data", Map.of());
                assertThat((String) body.get("message")).contains("database");
                assertThat(app.send("HEAD", "/api/health").statusCode()).isEqualTo(503);
            } finally {
                s.execute("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS true");
            }
        }
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        int status = 0;
        while (System.nanoTime() < deadline && status != 200) {
            status = app.get("/api/health").statusCode();
            if (status != 200) {
                Thread.sleep(200);
            }
        }
        assertThat(status).as("health after the database accepts connections again").isEqualTo(200);
    }
}
