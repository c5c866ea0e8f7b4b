package dev.basalt.cluster;

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

/** Two Basalt nodes on one database: a schema change made through one is served by the other. */
@Tag("db")
class TwoNodesTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long PROPAGATION_TIMEOUT_MS = 10_000;

    private static ConfigurableApplicationContext node(String databaseUrl) throws Exception {
        return InProcessNodes.start(databaseUrl);
    }

    private static HttpResponse<String> send(ConfigurableApplicationContext node, String method, String path,
                                             Object body, String token) throws Exception {
        return InProcessNodes.send(node, method, path, body, token);
    }

    @Test
    void schemaChangesReachTheOtherNode() throws Exception {
        String url = TestDatabase.createDatabase();
        try (ConfigurableApplicationContext a = node(url); ConfigurableApplicationContext b = node(url)) {
            a.getBean(Superusers.class).upsert("root@example.com", "two-nodes-pass");
            String token = JSON.readTree(send(a, "POST", "/api/collections/_superusers/auth-with-password",
                    Map.of("identity", "root@example.com", "password", "two-nodes-pass"), null).body())
                    .get("token").asString();
            assertThat(send(b, "GET", "/api/collections/shared_notes/records", null, null).statusCode()).isEqualTo(404);

            HttpResponse<String> created = send(a, "POST", "/api/collections", Map.of("name", "shared_notes",
                    "listRule", "", "createRule", "", "fields", List.of(Map.of("name", "body", "type", "text"))), token);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);

            long deadline = System.currentTimeMillis() + PROPAGATION_TIMEOUT_MS;
            int status = 404;
            while (status != 200 && System.currentTimeMillis() < deadline) {
                status = send(b, "POST", "/api/collections/shared_notes/records", Map.of("body", "via b"), null)
                        .statusCode();
                if (status != 200) {
                    Thread.sleep(100);
                }
            }
            assertThat(status).as("node B serves the collection created through node A").isEqualTo(200);
            String list = send(a, "GET", "/api/collections/shared_notes/records", null, null).body();
            assertThat(JSON.readTree(list).get("totalItems").asInt()).isEqualTo(1);
        }
    }
}
