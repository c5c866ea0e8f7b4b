package dev.basalt.hooks.js;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.ApiTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The example hook set of {@code examples/hooks/basalt_hooks} (PocketBase users' patterns: slugify on create, author
 * from the token, a validation error thrown from a hook, an after-success audit record, enrich, custom routes with
 * requireAuth and requireSuperuserAuth, a transaction, a cron job), loaded by a real server and used over HTTP.
 */
@TestPropertySource(properties = "basalt.hooks-dir=examples/hooks/basalt_hooks")
class ExampleHooksApiTest extends ApiTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static boolean created;

    @BeforeEach
    void collections() {
        if (created) {
            return;
        }
        created = true;
        collection("posts", List.of(text("title"), text("slug"), text("author"), text("status"),
                Map.of("name", "views", "type", "number"), Map.of("name", "created", "type", "autodate",
                        "onCreate", true)));
        collection("audit", List.of(text("action"), text("record"), text("title")));
    }

    private void collection(String name, List<Map<String, Object>> fields) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        for (String rule : List.of("listRule", "viewRule", "createRule", "updateRule", "deleteRule")) {
            c.put(rule, "");
        }
        c.put("fields", fields);
        Response r = post("/api/collections", c, superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static Map<String, Object> text(String name) {
        return Map.of("name", name, "type", "text");
    }

    @Test
    void recordHooksSlugifyAuditEnrichAndRefuseSpam() {
        Response created = post("/api/collections/posts/records", Map.of("title", "Héllo Wörld!", "views", 3),
                superuser());
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String id = created.get("id").asString();
        assertThat(created.get("slug").asString()).matches("hello-world-[a-z0-9]{4}");
        assertThat(created.get("author").asString()).isNotEmpty(); // the superuser who created it
        assertThat(created.get("titleLength").asInt()).isEqualTo(12);
        assertThat(created.get("views").asInt()).isEqualTo(3); // a superuser sees it
        Response anonymous = get("/api/collections/posts/records/" + id, null);
        assertThat(anonymous.json().has("views")).isFalse();
        Response audit = get("/api/collections/audit/records?filter=record='" + id + "'", superuser());
        assertThat(audit.get("totalItems").asInt()).isEqualTo(1);
        assertThat(audit.get("items").get(0).get("title").asString()).isEqualTo("Héllo Wörld!");

        Response spam = post("/api/collections/posts/records", Map.of("title", "cheap casino"), null);
        assertThat(spam.status()).isEqualTo(400);
        assertThat(spam.get("message").asString()).isEqualTo("Spam is not welcome.");
        assertThat(spam.get("data").get("title").get("code").asString()).isEqualTo("validation_spam");

        Response batch = post("/api/batch", Map.of("requests", List.of(Map.of("method", "POST",
                "url", "/api/collections/posts/records", "body", Map.of("title", "Via Batch")))), superuser());
        assertThat(batch.status()).as(batch.body()).isEqualTo(200);
        assertThat(batch.json().get(0).get("body").get("slug").asString()).startsWith("via-batch-");
    }

    @Test
    void customRoutes() {
        Response hello = get("/api/hello/ada", null);
        assertThat(hello.status()).isEqualTo(200);
        assertThat(hello.get("message").asString()).isEqualTo("Hello ada");

        assertThat(get("/api/myposts", null).status()).isEqualTo(401);
        post("/api/collections/posts/records", Map.of("title", "Mine"), superuser());
        Response mine = get("/api/myposts", superuser());
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertThat(mine.json().findValuesAsString("title")).contains("Mine");

        Response echo = post("/api/echo?lang=en", Map.of("text", "hi"), null);
        assertThat(echo.status()).as(echo.body()).isEqualTo(200);
        assertThat(echo.get("lang").asString()).isEqualTo("en");
        assertThat(echo.get("signature").asString()).hasSize(64);
        Response missing = post("/api/echo", Map.of(), null);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.get("message").asString()).isEqualTo("Missing text.");
        assertThat(get("/api/missing-post/nope", null).status()).isEqualTo(404);
    }

    @Test
    void transactionRouteAndCronJob() throws InterruptedException {
        post("/api/collections/posts/records", Map.of("title", "Draft one", "status", "draft"), superuser());
        assertThat(post("/api/posts/publish-all", Map.of(), null).status()).isEqualTo(401);
        Response published = post("/api/posts/publish-all", Map.of(), superuser());
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.get("published").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(get("/api/collections/posts/records?filter=status='draft'", superuser()).get("totalItems")
                .asInt()).isZero();

        String trash = post("/api/collections/posts/records", Map.of("title", "Old", "status", "trash"), superuser())
                .get("id").asString();
        JsonNode jobs = get("/api/crons", superuser()).json();
        assertThat(jobs.findValuesAsString("id")).contains("cleanupTrash");
        assertThat(post("/api/crons/cleanupTrash", null, superuser()).status()).isEqualTo(204);
        Instant deadline = Instant.now().plus(WAIT);
        while (get("/api/collections/posts/records/" + trash, superuser()).status() != 404) {
            assertThat(Instant.now()).as("the cron job deletes the trashed post").isBefore(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void answersErrorsMiddlewaresAndUtilities() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> text = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/pages/text")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(text.body()).isEqualTo("plain report.pdf");
        assertThat(text.headers().firstValue("X-Powered-By")).hasValue("hooks");
        assertThat(text.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(get("/api/pages/html", null).body()).isEqualTo("<p>Hi &lt;Ada&gt;</p>");
        HttpResponse<String> old = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/pages/old")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(old.statusCode()).isEqualTo(307);
        assertThat(old.headers().firstValue("Location")).hasValue("/api/pages/text");
        assertThat(get("/api/pages/forbidden", null).status()).isEqualTo(403);
        assertThat(get("/api/pages/forbidden", null).get("message").asString()).isEqualTo("Not for you.");
        assertThat(get("/api/pages/unauthorized", null).status()).isEqualTo(401);
        assertThat(get("/api/pages/missing", null).status()).isEqualTo(404);
        Response crash = get("/api/pages/crash", null);
        assertThat(crash.status()).isEqualTo(400);
        assertThat(crash.get("message").asString()).isEqualTo("Something went wrong while processing your request.");

        Response tools = get("/api/tools", null);
        assertThat(tools.status()).as(tools.body()).isEqualTo(200);
        assertThat(tools.get("sha").asString())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(tools.get("sub").asString()).isEqualTo("42");
        assertThat(tools.get("roundTrip").asString()).isEqualTo("secret");
        assertThat(tools.get("http").asString()).isEqualTo("200 Hello http");
        assertThat(tools.get("join").asString()).isEqualTo("a/c/d.txt");
        assertThat(tools.get("path").asString()).isEqualTo("set");

        post("/api/collections/posts/records", Map.of("title", "Mine"), superuser());
        Response stats = get("/api/stats?x=1", superuser());
        assertThat(stats.status()).as(stats.body()).isEqualTo(200);
        assertThat(stats.get("first").asString()).isEqualTo("Mine");
        assertThat(stats.get("all").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(stats.get("loaded").asString()).isEqualTo("stats");
        assertThat(stats.get("isNew").asBoolean()).isTrue();
    }

    @Test
    void updateDeleteAndAuthHooks() {
        String id = post("/api/collections/posts/records", Map.of("title", "Counted", "views", 1), superuser())
                .get("id").asString();
        Response updated = patch("/api/collections/posts/records/" + id, Map.of("title", "Counted again"), superuser());
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.get("views").asInt()).isEqualTo(2);
        patch("/api/collections/posts/records/" + id, Map.of("status", "keep"), superuser());
        Response locked = patch("/api/collections/posts/records/" + id, Map.of("status", "locked"), superuser());
        assertThat(locked.status()).isEqualTo(400);
        assertThat(locked.get("message").asString()).isEqualTo("Locked posts cannot change.");
        Response kept = delete("/api/collections/posts/records/" + id, superuser());
        assertThat(kept.status()).isEqualTo(403);
        assertThat(get("/api/collections/posts/records/" + id, superuser()).status()).isEqualTo(200);

        Response signIn = post("/api/collections/_superusers/auth-with-password",
                Map.of("identity", SUPERUSER_EMAIL, "password", SUPERUSER_PASSWORD), null);
        assertThat(signIn.status()).isEqualTo(200);
        assertThat(signIn.get("record").get("signedInWith").asString()).isEqualTo("password");
    }
}
