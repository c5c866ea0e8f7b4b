package dev.basalt.hooks.js;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The file, batch, auth endpoint and settings hook families of {@code families.pb.js} against a running server: they
 * fire, change what they wrap and answer instead of it; and the same hooks of the Java API.
 */
class EndpointHooksApiTest extends ServerHooksTest {
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
