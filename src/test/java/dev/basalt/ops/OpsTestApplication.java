package dev.basalt.ops;

import dev.basalt.BasaltApplication;
import dev.basalt.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Basalt started in-process on a random port against a fresh test database, plus a small HTTP client.
 * The real security configuration applies: the ops endpoints must be open to anonymous callers.
 */
final class OpsTestApplication implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    final ConfigurableApplicationContext context;
    final String databaseUrl;
    final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private OpsTestApplication(ConfigurableApplicationContext context, String databaseUrl) {
        this.context = context;
        this.databaseUrl = databaseUrl;
        this.baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** Starts Basalt on a new database, with extra {@code --name=value} arguments. */
    static OpsTestApplication start(String... extraArgs) {
        return startOn(TestDatabase.createDatabase(), TestDatabase.user(), TestDatabase.password(), extraArgs);
    }

    /** Starts Basalt on the database at {@code url}, with extra {@code --name=value} arguments. */
    static OpsTestApplication startOn(String url, String user, String password, String... extraArgs) {
        try {
            SpringApplication app = new SpringApplication(BasaltApplication.class);
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--server.port=0",
                    "--basalt.dir=" + Files.createTempDirectory("basalt-ops-test"),
                    "--basalt.db.url=" + url, "--basalt.db.user=" + user, "--basalt.db.password=" + password));
            args.addAll(java.util.List.of(extraArgs));
            ConfigurableApplicationContext ctx = app.run(args.toArray(String[]::new));
            return new OpsTestApplication(ctx, url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> send(String method, String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    /** A GET with this {@code Authorization} header. */
    HttpResponse<String> get(String path, String authorization) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Authorization", authorization).GET().build());
    }

    /** A POST of a JSON body. */
    HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path) {
        return send("GET", path);
    }

    @Override
    public void close() {
        context.close();
    }
}
