package dev.basalt.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.BasaltApplication;
import dev.basalt.auth.Superusers;
import dev.basalt.testing.TestDatabase;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook secrets at rest, over real HTTP on one database through three starts: a secret saved without a key is
 * stored plain and sealed by the first start with a key; with the key, new and changed secrets never reach the table
 * plain, every delivery is still signed with the plain secret, and a too long secret is refused; a sealed secret
 * that does not open (copied from another webhook) fails its delivery with a clear error instead of signing with the
 * sealed text. Rows are read with JDBC.
 */
@Tag("db")
class WebhookSecretsAtRestTest {
    private static final String KEY = "k3y-for-the-webhook-secrets-test";
    private static final String OLD_SECRET = "old-plain-secret-0123456789";
    private static final String NEW_SECRET = "new-secret-abcdefghijklmnopqrst";
    private static final String CHANGED_SECRET = "changed-secret-ABCDEFGHIJKLMNOP";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final String db = TestDatabase.createDatabase();

    @Test
    void secretsAreSealedWithAKeyAndDeliveriesStaySigned() throws Exception {
        String oldHook;
        try (ConfigurableApplicationContext app = start(); Receiver receiver = new Receiver()) {
            String token = signIn(app);
            assertThat(send(app, "POST", "/api/collections", token, Map.of("name", "notes", "createRule", "",
                    "fields", List.of(Map.of("name", "title", "type", "text")))).status).isEqualTo(200);
            oldHook = webhook(app, token, receiver.url(), OLD_SECRET).get("id").asString();
        }
        assertThat(storedSecrets()).containsEntry(oldHook, OLD_SECRET);

        try (ConfigurableApplicationContext app = start("--BASALT_ENCRYPTION_KEY=" + KEY);
             Receiver receiver = new Receiver()) {
            String token = signIn(app);
            assertThat(storedSecrets().get(oldHook)).as("sealed at start").startsWith("enc:v1:")
                    .doesNotContain(OLD_SECRET);
            assertThat(send(app, "PATCH", "/api/collections/_webhooks/records/" + oldHook, token,
                    Map.of("url", receiver.url())).status).as("a save keeping the sealed secret").isEqualTo(200);

            JsonNode created = webhook(app, token, receiver.url(), NEW_SECRET);
            String newHook = created.get("id").asString();
            assertThat(created.get("secret").asString()).as("shown once, in the answer").isEqualTo(NEW_SECRET);
            assertThat(storedSecrets().get(newHook)).startsWith("enc:v1:").doesNotContain(NEW_SECRET);
            Answer changed = send(app, "PATCH", "/api/collections/_webhooks/records/" + newHook, token,
                    Map.of("secret", CHANGED_SECRET));
            assertThat(changed.status).as(changed.body).isEqualTo(200);
            Answer otherField = send(app, "PATCH", "/api/collections/_webhooks/records/" + newHook, token,
                    Map.of("events", List.of("create", "update")));
            assertThat(otherField.status).as("a save keeping the sealed secret: " + otherField.body).isEqualTo(200);
            assertThat(storedSecrets().get(newHook)).startsWith("enc:v1:").doesNotContain(CHANGED_SECRET);

            Answer tooLong = send(app, "POST", "/api/collections/_webhooks/records", token, Map.of("url",
                    receiver.url(), "collection", "notes", "events", List.of("create"), "secret", "x".repeat(200)));
            assertThat(tooLong.status).isEqualTo(400);
            assertThat(tooLong.json.get("data").get("secret").get("code").asString())
                    .isEqualTo("validation_max_text_constraint");

            // a sealed secret copied from another webhook does not open: it is bound to its webhook's id
            String copied = webhook(app, token, receiver.url(), storedSecrets().get(newHook)).get("id").asString();

            String note = send(app, "POST", "/api/collections/notes/records", token, Map.of("title", "hello"))
                    .json.get("id").asString();
            Map<String, Receiver.Received> byWebhook = new HashMap<>();
            for (int i = 0; i < 2; i++) {
                Receiver.Received r = receiver.next(WAIT);
                assertThat(r).as("delivery " + (i + 1)).isNotNull();
                byWebhook.put(webhookOf(app, token, r.delivery()), r);
            }
            assertSignedWith(byWebhook.get(oldHook), OLD_SECRET);
            assertSignedWith(byWebhook.get(newHook), CHANGED_SECRET);
            JsonNode failed = awaitAttempted(app, token, note, copied);
            assertThat(failed.get("status").asString()).isEqualTo("pending");
            assertThat(failed.get("lastError").asString()).contains("secret is encrypted and cannot be decrypted");
            assertThat(receiver.next(Duration.ofMillis(300))).as("nothing signed with the sealed text").isNull();
        }
    }

    private static void assertSignedWith(Receiver.Received received, String secret) {
        assertThat(received).isNotNull();
        assertThat(received.signature())
                .isEqualTo(Signatures.sign(secret, Long.parseLong(received.timestamp()), received.body()));
    }

    private static JsonNode webhook(ConfigurableApplicationContext app, String token, String url, String secret)
            throws Exception {
        Answer r = send(app, "POST", "/api/collections/_webhooks/records", token, Map.of("url", url,
                "collection", "notes", "events", List.of("create"), "secret", secret, "active", true));
        assertThat(r.status).as(r.body).isEqualTo(200);
        return r.json;
    }

    private static String webhookOf(ConfigurableApplicationContext app, String token, String delivery)
            throws Exception {
        Answer r = send(app, "GET", "/api/collections/_webhookDeliveries/records/" + delivery, token, null);
        assertThat(r.status).as(r.body).isEqualTo(200);
        return r.json.get("webhook").asString();
    }

    /** The delivery of this record to this webhook once attempted; polls the API, fails after {@link #WAIT}. */
    private static JsonNode awaitAttempted(ConfigurableApplicationContext app, String token, String record,
                                           String webhook) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String filter = URLEncoder.encode("record='" + record + "' && webhook='" + webhook + "' && attempts>0",
                StandardCharsets.UTF_8);
        while (System.nanoTime() < deadline) {
            Answer r = send(app, "GET", "/api/collections/_webhookDeliveries/records?filter=" + filter, token, null);
            if (r.status == 200 && !r.json.get("items").isEmpty()) {
                return r.json.get("items").get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no attempted delivery of " + record);
    }

    private ConfigurableApplicationContext start(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--basalt.dir=" + Files.createTempDirectory("basalt-webhook-secrets-test"),
                "--basalt.db.url=" + db, "--basalt.db.user=" + TestDatabase.user(),
                "--basalt.db.password=" + TestDatabase.password(), "--basalt.sign-in-guard.enabled=false",
                "--basalt.webhooks.private-addresses=true"));
        args.addAll(List.of(extra));
        return new SpringApplication(BasaltApplication.class).run(args.toArray(String[]::new));
    }

    /** Each webhook's {@code secret} column as PostgreSQL holds it, by id. */
    private Map<String, String> storedSecrets() throws Exception {
        try (Connection c = DriverManager.getConnection(db, TestDatabase.user(), TestDatabase.password())) {
            Map<String, String> rows = new HashMap<>();
            DSL.using(c).select(DSL.field(DSL.name("id"), String.class), DSL.field(DSL.name("secret"), String.class))
                    .from(DSL.table(DSL.name(WebhooksCollection.NAME))).fetch()
                    .forEach(r -> rows.put(r.value1(), r.value2()));
            return rows;
        }
    }

    private static String signIn(ConfigurableApplicationContext app) throws Exception {
        app.getBean(Superusers.class).upsert("admin@example.com", "correct-horse-battery");
        return send(app, "POST", "/api/collections/_superusers/auth-with-password", null,
                Map.of("identity", "admin@example.com", "password", "correct-horse-battery")).json.get("token")
                .asString();
    }

    /** An HTTP answer: status, parsed JSON (null when empty) and the raw body. */
    private record Answer(int status, JsonNode json, String body) {
    }

    private static Answer send(ConfigurableApplicationContext app, String method, String path, String token,
                               Object body) throws Exception {
        String port = app.getEnvironment().getProperty("local.server.port");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body().isBlank() ? null : JSON.readTree(r.body()), r.body());
    }
}
