package dev.basalt.hooks.js;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.hooks.Hooks;
import dev.basalt.testing.ApiTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The base of the hook-gaps tests: a running server with a real hook file ({@code hookgaps/gaps.pb.js} and an asset,
 * copied to a temporary hooks directory) and helpers. The subclasses share one Spring context.
 */
abstract class GapHooksTest extends ApiTest {
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Hooks hooks;

    @DynamicPropertySource
    static void hooksDir(DynamicPropertyRegistry registry) {
        try {
            Path dir = Files.createTempDirectory("basalt-hookgaps");
            Files.createDirectories(dir.resolve("assets"));
            for (String file : List.of("gaps.pb.js", "assets/logo.txt")) {
                try (InputStream in = GapHooksTest.class.getResourceAsStream("/hookgaps/" + file)) {
                    Files.write(dir.resolve(file), in.readAllBytes());
                }
            }
            registry.add("basalt.hooks-dir", dir::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The collection {@code gapdocs}: a title, a single file {@code doc} and a multiple one {@code docs}. */
    void docs() {
        Response r = post("/api/collections", Map.of("name", "gapdocs", "listRule", "", "viewRule", "",
                "createRule", "", "fields", List.of(Map.of("name", "title", "type", "text"),
                        Map.of("name", "doc", "type", "file", "maxSelect", 1, "maxSize", 100000),
                        Map.of("name", "docs", "type", "file", "maxSelect", 5, "maxSize", 100000))), superuser());
        assertThat(r.status()).as(r.body()).isIn(200, 400);
    }

    /** Creates a {@code gapdocs} record with one uploaded file {@code doc}; returns the answer. */
    JsonNode upload(String name, String content) throws Exception {
        String boundary = "----hookgaps" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"" + name
                + "\"\r\nContent-Type: text/plain\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/api/collections/gapdocs/records"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** The content of a stored file. */
    String file(String collection, String id, String name) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl()
                + "/api/files/" + collection + "/" + id + "/" + name)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(name).isEqualTo(200);
        return r.body();
    }
}
