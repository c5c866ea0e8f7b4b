package dev.basalt.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.auth.Superusers;
import dev.basalt.testing.InProcessNodes;
import dev.basalt.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The count cache with two nodes on one database: node A answers totals from its cache while it is alone; once node
 * B has started, a record B creates or deletes (and acknowledges) is in A's very next total, and A caches again
 * after B has stopped.
 */
@Tag("db")
class ListCountsClusterTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LIST = "/api/collections/cc_notes/records?filter=body%3D'x'";

    @Test
    void aWriteOnANewNodeIsInTheOtherNodesNextTotal() throws Exception {
        String url = TestDatabase.createDatabase();
        try (ConfigurableApplicationContext a = node(url)) {
            a.getBean(Superusers.class).upsert("root@example.com", "cc-password-1");
            String superuser = JSON.readTree(send(a, "POST", "/api/collections/_superusers/auth-with-password",
                    Map.of("identity", "root@example.com", "password", "cc-password-1"), null).body())
                    .get("token").asString();
            HttpResponse<String> made = send(a, "POST", "/api/collections", Map.of("name", "cc_notes",
                    "listRule", "", "createRule", "", "deleteRule", "",
                    "fields", List.of(Map.of("name", "body", "type", "text"))), superuser);
            assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
            for (int i = 0; i < 3; i++) {
                assertThat(send(a, "POST", "/api/collections/cc_notes/records", Map.of("body", "x"), null)
                        .statusCode()).isEqualTo(200);
            }
            ListCounts counts = a.getBean(ListCounts.class);
            awaitHit(a, counts, 3);

            String id;
            try (ConfigurableApplicationContext b = node(url)) {
                HttpResponse<String> created = send(b, "POST", "/api/collections/cc_notes/records",
                        Map.of("body", "x"), null);
                assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
                assertThat(total(a)).as("A's next total has B's record").isEqualTo(4);
                id = JSON.readTree(created.body()).get("id").asString();
                long hits = counts.hits();
                for (int i = 0; i < 3; i++) {
                    assertThat(send(b, "DELETE", "/api/collections/cc_notes/records/" + id, null, null)
                            .statusCode()).isEqualTo(204);
                    assertThat(total(a)).as("A's next total after B's delete").isEqualTo(3);
                    HttpResponse<String> again = send(b, "POST", "/api/collections/cc_notes/records",
                            Map.of("body", "x"), null);
                    id = JSON.readTree(again.body()).get("id").asString();
                    assertThat(total(a)).as("A's next total after B's create").isEqualTo(4);
                }
                assertThat(counts.hits()).as("A counts while B is live").isEqualTo(hits);
            }
            awaitHit(a, counts, 4);
            assertThat(send(a, "DELETE", "/api/collections/cc_notes/records/" + id, null, null).statusCode())
                    .isEqualTo(204);
            assertThat(total(a)).as("A's own delete, alone again").isEqualTo(3);
        }
    }

    /** Lists on A until a total comes from its cache (A checks it is alone at most every second). */
    private static void awaitHit(ConfigurableApplicationContext a, ListCounts counts, long expected) throws Exception {
        long hits = counts.hits();
        for (int i = 0; i < 100 && counts.hits() == hits; i++) {
            assertThat(total(a)).isEqualTo(expected);
            Thread.sleep(50);
        }
        assertThat(counts.hits()).as("A alone answers from its cache").isGreaterThan(hits);
        assertThat(total(a)).isEqualTo(expected);
    }

    private static long total(ConfigurableApplicationContext node) throws Exception {
        HttpResponse<String> r = send(node, "GET", LIST, null, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("totalItems").asLong();
    }

    private static ConfigurableApplicationContext node(String databaseUrl) throws Exception {
        return InProcessNodes.start(databaseUrl);
    }

    private static HttpResponse<String> send(ConfigurableApplicationContext node, String method, String path,
                                             Object body, String token) throws Exception {
        return InProcessNodes.send(node, method, path, body, token);
    }
}
