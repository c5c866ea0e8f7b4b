package dev.basalt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.BasaltApplication;
import dev.basalt.auth.Superusers;
import dev.basalt.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code basalt backup create|list|restore} in child processes, on the data directory and database of a running
 * server: the server sees the restored data and, through the cluster signal, drops the collection the backup
 * does not hold from its schema cache.
 */
@Tag("db")
class BackupCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private final String dbUrl = TestDatabase.createDatabase();

    @Test
    void createListAndRestoreFromTheCommandLine() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplication(BasaltApplication.class).run(
                "--server.port=0", "--basalt.dir=" + dir, "--basalt.db.url=" + dbUrl,
                "--basalt.db.user=" + TestDatabase.user(), "--basalt.db.password=" + TestDatabase.password(),
                "--logging.level.root=WARN")) {
            String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
            app.getBean(Superusers.class).upsert("cli@example.com", "cli-password-1");
            String token = JSON.readTree(send("POST", base + "/api/collections/_superusers/auth-with-password",
                    Map.of("identity", "cli@example.com", "password", "cli-password-1"), null).body())
                    .get("token").asString();
            assertThat(send("POST", base + "/api/collections", Map.of("name", "tasks", "type", "base",
                    "fields", List.of(Map.of("name", "title", "type", "text"))), token).statusCode()).isEqualTo(200);
            String id = JSON.readTree(send("POST", base + "/api/collections/tasks/records",
                    Map.of("title", "before"), token).body()).get("id").asString();

            CliProcess.Run created = cli("create", "cli-first.zip");
            assertThat(created.exit()).as(created.output()).isZero();
            assertThat(created.output())
                    .containsPattern("Created backup cli-first\\.zip \\(\\d+\\.\\d MiB\\) in \\d+\\.\\d s\\.")
                    .contains("] tables ")
                    .contains("#");
            CliProcess.Run bad = cli("create", "Bad Name.zip");
            assertThat(bad.exit()).isEqualTo(1);
            assertThat(bad.output()).contains("  name: Must be in a valid format.").doesNotContain("FieldError");
            CliProcess.Run list = cli("list");
            assertThat(list.exit()).as(list.output()).isZero();
            assertThat(list.output()).contains("cli-first.zip");

            send("PATCH", base + "/api/collections/tasks/records/" + id, Map.of("title", "after"), token);
            assertThat(send("POST", base + "/api/collections", Map.of("name", "later", "type", "base"), token)
                    .statusCode()).isEqualTo(200);
            CliProcess.Run restored = cli("restore", "cli-first.zip");
            assertThat(restored.exit()).as(restored.output()).isZero();
            assertThat(restored.output()).contains("Restored backup cli-first.zip in ");
            assertThat(JSON.readTree(send("GET", base + "/api/collections/tasks/records/" + id, null, token).body())
                    .get("title").asString()).isEqualTo("before");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            int status;
            do {
                status = send("GET", base + "/api/collections/later", null, token).statusCode();
            } while (status != 404 && System.nanoTime() < deadline);
            assertThat(status).as("the server reloaded its schema after the restore").isEqualTo(404);

            CliProcess.Run missing = cli("restore", "missing.zip");
            assertThat(missing.exit()).isEqualTo(1);
            assertThat(missing.output()).contains("Error: Missing or invalid backup file.");
        }
    }

    private CliProcess process;

    private CliProcess.Run cli(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("backup");
        command.addAll(List.of(args));
        command.add("--dir=" + dir);
        if (process == null) {
            process = new CliProcess(dbUrl, dir, Duration.ofSeconds(180));
        }
        return process.run(command);
    }

    private static HttpResponse<String> send(String method, String url, Object body, String token)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            b.header("Authorization", token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
