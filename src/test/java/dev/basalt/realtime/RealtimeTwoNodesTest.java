package dev.basalt.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.BasaltApplication;
import dev.basalt.auth.Superusers;
import dev.basalt.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/** Two nodes on one database: a write through node A reaches a subscriber of node B, once, after commit. */
@Tag("db")
class RealtimeTwoNodesTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ConfigurableApplicationContext node(String databaseUrl) throws Exception {
        return new SpringApplication(BasaltApplication.class).run("--server.port=0",
                "--basalt.dir=" + Files.createTempDirectory("basalt-node"), "--basalt.db.url=" + databaseUrl,
                "--basalt.db.user=" + TestDatabase.user(), "--basalt.db.password=" + TestDatabase.password());
    }

    private static String url(ConfigurableApplicationContext node) {
        return "http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port");
    }

    private static HttpResponse<String> send(ConfigurableApplicationContext node, String method, String path,
                                             Object body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(node) + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Waits until both nodes' signal listeners sit idle on their connections (LISTEN done): a signal sent before
     * that is lost, as the cluster module documents, and the first test request must not race the start.
     */
    private static void awaitListeners(String databaseUrl, int nodes) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(databaseUrl, TestDatabase.user(),
                TestDatabase.password());
             java.sql.PreparedStatement q = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE "
                     + "datname = current_database() AND application_name LIKE 'basalt-cluster-listener %' "
                     + "AND state = 'idle'")) {
            while (System.nanoTime() < deadline) {
                try (java.sql.ResultSet r = q.executeQuery()) {
                    r.next();
                    if (r.getInt(1) >= nodes) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the nodes' cluster listeners did not start");
    }

    @Test
    void aWriteOnOneNodeReachesASubscriberOfTheOther() throws Exception {
        String db = TestDatabase.createDatabase();
        try (ConfigurableApplicationContext a = node(db); ConfigurableApplicationContext b = node(db)) {
            a.getBean(Superusers.class).upsert("root@example.com", "two-nodes-pass");
            String token = JSON.readTree(send(a, "POST", "/api/collections/_superusers/auth-with-password",
                    Map.of("identity", "root@example.com", "password", "two-nodes-pass"), null).body())
                    .get("token").asString();
            assertThat(send(a, "POST", "/api/collections", Map.of("name", "live_notes", "listRule", "",
                    "createRule", "body != 'forbidden'", "fields", List.of(Map.of("name", "body", "type", "text"))), token)
                    .statusCode()).isEqualTo(200);
            try (SseStream onB = new SseStream(url(b))) {
                // posted to A, the node without the stream (a round-robin balancer): forwarded to B
                HttpResponse<String> sub = send(a, "POST", "/api/realtime",
                        Map.of("clientId", onB.clientId, "subscriptions", List.of("live_notes/*")), null);
                assertThat(sub.statusCode()).as(sub.body()).isEqualTo(204);
                HttpResponse<String> created = send(a, "POST", "/api/collections/live_notes/records",
                        Map.of("body", "written on A"), null);
                assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
                SseStream.Event e = onB.next(Duration.ofSeconds(10));
                assertThat(e).isNotNull();
                assertThat(e.data().at("/record/body").asString()).isEqualTo("written on A");
                assertThat(onB.quiet()).as("exactly once").isNull();

                HttpResponse<String> refused = send(a, "POST", "/api/collections/live_notes/records",
                        Map.of("body", "forbidden"), null);
                assertThat(refused.statusCode()).isEqualTo(400);
                assertThat(onB.quiet()).as("inserted, then refused by the create rule and rolled back: nothing sent").isNull();

                // forwarded requests are judged as local ones: the caller binds, another caller is refused
                assertThat(send(a, "POST", "/api/realtime", Map.of("clientId", onB.clientId,
                        "subscriptions", List.of("live_notes/*")), token).statusCode()).isEqualTo(204);
                HttpResponse<String> other = send(a, "POST", "/api/realtime", Map.of("clientId", onB.clientId,
                        "subscriptions", List.of()), null);
                assertThat(other.statusCode()).isEqualTo(403);
                assertThat(other.body()).contains("authorization don't match");
                assertThat(send(a, "POST", "/api/realtime", Map.of("clientId", "nobody-has-this-client",
                        "subscriptions", List.of("live_notes/*")), null).statusCode()).isEqualTo(404);
                assertThat(send(b, "POST", "/api/collections/live_notes/records", Map.of("body", "still here"),
                        null).statusCode()).isEqualTo(200);
                SseStream.Event kept = onB.next(Duration.ofSeconds(10));
                assertThat(kept).as("the 403 changed nothing").isNotNull();
                assertThat(kept.data().at("/record/body").asString()).isEqualTo("still here");
            }
        }
    }

    @Test
    void anOAuth2RedirectOnOneNodeReachesTheClientOfTheOther() throws Exception {
        String db = TestDatabase.createDatabase();
        try (ConfigurableApplicationContext a = node(db); ConfigurableApplicationContext b = node(db);
             SseStream onB = new SseStream(url(b))) {
            awaitListeners(db, 2);
            assertThat(send(b, "POST", "/api/realtime", Map.of("clientId", onB.clientId,
                    "subscriptions", List.of("@oauth2")), null).statusCode()).isEqualTo(204);
            HttpResponse<String> redirect = send(a, "GET", "/api/oauth2-redirect?state=" + onB.clientId
                    + "&code=code-via-a", null, null);
            assertThat(redirect.body()).contains("Authentication completed");
            SseStream.Event e = onB.next(Duration.ofSeconds(10));
            assertThat(e).isNotNull();
            assertThat(e.name()).isEqualTo("@oauth2");
            assertThat(e.data().get("code").asString()).isEqualTo("code-via-a");
            assertThat(send(a, "GET", "/api/oauth2-redirect?state=" + onB.clientId + "&code=again", null, null)
                    .body()).as("B unsubscribed it and said so").contains("Authentication failed");
        }
    }
}
