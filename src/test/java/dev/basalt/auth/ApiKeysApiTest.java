package dev.basalt.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** API keys: shown once, scopes allow and refuse whatever the rules say, bound identity, revocation, expiry. */
class ApiKeysApiTest extends AuthFixtures {
    private static final String KEYS = "/api/api-keys";

    @Autowired
    DSLContext dsl;

    @Test
    void scopesAllowOnlyWhatTheyNameWhateverTheRules() {
        String posts = createBase(Map.of("listRule", "", "viewRule", "", "createRule", ""));
        String secrets = createBase(Map.of());
        String postId = post("/api/collections/" + posts + "/records", Map.of("title", "hello"), null).json()
                .get("id").asString();
        String secretId = post("/api/collections/" + secrets + "/records", Map.of("title", "psst"), superuser()).json()
                .get("id").asString();
        JsonNode created = createKey(Map.of("name", "reader", "scopes", List.of(posts + ":list", secrets + ":view")));
        String key = created.get("key").asString();
        assertThat(key).startsWith("bsk_");
        assertThat(created.get("keyPrefix").asString()).isEqualTo(key.substring(0, 10));

        assertThat(withKey("GET", "/api/collections/" + posts + "/records", key).status()).isEqualTo(200);
        assertThat(get("/api/collections/" + posts + "/records", "Bearer " + key).status()).isEqualTo(200);
        assertThat(withKey("GET", "/api/collections/" + secrets + "/records/" + secretId, key).status())
                .as("superuser-only collection, but the scope names it").isEqualTo(200);

        assertThat(post("/api/collections/" + posts + "/records", Map.of("title", "anon"), null).status())
                .as("the rule lets everyone create").isEqualTo(200);
        assertThat(post("/api/collections/" + posts + "/records", Map.of("title", "k"), "Bearer " + key).status())
                .as("the key's scopes do not").isEqualTo(403);
        assertThat(withKey("GET", "/api/collections/" + posts + "/records/" + postId, key).status()).isEqualTo(403);
        assertThat(withKey("DELETE", "/api/collections/" + posts + "/records/" + postId, key).status()).isEqualTo(403);
        assertThat(withKey("GET", "/api/collections/" + secrets + "/records", key).status()).isEqualTo(403);
        assertThat(withKey("GET", "/api/collections", key).status()).isEqualTo(403);
        assertThat(withKey("GET", KEYS, key).status()).isEqualTo(403);
        assertThat(withKey("GET", "/api/collections/" + posts + "/records?expand=x", key).status()).isEqualTo(403);

        String wildcard = createKey(Map.of("name", "all lists", "scopes", List.of("*:list"))).get("key").asString();
        assertThat(withKey("GET", "/api/collections/" + secrets + "/records", wildcard).status()).isEqualTo(200);
        assertThat(withKey("GET", "/api/collections/" + secrets + "/records/" + secretId, wildcard).status())
                .isEqualTo(403);
    }

    @Test
    void keysAreShownOnceAndCanBeRevokedOrExpire() {
        String posts = createBase(Map.of("listRule", ""));
        JsonNode created = createKey(Map.of("name", "temp", "scopes", List.of(posts + ":*")));
        String key = created.get("key").asString();
        String id = created.get("id").asString();
        String list = "/api/collections/" + posts + "/records";
        assertThat(withKey("GET", list, key).status()).isEqualTo(200);

        JsonNode listed = get(KEYS, superuser()).json().get("items").valueStream()
                .filter(k -> k.get("id").asString().equals(id)).findFirst().orElseThrow();
        assertThat(listed.has("key")).isFalse();
        assertThat(listed.get("lastUsed").asString()).as("last use is recorded").isNotEmpty();
        assertThat(get(KEYS, null).status()).isEqualTo(401);

        assertThat(withKey("GET", list, key + "x").status()).as("tampered").isEqualTo(401);
        assertThat(withKey("GET", list, "bsk_unknown").status()).isEqualTo(401);

        assertThat(delete(KEYS + "/" + id, superuser()).status()).isEqualTo(204);
        assertThat(withKey("GET", list, key).status()).isEqualTo(401);
        assertThat(delete(KEYS + "/" + id, superuser()).status()).isEqualTo(404);

        JsonNode expiring = createKey(Map.of("name", "soon", "scopes", List.of(posts + ":list"),
                "expires", "2999-01-01 00:00:00.000Z"));
        assertThat(withKey("GET", list, expiring.get("key").asString()).status()).isEqualTo(200);
        dsl.update(DSL.table(DSL.name("_api_keys")))
                .set(DSL.field(DSL.name("expires"), OffsetDateTime.class), OffsetDateTime.now(clock).minusSeconds(1))
                .where(DSL.field(DSL.name("id"), String.class).eq(expiring.get("id").asString())).execute();
        assertThat(withKey("GET", list, expiring.get("key").asString()).status()).isEqualTo(401);
    }

    @Test
    void aBoundKeyActsAsItsRecordUnderTheRules() {
        String users = createUsers(Map.of("listRule", "id = @request.auth.id"));
        String alice = signUp(users, "key-alice@example.com").get("id").asString();
        signUp(users, "key-bob@example.com");
        String key = createKey(Map.of("name", "alice", "scopes", List.of(users + ":list"), "collection", users,
                "recordId", alice)).get("key").asString();
        JsonNode items = withKey("GET", "/api/collections/" + users + "/records", key).json().get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("id").asString()).isEqualTo(alice);
        assertThat(items.get(0).get("email").asString()).isEqualTo("key-alice@example.com");
    }

    @Test
    void invalidKeyRequestsAreRefused() {
        assertError(post(KEYS, Map.of("scopes", List.of("*:list")), superuser()), "name");
        assertError(post(KEYS, Map.of("name", "x", "scopes", List.of()), superuser()), "scopes");
        assertError(post(KEYS, Map.of("name", "x", "scopes", List.of("posts:drop")), superuser()), "scopes.0");
        assertError(post(KEYS, Map.of("name", "x", "scopes", List.of("no_such_collection:list")), superuser()),
                "scopes.0");
        assertError(post(KEYS, Map.of("name", "x", "scopes", List.of("*:list"), "expires", "2001-01-01 00:00:00Z"),
                superuser()), "expires");
        assertError(post(KEYS, Map.of("name", "x", "scopes", List.of("*:list"), "collection", "_superusers",
                "recordId", "missing"), superuser()), "recordId");
        String users = createUsers(Map.of());
        signUp(users, "key-carl@example.com");
        String token = signIn(users, "key-carl@example.com", PASSWORD).json().get("token").asString();
        assertThat(post(KEYS, Map.of("name", "x", "scopes", List.of("*:list")), token).status()).isEqualTo(403);
    }

    private JsonNode createKey(Map<String, Object> body) {
        Response r = post(KEYS, body, superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private String createBase(Map<String, Object> rules) {
        String name = "keyed_" + System.nanoTime() % 10_000_000;
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "type", "base",
                "fields", List.of(Map.of("name", "title", "type", "text"))));
        body.putAll(rules);
        assertThat(post("/api/collections", body, superuser()).status()).isEqualTo(200);
        return name;
    }

    private Response withKey(String method, String path, String key) {
        return execute(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("X-API-Key", key)
                .method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    private static void assertError(Response r, String key) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("data").has(key)).as(r.body()).isTrue();
    }
}
