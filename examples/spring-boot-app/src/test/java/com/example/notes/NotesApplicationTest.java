package com.example.notes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.auth.Superusers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole app over real HTTP: Basalt serves inside it (here on an embedded PostgreSQL in a temporary directory),
 * the note hook fills in slugs and refuses spam, the custom route answers signed-in users only, and the cron job,
 * run through Basalt's crons API, updates what the route reports.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotesApplicationTest {
    private static final String EMAIL = "admin@example.com";
    private static final String PASSWORD = "correct-horse-battery";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    Superusers superusers;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("notes-app-test");
        registry.add("basalt.dir", dir::toString);
    }

    /** An HTTP answer: status and the JSON body (null when there is none). */
    record Answer(int status, JsonNode json) {
    }

    @Test
    void hookRouteAndCronWorkInsideTheHostApp() throws Exception {
        assertThat(send("GET", "/api/health", null, null).status()).isEqualTo(200);
        superusers.upsert(EMAIL, PASSWORD);
        String token = send("POST", "/api/collections/_superusers/auth-with-password", null,
                Map.of("identity", EMAIL, "password", PASSWORD)).json().get("token").asString();
        Answer collection = send("POST", "/api/collections", token, Map.of("name", "notes",
                "listRule", "", "viewRule", "", "createRule", "",
                "fields", List.of(Map.of("name", "title", "type", "text", "required", true),
                        Map.of("name", "slug", "type", "text"))));
        assertThat(collection.status()).as(String.valueOf(collection.json())).isEqualTo(200);

        Answer created = send("POST", "/api/collections/notes/records", null, Map.of("title", "Hello, Wörld!"));
        assertThat(created.status()).as(String.valueOf(created.json())).isEqualTo(200);
        assertThat(created.json().get("slug").asString()).isEqualTo("hello-world");
        Answer refused = send("POST", "/api/collections/notes/records", null, Map.of("title", "Cheap SPAM"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("message").asString()).isEqualTo("Notes about spam are not allowed.");
        Answer stored = send("GET", "/api/collections/notes/records", null, null);
        assertThat(stored.json().get("totalItems").asInt()).isEqualTo(1);

        assertThat(send("GET", NoteStats.ROUTE, null, null).status()).as("signed-in users only").isEqualTo(401);
        assertThat(send("GET", NoteStats.ROUTE, token, null).status()).isEqualTo(200);
        Answer jobs = send("GET", "/api/crons", token, null);
        assertThat(jobs.json().findValuesAsString("id")).contains(NoteStats.JOB);
        Instant requested = Instant.now();
        assertThat(send("POST", "/api/crons/" + NoteStats.JOB, token, null).status()).isEqualTo(204);
        assertThat(awaitCountSince(requested, token).get("total").asInt()).isEqualTo(1);
    }

    /** The stats once the job has counted at or after {@code since}; polls the route, fails after {@link #WAIT}. */
    private JsonNode awaitCountSince(Instant since, String token) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode stats = send("GET", NoteStats.ROUTE, token, null).json();
            String countedAt = stats.get("countedAt").asString();
            if (!countedAt.isEmpty() && !Instant.parse(countedAt).isBefore(since)) {
                return stats;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the cron job did not run");
    }

    private Answer send(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String text = response.body();
        return new Answer(response.statusCode(), text.isBlank() ? null : JSON.readTree(text));
    }
}
