package dev.basalt.testing;

import dev.basalt.BasaltApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Basalt nodes started in the test JVM on a shared database (each with its own port and data directory), and plain
 * HTTP calls to them: the cluster tests that need more than one node but not separate processes.
 */
public final class InProcessNodes {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private InProcessNodes() {
    }

    /** Starts a node on this database, on a free port. */
    public static ConfigurableApplicationContext start(String databaseUrl) throws Exception {
        return new SpringApplication(BasaltApplication.class).run("--server.port=0",
                "--basalt.dir=" + Files.createTempDirectory("basalt-node"), "--basalt.db.url=" + databaseUrl,
                "--basalt.db.user=" + TestDatabase.user(), "--basalt.db.password=" + TestDatabase.password());
    }

    /** Sends a request with an optional JSON body and Authorization header to the node. */
    public static HttpResponse<String> send(ConfigurableApplicationContext node, String method, String path,
                                            Object body, String token) throws Exception {
        String port = node.getEnvironment().getProperty("local.server.port");
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (token != null) {
            builder.header("Authorization", token);
        }
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }
}
