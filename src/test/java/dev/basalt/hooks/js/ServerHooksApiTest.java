package dev.basalt.hooks.js;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.hooks.Hooks;
import dev.basalt.realtime.SseStream;
import dev.basalt.testing.ApiTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The mailer, realtime and collection hook families of a real hook file in a temporary hooks directory, against a running server:
 * each fires, changes what it wraps, and stops it by not calling {@code e.next()}; and the same hooks of the Java API.
 * Mails go to the log (SMTP off), which shows the mail as the hooks left it.
 */
@ExtendWith(OutputCaptureExtension.class)
class ServerHooksApiTest extends ApiTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String HOOKS = """
            onMailerRecordPasswordResetSend((e) => {
                if (e.record.email().startsWith("quiet")) {
                    return; // no e.next(): no mail
                }
                e.message.subject = "Reset for " + e.record.email() + ", token " + (e.meta.token ? "set" : "missing");
                e.next();
            }, "hkusers");
            onMailerRecordOTPSend((e) => {
                e.message.subject = "Your code has " + e.meta.password.length + " digits";
                e.next();
            });
            onMailerSend((e) => {
                e.message.html = e.message.html + "<p>Footer added by onMailerSend</p>";
                e.message.to = [{ address: e.message.to[0].address.replace("@", "+hooked@") }];
                e.next();
            });
            onRealtimeConnectRequest((e) => {
                if (e.request.header.get("X-Refuse") === "yes") {
                    return e.json(403, { message: "No realtime for you " + e.client.id().length });
                }
                e.next();
            });
            onRealtimeSubscribeRequest((e) => {
                if (e.subscriptions.includes("forbidden")) {
                    throw new ForbiddenError("Not this topic.");
                }
                e.subscriptions = e.subscriptions.map((s) => (s === "alias" ? "hkposts/*" : s));
                e.next();
            });
            onRealtimeMessageSend((e) => {
                if (e.message.name === "hkmuted/*") {
                    return; // skipped
                }
                if (e.message.name === "hkposts/*") {
                    const data = JSON.parse(e.message.data);
                    data.record.stamped = "by hook";
                    e.message.data = JSON.stringify(data);
                }
                e.next();
            });
            onCollectionCreate((e) => {
                if (e.collection.name === "hkskipped") {
                    return; // not created
                }
                e.collection.listRule = "@request.auth.id != ''";
                e.next();
            }, "hkcol1", "hkskipped");
            onCollectionAfterCreateSuccess((e) => {
                const note = new Record($app.findCollectionByNameOrId("hkaudit"));
                note.set("title", "created " + e.collection.name + " " + e.collection.listRule);
                $app.save(note);
            }, "hkcol1");
            onCollectionAfterCreateError((e) => {
                const note = new Record($app.findCollectionByNameOrId("hkaudit"));
                note.set("title", "failed " + e.collection.name + ": " + (e.error ? "with error" : "no error"));
                $app.save(note);
            }, "hkbroken");
            onCollectionUpdate((e) => {
                if (e.collection.viewRule === "locked") {
                    throw new BadRequestError("Locked collection.");
                }
                e.next();
            }, "hkcol1");
            onCollectionDelete((e) => {
                // no e.next(): kept
            }, "hkkeep");
            onCollectionViewRequest((e) => {
                if (e.collection.name === "hkkeep") {
                    return e.json(403, { message: "Hidden " + e.collection.name });
                }
                e.next();
            });
            onCollectionCreateRequest((e) => {
                if (e.collection.name === "hkcol2") {
                    e.collection.viewRule = "id != ''";
                }
                e.next();
            });
            onModelCreate((e) => {
                if (e.model.getString("title").startsWith("refused")) {
                    throw new BadRequestError("The model hook refused it.");
                }
                e.model.set("title", e.model.getString("title") + " (model)");
                e.next();
            }, "hkmodels");
            onRecordCreate((e) => {
                e.record.set("title", e.record.getString("title") + " (record)");
                e.next();
            }, "hkmodels");
            onModelAfterCreateSuccess((e) => {
                const note = new Record($app.findCollectionByNameOrId("hkaudit"));
                note.set("title", "model created " + e.model.getString("title"));
                $app.save(note);
            }, "hkmodels");
            onModelDelete((e) => {
                if (e.model.getString("title").startsWith("keep")) {
                    return; // no e.next(): not deleted
                }
                e.next();
            }, "hkmodels");
            onFileDownloadRequest((e) => {
                if (e.servedName.startsWith("secret")) {
                    return e.json(403, { message: "No " + e.fileField.name + " of " + e.record.id });
                }
                e.servedName = "renamed-" + e.servedName;
                e.next();
            }, "hkfiles");
            onFileTokenRequest((e) => {
                e.token = "hooked." + e.token;
                e.next();
            });
            onBatchRequest((e) => {
                if (e.batch.length > 2) {
                    throw new BadRequestError("Too many in one batch.");
                }
                for (const r of e.batch) {
                    r.body.title = r.body.title + " (batched)";
                }
                e.next();
            });
            onRecordAuthWithPasswordRequest((e) => {
                if (e.identity === "blocked@example.com") {
                    throw new ForbiddenError("Blocked account.");
                }
                if (e.identity === "carol") {
                    e.identity = "carol@example.com";
                }
                e.next();
            }, "hkauth");
            onRecordRequestPasswordResetRequest((e) => {
                if (e.email === "stop@example.com") {
                    return e.json(429, { message: "Slow down, " + e.collection.name + "." });
                }
                e.next();
            }, "hkauth");
            onSettingsListRequest((e) => {
                e.settings.meta.appName = e.settings.meta.appName + " (listed)";
                e.next();
            });
            onSettingsUpdateRequest((e) => {
                if (e.newSettings.meta.appName === "Forbidden name") {
                    throw new BadRequestError("Not that name.");
                }
                if (e.newSettings.meta.appName === "hooked") {
                    e.newSettings.meta.senderName = "Hooked sender " + e.oldSettings.meta.appName.length;
                }
                e.next();
            });
            onCollectionsListRequest((e) => {
                if (e.request.url.rawQuery.includes("hkblock")) {
                    return e.json(418, { message: "No list" });
                }
                e.next();
            });
            """;
    private static Path hooksDir;

    @Autowired
    private Hooks hooks;

    @DynamicPropertySource
    static void hooksDir(DynamicPropertyRegistry registry) {
        try {
            hooksDir = Files.createTempDirectory("basalt-hookfamilies");
            Files.writeString(hooksDir.resolve("families.pb.js"), HOOKS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("basalt.hooks-dir", hooksDir::toString);
    }

    private String users(String name) {
        Response r = post("/api/collections", Map.of("name", name, "type", "auth", "otp", Map.of("enabled", true,
                "length", 6)), superuser());
        assertThat(r.status()).as(r.body()).isIn(200, 400);
        return name;
    }

    private void user(String collection, String email) {
        Response r = post("/api/collections/" + collection + "/records", Map.of("email", email, "password",
                "long-enough-1", "passwordConfirm", "long-enough-1"), superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void mailerHooksChangeAndSuppressMails(CapturedOutput log) {
        patch("/api/settings", Map.of("smtp", Map.of("enabled", false)), superuser());
        String users = users("hkusers");
        user(users, "alice@example.com");
        user(users, "quiet@example.com");
        assertThat(post("/api/collections/hkusers/request-password-reset", Map.of("email", "alice@example.com"), null)
                .status()).isEqualTo(204);
        assertThat(post("/api/collections/hkusers/request-password-reset", Map.of("email", "quiet@example.com"), null)
                .status()).isEqualTo(204);
        assertThat(post("/api/collections/hkusers/request-otp", Map.of("email", "alice@example.com"), null).status())
                .isEqualTo(200);

        String out = log.getAll();
        assertThat(out).contains("To: alice+hooked@example.com Subject: Reset for alice@example.com, token set")
                .contains("To: alice+hooked@example.com Subject: Your code has 6 digits")
                .contains("Footer added by onMailerSend")
                .doesNotContain("To: quiet").doesNotContain("To: alice@example.com");
    }

    @Test
    void javaMailerHooks(CapturedOutput log) {
        patch("/api/settings", Map.of("smtp", Map.of("enabled", false)), superuser());
        String users = users("hkjavausers");
        user(users, "bob@example.com");
        List<String> seen = new ArrayList<>();
        String id = hooks.onMailerRecordVerificationSend().bind(e -> {
            seen.add(e.record().get("email") + " " + !String.valueOf(e.meta().get("token")).isEmpty());
            e.message().subject("Java says verify");
            e.next();
        }, "hkjavausers");
        try {
            post("/api/collections/hkjavausers/request-verification", Map.of("email", "bob@example.com"), null);
        } finally {
            hooks.onMailerRecordVerificationSend().unbind(id);
        }
        assertThat(seen).containsExactly("bob@example.com true");
        assertThat(log.getAll()).contains("To: bob+hooked@example.com Subject: Java says verify");
    }

    private void collection(String name) {
        Response r = post("/api/collections", Map.of("name", name, "listRule", "", "viewRule", "", "fields",
                List.of(Map.of("name", "title", "type", "text"))), superuser());
        assertThat(r.status()).as(r.body()).isIn(200, 400);
    }

    private Response subscribe(SseStream s, String... topics) {
        return post("/api/realtime", Map.of("clientId", s.clientId, "subscriptions", List.of(topics)), null);
    }

    @Test
    void realtimeHooksRefuseRewriteAndSkip() throws Exception {
        HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(baseUrl() + "/api/realtime")).header("X-Refuse", "yes").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("No realtime for you 40");

        collection("hkposts");
        collection("hkmuted");
        try (SseStream s = new SseStream(baseUrl())) {
            Response forbidden = subscribe(s, "forbidden");
            assertThat(forbidden.status()).isEqualTo(403);
            assertThat(forbidden.get("message").asString()).isEqualTo("Not this topic.");
            assertThat(subscribe(s, "alias", "hkmuted/*").status()).isEqualTo(204);
            post("/api/collections/hkmuted/records", Map.of("title", "muted"), superuser());
            post("/api/collections/hkposts/records", Map.of("title", "hello"), superuser());
            SseStream.Event event = s.next(WAIT);
            assertThat(event).isNotNull();
            assertThat(event.name()).as("the alias became hkposts; hkmuted's message was skipped")
                    .isEqualTo("hkposts/*");
            assertThat(event.data().get("record").get("title").asString()).isEqualTo("hello");
            assertThat(event.data().get("record").get("stamped").asString()).isEqualTo("by hook");
        }
    }

    @Test
    void javaRealtimeHooks() throws Exception {
        collection("hkposts");
        List<String> connected = new ArrayList<>();
        String c = hooks.onRealtimeConnectRequest().bind(e -> {
            connected.add(e.clientId());
            e.next();
        });
        String m = hooks.onRealtimeMessageSend().bind(e -> {
            if (e.message().name().equals("hkposts/*")) {
                e.message().name("renamed");
            }
            e.next();
        });
        try (SseStream s = new SseStream(baseUrl())) {
            assertThat(connected).containsExactly(s.clientId);
            assertThat(subscribe(s, "hkposts/*").status()).isEqualTo(204);
            post("/api/collections/hkposts/records", Map.of("title", "java"), superuser());
            SseStream.Event event = s.next(WAIT);
            assertThat(event).isNotNull();
            assertThat(event.name()).isEqualTo("renamed");
        } finally {
            hooks.onRealtimeConnectRequest().unbind(c);
            hooks.onRealtimeMessageSend().unbind(m);
        }
    }

    @Test
    void collectionHooksChangeSkipAndRefuseWrites() {
        collection("hkaudit");
        Response created = post("/api/collections", Map.of("name", "hkcol1", "fields",
                List.of(Map.of("name", "title", "type", "text"))), superuser());
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.get("listRule").asString()).isEqualTo("@request.auth.id != ''");
        assertThat(get("/api/collections/hkaudit/records?filter=title~'created%20hkcol1'", superuser())
                .get("items").get(0).get("title").asString()).isEqualTo("created hkcol1 @request.auth.id != ''");

        assertThat(post("/api/collections", Map.of("name", "hkskipped"), superuser()).status()).isEqualTo(204);
        assertThat(get("/api/collections/hkskipped", superuser()).status()).isEqualTo(404);

        Response broken = post("/api/collections", Map.of("name", "hkbroken", "fields",
                List.of(Map.of("name", "x", "type", "no-such-type"))), superuser());
        assertThat(broken.status()).isEqualTo(400);
        assertThat(get("/api/collections/hkaudit/records?filter=title~'failed%20hkbroken'", superuser())
                .get("totalItems").asInt()).isEqualTo(1);

        Response locked = patch("/api/collections/hkcol1", Map.of("viewRule", "locked"), superuser());
        assertThat(locked.status()).isEqualTo(400);
        assertThat(locked.get("message").asString()).isEqualTo("Locked collection.");
        assertThat(patch("/api/collections/hkcol1", Map.of("viewRule", ""), superuser()).status()).isEqualTo(200);

        collection("hkkeep");
        assertThat(delete("/api/collections/hkkeep", superuser()).status()).isEqualTo(204);
        Response kept = get("/api/collections/hkkeep", superuser());
        assertThat(kept.status()).as("the delete hook kept it; the view hook hides it").isEqualTo(403);
        assertThat(kept.get("message").asString()).isEqualTo("Hidden hkkeep");
    }

    @Test
    void collectionRequestHooks() {
        Response created = post("/api/collections", Map.of("name", "hkcol2"), superuser());
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.get("viewRule").asString()).isEqualTo("id != ''");
        assertThat(get("/api/collections?hkblock=1", superuser()).status()).isEqualTo(418);
        assertThat(get("/api/collections?filter=name='hkcol2'", superuser()).get("totalItems").asInt()).isEqualTo(1);
    }

    @Test
    void javaCollectionHooks() {
        collection("hkjava");
        List<String> seen = new ArrayList<>();
        String id = hooks.onCollectionAfterDeleteSuccess().bind(e -> seen.add(e.stored().name()), "hkjava");
        String update = hooks.onCollectionUpdate().bind(e -> {
            e.collection().put("listRule", "id = 'java'");
            e.next();
        }, "hkjava");
        try {
            Response patched = patch("/api/collections/hkjava", Map.of("viewRule", ""), superuser());
            assertThat(patched.get("listRule").asString()).isEqualTo("id = 'java'");
            assertThat(delete("/api/collections/hkjava", superuser()).status()).isEqualTo(204);
        } finally {
            hooks.onCollectionAfterDeleteSuccess().unbind(id);
            hooks.onCollectionUpdate().unbind(update);
        }
        assertThat(seen).containsExactly("hkjava");
    }

    @Test
    void modelHooksRunInsideRecordHooksChangeAndStopWrites() {
        collection("hkaudit");
        collection("hkmodels");
        Response created = post("/api/collections/hkmodels/records", Map.of("title", "post"), superuser());
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.get("title").asString()).as("record hooks first, then model hooks")
                .isEqualTo("post (record) (model)");
        assertThat(get("/api/collections/hkaudit/records?filter=title~'model%20created'", superuser())
                .get("items").get(0).get("title").asString()).isEqualTo("model created post (record) (model)");

        Response refused = post("/api/collections/hkmodels/records", Map.of("title", "refused"), superuser());
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.get("message").asString()).isEqualTo("The model hook refused it.");

        String kept = post("/api/collections/hkmodels/records", Map.of("title", "keep"), superuser()).get("id")
                .asString();
        delete("/api/collections/hkmodels/records/" + kept, superuser());
        assertThat(get("/api/collections/hkmodels/records/" + kept, superuser()).status()).isEqualTo(200);

        List<String> seen = new ArrayList<>();
        String id = hooks.onModelUpdate().bind(e -> {
            e.record().put("title", "java");
            e.next();
            seen.add(e.id());
        }, "hkmodels");
        try {
            Response updated = patch("/api/collections/hkmodels/records/" + kept, Map.of("title", "x"), superuser());
            assertThat(updated.get("title").asString()).isEqualTo("java");
        } finally {
            hooks.onModelUpdate().unbind(id);
        }
        assertThat(seen).containsExactly(kept);
    }

    private String upload(String collection, String name, String content) throws Exception {
        String boundary = "----hookfamilies" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"" + name
                + "\"\r\nContent-Type: text/plain\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/api/collections/" + collection + "/records"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", superuser())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    @Test
    void fileAndBatchHooks() throws Exception {
        Response files = post("/api/collections", Map.of("name", "hkfiles", "listRule", "", "viewRule", "",
                "createRule", "", "fields", List.of(Map.of("name", "title", "type", "text"), Map.of("name", "doc",
                        "type", "file", "maxSelect", 1, "maxSize", 100000))), superuser());
        assertThat(files.status()).as(files.body()).isIn(200, 400);
        var plain = tools.jackson.databind.json.JsonMapper.builder().build().readTree(upload("hkfiles", "a.txt", "hi"));
        String path = "/api/files/hkfiles/" + plain.get("id").asString() + "/" + plain.get("doc").asString();
        HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl()
                + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo("hi");
        assertThat(served.headers().firstValue("Content-Disposition").orElse(""))
                .contains("filename=\"renamed-" + plain.get("doc").asString() + "\"");
        var secret = tools.jackson.databind.json.JsonMapper.builder().build().readTree(upload("hkfiles", "secret.txt",
                "x"));
        Response refused = get("/api/files/hkfiles/" + secret.get("id").asString() + "/"
                + secret.get("doc").asString(), null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.get("message").asString()).isEqualTo("No doc of " + secret.get("id").asString());

        assertThat(post("/api/files/token", null, superuser()).get("token").asString()).startsWith("hooked.");

        patch("/api/settings", Map.of("batch", Map.of("enabled", true)), superuser());
        Map<String, Object> one = Map.of("method", "POST", "url", "/api/collections/hkfiles/records", "body",
                Map.of("title", "one"));
        Response batch = post("/api/batch", Map.of("requests", List.of(one)), superuser());
        assertThat(batch.status()).as(batch.body()).isEqualTo(200);
        assertThat(batch.json().get(0).get("body").get("title").asString()).isEqualTo("one (batched)");
        Response tooMany = post("/api/batch", Map.of("requests", List.of(one, one, one)), superuser());
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.get("message").asString()).isEqualTo("Too many in one batch.");

        String id = hooks.onBatchRequest().bind(e -> e.json(202, Map.of("queued", e.batch().size())));
        try {
            Response queued = post("/api/batch", Map.of("requests", List.of(one)), superuser());
            assertThat(queued.status()).isEqualTo(202);
            assertThat(queued.get("queued").asInt()).isEqualTo(1);
        } finally {
            hooks.onBatchRequest().unbind(id);
        }
    }

    @Test
    void authEndpointHooks() {
        users("hkauth");
        user("hkauth", "carol@example.com");
        user("hkauth", "blocked@example.com");
        Response alias = post("/api/collections/hkauth/auth-with-password", Map.of("identity", "carol", "password",
                "long-enough-1"), null);
        assertThat(alias.status()).as(alias.body()).isEqualTo(200);
        assertThat(alias.get("record").get("email").asString()).isEqualTo("carol@example.com");
        Response blocked = post("/api/collections/hkauth/auth-with-password", Map.of("identity",
                "blocked@example.com", "password", "long-enough-1"), null);
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.get("message").asString()).isEqualTo("Blocked account.");
        Response slow = post("/api/collections/hkauth/request-password-reset", Map.of("email", "stop@example.com"),
                null);
        assertThat(slow.status()).isEqualTo(429);
        assertThat(slow.get("message").asString()).isEqualTo("Slow down, hkauth.");
        assertThat(post("/api/collections/hkauth/request-password-reset", Map.of("email", "carol@example.com"),
                null).status()).isEqualTo(204);

        List<String> seen = new ArrayList<>();
        String id = hooks.onRecordAuthRefreshRequest().bind(e -> {
            seen.add(e.collection().name());
            e.next();
        }, "hkauth");
        try {
            Response refreshed = post("/api/collections/hkauth/auth-refresh", Map.of(),
                    alias.get("token").asString());
            assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        } finally {
            hooks.onRecordAuthRefreshRequest().unbind(id);
        }
        assertThat(seen).containsExactly("hkauth");
    }

    @Test
    void settingsHooks() {
        List<String> reloads = new ArrayList<>();
        String id = hooks.onSettingsReload().bind(e -> reloads.add(e.name()));
        String oldName = patch("/api/settings", Map.of(), superuser()).get("meta").get("appName").asString();
        try {
            Response forbidden = patch("/api/settings", Map.of("meta", Map.of("appName", "Forbidden name")),
                    superuser());
            assertThat(forbidden.status()).isEqualTo(400);
            assertThat(forbidden.get("message").asString()).isEqualTo("Not that name.");
            Response hooked = patch("/api/settings", Map.of("meta", Map.of("appName", "hooked")), superuser());
            assertThat(hooked.status()).as(hooked.body()).isEqualTo(200);
            assertThat(hooked.get("meta").get("senderName").asString())
                    .isEqualTo("Hooked sender " + oldName.length());
            assertThat(get("/api/settings", superuser()).get("meta").get("appName").asString())
                    .isEqualTo("hooked (listed)");
            assertThat(reloads).contains("settingsReload");
        } finally {
            hooks.onSettingsReload().unbind(id);
            patch("/api/settings", Map.of("meta", Map.of("appName", oldName)), superuser());
        }
    }
}
