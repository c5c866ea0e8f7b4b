package dev.basalt.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.realtime.SseStream;
import dev.basalt.testing.ApiTest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code onRecordEnrich} over real HTTP beyond the records API's own records: on each record expanded into an
 * answer (with its own collection), and on the record of a realtime message, per subscriber.
 */
class EnrichHooksApiTest extends ApiTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    @Autowired
    private Hooks hooks;
    private String bound;

    @AfterEach
    void unbind() {
        if (bound != null) {
            hooks.onRecordEnrich().unbind(bound);
        }
    }

    private String collection(String prefix, List<Map<String, Object>> fields) {
        String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        for (String rule : List.of("listRule", "viewRule", "createRule", "updateRule", "deleteRule")) {
            c.put(rule, "");
        }
        c.put("fields", fields);
        var created = post("/api/collections", c, superuser());
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return created.get("id").asString();
    }

    @Test
    void expandedRecordsAndRealtimeMessagesAreEnriched() throws Exception {
        String authors = collection("ea", List.of(Map.of("name", "name", "type", "text")));
        String posts = collection("ep", List.of(Map.of("name", "title", "type", "text"),
                Map.of("name", "author", "type", "relation", "collectionId", authors, "maxSelect", 1)));
        bound = hooks.onRecordEnrich().bind(e -> {
            e.json().put("enrichedAs", e.collection().id());
            e.json().put("viewer", e.auth().id().isEmpty() ? "guest" : "superuser");
            e.next();
        });
        String author = post("/api/collections/" + authors + "/records", Map.of("name", "ann"), null)
                .get("id").asString();
        var post = post("/api/collections/" + posts + "/records", Map.of("title", "t", "author", author), null);
        var view = get("/api/collections/" + posts + "/records/" + post.get("id").asString() + "?expand=author", null);
        assertThat(view.get("enrichedAs").asString()).isEqualTo(posts);
        assertThat(view.json().at("/expand/author/enrichedAs").asString()).isEqualTo(authors);
        assertThat(view.json().at("/expand/author/name").asString()).isEqualTo("ann");

        try (SseStream guest = new SseStream(baseUrl()); SseStream admin = new SseStream(baseUrl())) {
            assertThat(post("/api/realtime", Map.of("clientId", guest.clientId, "subscriptions",
                    List.of(posts + "/*")), null).status()).isEqualTo(204);
            assertThat(post("/api/realtime", Map.of("clientId", admin.clientId, "subscriptions",
                    List.of(posts + "/*")), superuser()).status()).isEqualTo(204);
            post("/api/collections/" + posts + "/records", Map.of("title", "live"), null);
            var guestSaw = guest.next(WAIT).data().get("record");
            var adminSaw = admin.next(WAIT).data().get("record");
            assertThat(guestSaw.get("title").asString()).isEqualTo("live");
            assertThat(guestSaw.get("enrichedAs").asString()).isEqualTo(posts);
            assertThat(guestSaw.get("viewer").asString()).isEqualTo("guest");
            assertThat(adminSaw.get("viewer").asString()).isEqualTo("superuser");
        }
    }
}
