package dev.basalt.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.cli.BasaltMain;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox survives a crash: a real {@code basalt serve} that does not dispatch ({@code BASALT_WEBHOOKS_DISPATCH
 * =false}, so the crash surely falls between the commit and the delivery) commits a write, is killed with
 * SIGKILL, and a new process on the same database delivers it.
 */
@Tag("db")
class WebhookCrashTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();
    private final List<Process> processes = new ArrayList<>();
    private int port;

    @AfterEach
    void stopLeftovers() throws InterruptedException {
        for (Process p : processes) {
            if (p.isAlive()) {
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aCommittedChangeIsDeliveredByTheNextProcessAfterKillNine() throws Exception {
        env.put("BASALT_DB_URL", TestDatabase.createDatabase());
        env.put("BASALT_DB_USER", TestDatabase.user());
        env.put("BASALT_DB_PASSWORD", TestDatabase.password());
        env.put("BASALT_WEBHOOKS_PRIVATE_ADDRESSES", "true");
        port = freePort();
        Process upsert = start("superuser", "upsert", "ops@example.com", "crash-pass-123", "--dir=" + dir);
        assertThat(upsert.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(upsert.exitValue()).isZero();

        env.put("BASALT_WEBHOOKS_DISPATCH", "false");
        Process first = start("serve", "--http=127.0.0.1:" + port, "--dir=" + dir);
        awaitHealthy(first);
        try (Receiver receiver = new Receiver()) {
            String token = call("POST", "/api/collections/_superusers/auth-with-password",
                    Map.of("identity", "ops@example.com", "password", "crash-pass-123"), null).get("token").asString();
            call("POST", "/api/collections", Map.of("name", "orders",
                    "fields", List.of(Map.of("name", "total", "type", "number"))), token);
            call("POST", "/api/collections/_webhooks/records", Map.of("url", receiver.url(), "collection", "orders",
                    "events", List.of("create"), "secret", "crash-secret-0123456789", "active", true), token);
            String id = call("POST", "/api/collections/orders/records", Map.of("total", 42), token)
                    .get("id").asString();

            first.destroyForcibly(); // SIGKILL: no shutdown hook, nothing flushed
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(receiver.next(Duration.ofMillis(200))).as("nothing sent before the crash").isNull();

            env.put("BASALT_WEBHOOKS_DISPATCH", "true");
            Process second = start("serve", "--http=127.0.0.1:" + port, "--dir=" + dir);
            awaitHealthy(second);
            Receiver.Received got = receiver.next(Duration.ofSeconds(60));
            assertThat(got).as("delivered after the restart").isNotNull();
            JsonNode body = JSON.readTree(got.body());
            assertThat(body.get("record").get("id").asString()).isEqualTo(id);
            assertThat(body.get("record").get("total").asInt()).isEqualTo(42);
            assertThat(got.signature()).isEqualTo(
                    Signatures.sign("crash-secret-0123456789", Long.parseLong(got.timestamp()), got.body()));
            assertThat(receiver.next(Duration.ofMillis(500))).as("sent once").isNull();
        }
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BasaltMain.class.getName());
        command.addAll(List.of(args));
        Path log = dir.resolve("child-" + processes.size() + ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    private void awaitHealthy(Process server) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("server exited early: " + Files.readString(
                        dir.resolve("child-" + processes.indexOf(server) + ".log")));
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

    private JsonNode call(String method, String path, Object body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
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

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
