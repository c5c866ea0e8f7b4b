package dev.basalt.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.BasaltApplication;
import dev.basalt.auth.Superusers;
import dev.basalt.testing.InProcessNodes;
import dev.basalt.testing.TestDatabase;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two nodes on one database: once node A has answered a schema, settings, session, password or API key change, node
 * B's very next request sees it, a new webhook too (the settings' background re-read is off here, so only the
 * barrier can make it). Node B's signal listener is made slow on purpose (a receiver that takes {@link #LAG_MS}
 * before the schema signal is handled), so a node that merely catches up soon after would fail these tests.
 */
@Tag("db")
class ReadYourWritesTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** How long node B's listener is kept busy before it sees a schema signal. */
    private static final long LAG_MS = 400;
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private static String superuser;

    @BeforeAll
    static void start() throws Exception {
        String url = TestDatabase.createDatabase();
        a = node(url);
        b = node(url);
        a.getBean(Superusers.class).upsert("root@example.com", "ryw-password-1");
        superuser = signIn(a, "_superusers", "root@example.com", "ryw-password-1");
        // a lagging node B: every signal on the lag channel keeps its listener busy for a while
        b.getBean(ClusterSignals.class).subscribe("basalt_test_lag", payload -> {
            if (payload != null) {
                try {
                    Thread.sleep(LAG_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
    }

    private static ConfigurableApplicationContext node(String databaseUrl) throws Exception {
        return new SpringApplication(BasaltApplication.class).run("--server.port=0",
                "--basalt.dir=" + Files.createTempDirectory("basalt-node"), "--basalt.db.url=" + databaseUrl,
                "--basalt.db.user=" + TestDatabase.user(), "--basalt.db.password=" + TestDatabase.password(),
                "--basalt.settings.reread-after=1h");
    }

    /** Keeps node B's listener busy, then returns: a schema signal sent now reaches B late. */
    private static void slowDownB() {
        a.getBean(DSLContext.class).query("select pg_notify('basalt_test_lag', 'busy')").execute();
    }

    @Test
    void schemaAndRuleChangesOnAAreServedAtOnceByB() throws Exception {
        slowDownB();
        HttpResponse<String> created = send(a, "POST", "/api/collections", Map.of("name", "ryw_notes",
                "listRule", "", "viewRule", "", "createRule", "",
                "fields", List.of(Map.of("name", "body", "type", "text"))), superuser);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        HttpResponse<String> first = send(b, "POST", "/api/collections/ryw_notes/records", Map.of("body", "x"), null);
        assertThat(first.statusCode()).as("B knows the new collection at once: " + first.body()).isEqualTo(200);

        for (int round = 0; round < 3; round++) {
            String field = "extra" + round;
            slowDownB();
            List<Object> fields = new java.util.ArrayList<>(List.of(Map.of("name", "body", "type", "text")));
            for (int i = 0; i <= round; i++) {
                fields.add(Map.of("name", "extra" + i, "type", "text", "required", i == round));
            }
            HttpResponse<String> patched = send(a, "PATCH", "/api/collections/ryw_notes", Map.of("fields", fields),
                    superuser);
            assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
            HttpResponse<String> made = send(b, "POST", "/api/collections/ryw_notes/records",
                    Map.of("body", "b", field, "value " + round), null);
            assertThat(made.statusCode()).as("create on B with the field added on A: " + made.body())
                    .isEqualTo(200);
            assertThat(JSON.readTree(made.body()).get(field).asString()).isEqualTo("value " + round);
        }

        assertThat(send(b, "GET", "/api/collections/ryw_notes/records", null, null).statusCode()).isEqualTo(200);
        slowDownB();
        HttpResponse<String> stricter = send(a, "PATCH", "/api/collections/ryw_notes",
                Map.of("listRule", "body = 'never'", "createRule", "@request.auth.id != ''"), superuser);
        assertThat(stricter.statusCode()).as(stricter.body()).isEqualTo(200);
        JsonNode list = JSON.readTree(send(b, "GET", "/api/collections/ryw_notes/records", null, null).body());
        assertThat(list.get("totalItems").asInt()).as("B applies the stricter list rule at once").isZero();
        assertThat(send(b, "POST", "/api/collections/ryw_notes/records", Map.of("body", "late", "extra2", "v"),
                null).statusCode()).as("B applies the stricter create rule at once").isEqualTo(400);
    }

    @Test
    void aSettingsChangeOnAIsAppliedAtOnceByB() throws Exception {
        HttpResponse<String> made = send(a, "POST", "/api/collections", Map.of("name", "ryw_limited",
                "listRule", ""), superuser);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        String list = "/api/collections/ryw_limited/records";
        for (int i = 0; i < 3; i++) {
            assertThat(send(b, "GET", list, null, null).statusCode()).as("no limit yet").isEqualTo(200);
        }
        try {
            slowDownB();
            HttpResponse<String> limited = send(a, "PATCH", "/api/settings", Map.of("rateLimits", Map.of(
                    "enabled", true, "rules", List.of(Map.of("label", "ryw_limited:list", "maxRequests", 1,
                            "duration", 60)))), superuser);
            assertThat(limited.statusCode()).as(limited.body()).isEqualTo(200);
            assertThat(send(b, "GET", list, null, null).statusCode()).isEqualTo(200);
            assertThat(send(b, "GET", list, null, null).statusCode()).as("B applies the new limit at once")
                    .isEqualTo(429);
        } finally {
            assertThat(send(a, "PATCH", "/api/settings", Map.of("rateLimits", Map.of("enabled", false)), superuser)
                    .statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aWebhookAddedOnAGetsBsVeryNextWrite() throws Exception {
        HttpResponse<String> made = send(a, "POST", "/api/collections", Map.of("name", "ryw_hooked",
                "createRule", "", "fields", List.of(Map.of("name", "body", "type", "text"))), superuser);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        String records = "/api/collections/ryw_hooked/records";
        // B caches "no webhooks" on this write
        assertThat(send(b, "POST", records, Map.of("body", "before"), null).statusCode()).isEqualTo(200);
        slowDownB();
        HttpResponse<String> hook = send(a, "POST", "/api/collections/_webhooks/records", Map.of(
                "url", "https://hooks.example.invalid/ryw", "collection", "ryw_hooked", "events", List.of("create"),
                "secret", "ryw-webhook-secret-1", "active", true), superuser);
        assertThat(hook.statusCode()).as(hook.body()).isEqualTo(200);
        HttpResponse<String> after = send(b, "POST", records, Map.of("body", "after"), null);
        assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
        String id = JSON.readTree(after.body()).get("id").asString();
        int queued = a.getBean(DSLContext.class).fetchCount(org.jooq.impl.DSL.table(
                org.jooq.impl.DSL.name("_webhook_deliveries")), org.jooq.impl.DSL.field(
                org.jooq.impl.DSL.name("record")).eq(id));
        assertThat(queued).as("B's write right after the webhook was answered on A is delivered").isEqualTo(1);
        // the receiver does not exist: leave no webhook or delivery behind for the dispatchers to retry
        String webhookId = JSON.readTree(hook.body()).get("id").asString();
        assertThat(send(a, "DELETE", "/api/collections/_webhooks/records/" + webhookId, null, superuser).statusCode())
                .isEqualTo(204);
        a.getBean(DSLContext.class).deleteFrom(org.jooq.impl.DSL.table(org.jooq.impl.DSL.name("_webhook_deliveries")))
                .where(org.jooq.impl.DSL.field(org.jooq.impl.DSL.name("webhook")).eq(webhookId)).execute();
    }

    @Test
    void sessionKeyAndPasswordChangesOnAAreRefusedAtOnceByB() throws Exception {
        HttpResponse<String> made = send(a, "POST", "/api/collections", Map.of("name", "ryw_members",
                "type", "auth", "createRule", "", "viewRule", "id = @request.auth.id",
                "updateRule", "id = @request.auth.id"), superuser);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        HttpResponse<String> user = send(a, "POST", "/api/collections/ryw_members/records", Map.of(
                "email", "m@example.com", "password", "member-pass-1", "passwordConfirm", "member-pass-1"), null);
        assertThat(user.statusCode()).as(user.body()).isEqualTo(200);
        String id = JSON.readTree(user.body()).get("id").asString();
        String view = "/api/collections/ryw_members/records/" + id;

        // logout (the session revoked on A): B has just accepted the token, then refuses it at once
        String token = signIn(a, "ryw_members", "m@example.com", "member-pass-1");
        assertThat(send(b, "GET", view, null, token).statusCode()).isEqualTo(200);
        String sessionId = JSON.readTree(send(a, "GET", view + "/sessions", null, token).body())
                .get("items").get(0).get("id").asString();
        assertThat(send(a, "DELETE", view + "/sessions/" + sessionId, null, token).statusCode()).isEqualTo(204);
        assertThat(send(b, "GET", view, null, token).statusCode()).as("revoked session on B").isEqualTo(404);
        assertThat(send(b, "POST", "/api/collections/ryw_members/auth-refresh", null, token).statusCode())
                .isEqualTo(401);

        // every session revoked at once (revoke all) through A
        String second = signIn(a, "ryw_members", "m@example.com", "member-pass-1");
        assertThat(send(b, "GET", view, null, second).statusCode()).isEqualTo(200);
        assertThat(send(a, "DELETE", view + "/sessions", null, superuser).statusCode()).isEqualTo(204);
        assertThat(send(b, "POST", "/api/collections/ryw_members/auth-refresh", null, second).statusCode())
                .isEqualTo(401);

        // password change on A
        String third = signIn(a, "ryw_members", "m@example.com", "member-pass-1");
        assertThat(send(b, "GET", view, null, third).statusCode()).isEqualTo(200);
        HttpResponse<String> changed = send(a, "PATCH", view, Map.of("oldPassword", "member-pass-1",
                "password", "member-pass-2", "passwordConfirm", "member-pass-2"), third);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(send(b, "POST", "/api/collections/ryw_members/auth-refresh", null, third).statusCode())
                .isEqualTo(401);

        // API key revoked on A
        HttpResponse<String> key = send(a, "POST", "/api/api-keys",
                Map.of("name", "ryw", "scopes", List.of("*:*")), superuser);
        assertThat(key.statusCode()).as(key.body()).isEqualTo(200);
        JsonNode k = JSON.readTree(key.body());
        String secret = k.get("key").asString();
        assertThat(send(b, "GET", "/api/collections/ryw_members/records", null, secret).statusCode()).isEqualTo(200);
        assertThat(send(a, "DELETE", "/api/api-keys/" + k.get("id").asString(), null, superuser).statusCode())
                .isEqualTo(204);
        assertThat(send(b, "GET", "/api/collections/ryw_members/records", null, secret).statusCode())
                .isEqualTo(401);
    }

    @Test
    void anAuthenticatedGetRunsNoStatementForTheSessionCheck() throws Exception {
        HttpResponse<String> made = send(a, "POST", "/api/collections", Map.of("name", "ryw_counted",
                "type", "auth", "createRule", "", "viewRule", "id = @request.auth.id"), superuser);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(200);
        HttpResponse<String> user = send(a, "POST", "/api/collections/ryw_counted/records", Map.of(
                "email", "c@example.com", "password", "counted-pass-1", "passwordConfirm", "counted-pass-1"), null);
        String view = "/api/collections/ryw_counted/records/" + JSON.readTree(user.body()).get("id").asString();
        String token = signIn(a, "ryw_counted", "c@example.com", "counted-pass-1");
        // counted on the request's own thread (the one reading ryw_counted): background work of node B, such as a
        // webhook dispatcher retrying another test's delivery or a cron, runs on other threads
        Map<Thread, List<String>> statements = new java.util.concurrent.ConcurrentHashMap<>();
        var requestThread = new java.util.concurrent.atomic.AtomicReference<Thread>();
        // counted where every statement of node B starts, jOOQ's or plain JDBC's (the by-id and list reads run
        // their SQL, rendered once, on the connection jOOQ's provider hands out)
        org.jooq.Configuration config = b.getBean(DSLContext.class).configuration();
        org.jooq.ConnectionProvider before = config.connectionProvider();
        config.set(CountingConnections.provider(before, sql -> {
            statements.computeIfAbsent(Thread.currentThread(),
                    t -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(sql);
            if (sql.contains("ryw_counted")) {
                requestThread.set(Thread.currentThread());
            }
        }));
        try {
            // the first request after the changes above may refill a cache of node B (printed, not counted)
            List<List<String>> perGet = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                statements.clear();
                requestThread.set(null);
                assertThat(send(b, "GET", view, null, token).statusCode()).isEqualTo(200);
                assertThat(requestThread.get()).as("the record was read on node B").isNotNull();
                perGet.add(List.copyOf(statements.get(requestThread.get())));
            }
            System.out.println("[cluster] statements of the first authenticated GET on node B: " + perGet.get(0));
            List<Integer> counts = perGet.stream().skip(1).map(List::size).toList();
            System.out.println("[cluster] statements per authenticated GET of a record on node B: " + counts);
            // two statements: the auth record with its session check folded in (the by-id statement cached per
            // collection), then the record under its rule; no statement of its own reads the sessions
            assertThat(counts).as("%s", perGet).containsOnly(2);
            assertThat(perGet.stream().skip(1).flatMap(List::stream).filter(sql -> sql.contains("_sessions")))
                    .as("%s", perGet).hasSize(3).allMatch(sql -> sql.contains("ryw_counted"));
        } finally {
            config.set(before);
        }
    }

    private static String signIn(ConfigurableApplicationContext node, String collection, String identity,
                                 String password) throws Exception {
        HttpResponse<String> r = send(node, "POST", "/api/collections/" + collection + "/auth-with-password",
                Map.of("identity", identity, "password", password), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("token").asString();
    }

    private static HttpResponse<String> send(ConfigurableApplicationContext node, String method, String path,
                                             Object body, String token) throws Exception {
        return InProcessNodes.send(node, method, path, body, token);
    }
}
