package dev.basalt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real command line in child processes: {@code serve}, {@code superuser upsert} while the server runs,
 * SIGTERM (clean exit, embedded PostgreSQL stopped) and a restart that finds every collection and record.
 */
@Tag("db")
class ServeLifecycleTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();
    private final Map<Process, Path> processLogs = new HashMap<>();
    private int port;

    @org.junit.jupiter.api.AfterEach
    void stopLeftovers() throws InterruptedException {
        for (Process p : processLogs.keySet()) {
            if (p.isAlive()) {
                p.destroy();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }

    @Test
    void dataSurvivesACleanStopAndRestart() throws Exception {
        if (TestDatabase.external()) {
            env.put("BASALT_DB_URL", TestDatabase.createDatabase());
            env.put("BASALT_DB_USER", TestDatabase.user());
            env.put("BASALT_DB_PASSWORD", TestDatabase.password());
        }
        port = freePort();
        Process server = start("serve", "--http=127.0.0.1:" + port, "--dir=" + dir);
        awaitHealthy(server);

        Process upsert = start("superuser", "upsert", "ops@example.com", "lifecycle-pass-1", "--dir=" + dir);
        assertThat(upsert.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(upsert.exitValue()).as(output(upsert)).isZero();

        String token = call("POST", "/api/collections/_superusers/auth-with-password",
                Map.of("identity", "ops@example.com", "password", "lifecycle-pass-1"), null).get("token").asString();
        call("POST", "/api/collections", Map.of("name", "notes", "listRule", "",
                "fields", List.of(Map.of("name", "body", "type", "text"))), token);
        String id = call("POST", "/api/collections/notes/records", Map.of("body", "kept"), token).get("id").asString();

        stop(server);
        if (env.isEmpty()) {
            assertThat(dir.resolve("pg/postmaster.pid")).as("embedded PostgreSQL stopped").doesNotExist();
        }

        Process again = start("serve", "--http=127.0.0.1:" + port, "--dir=" + dir);
        try {
            awaitHealthy(again);
            JsonNode record = call("GET", "/api/collections/notes/records/" + id, null, token);
            assertThat(record.get("body").asString()).isEqualTo("kept");
        } finally {
            stop(again);
        }
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BasaltMain.class.getName());
        command.addAll(List.of(args));
        Path log = dir.resolve("child-" + processLogs.size() + ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().remove("BASALT_DB_URL");
        pb.environment().putAll(env);
        Process p = pb.start();
        processLogs.put(p, log);
        return p;
    }

    private void awaitHealthy(Process server) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("server exited early: " + output(server));
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/health"))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("server did not become healthy in " + START_TIMEOUT);
    }

    private static void stop(Process server) throws InterruptedException {
        server.destroy();
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
        assertThat(server.exitValue()).as("clean exit code").isZero();
    }

    private JsonNode call(String method, String path, Object body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private String output(Process p) throws IOException {
        String text = Files.readString(processLogs.get(p));
        return "exit " + p.exitValue() + ", output tail:\n" + text.substring(Math.max(0, text.length() - 3000));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
