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

    /** Starts Basalt on a new database. */
    static OpsTestApplication start() {
        String url = TestDatabase.createDatabase();
        try {
            SpringApplication app = new SpringApplication(BasaltApplication.class);
            ConfigurableApplicationContext ctx = app.run("--server.port=0",
                    "--basalt.dir=" + Files.createTempDirectory("basalt-ops-test"),
                    "--basalt.db.url=" + url, "--basalt.db.user=" + TestDatabase.user(),
                    "--basalt.db.password=" + TestDatabase.password());
            return new OpsTestApplication(ctx, url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> send(String method, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
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
