package dev.basalt.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.ApiTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/** Collections, users and tokens for the access-rule scenario tests; every name is unique per call. */
abstract class SecurityFixtures extends ApiTest {
    static final String PASSWORD = "Security-Password-123";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** A unique collection name with this prefix. */
    static String unique(String prefix) {
        return prefix + "_" + System.nanoTime() % 1_000_000 + "_" + COUNTER.incrementAndGet();
    }

    /** Creates a collection from its JSON (name made unique from {@code name}); returns the stored JSON. */
    JsonNode collection(String name, Map<String, Object> definition) {
        Map<String, Object> body = new LinkedHashMap<>(definition);
        body.put("name", unique(name));
        Response r = post("/api/collections", body, superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** A base collection with these fields and rules (null values are locked rules). */
    JsonNode base(String name, List<Map<String, Object>> fields, String list, String view, String create,
                  String update, String delete) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fields", fields);
        body.put("listRule", list);
        body.put("viewRule", view);
        body.put("createRule", create);
        body.put("updateRule", update);
        body.put("deleteRule", delete);
        return collection(name, body);
    }

    /** An auth collection anyone may sign up to, whose records see only themselves; plus {@code fields}. */
    JsonNode users(List<Map<String, Object>> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "auth");
        body.put("fields", fields);
        body.put("listRule", "id = @request.auth.id");
        body.put("viewRule", "id = @request.auth.id");
        body.put("createRule", "");
        body.put("updateRule", "id = @request.auth.id");
        body.put("deleteRule", null);
        return collection("users", body);
    }

    /** A record created by a superuser; returns its id. */
    String seed(String collection, Map<String, Object> values) {
        Response r = post(records(collection), values, superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asString();
    }

    /** An auth record (created by a superuser, verified) and its token. */
    User user(String collection, String email, Map<String, Object> values) {
        Map<String, Object> body = new LinkedHashMap<>(values);
        body.put("email", email);
        body.put("password", PASSWORD);
        body.put("passwordConfirm", PASSWORD);
        body.put("verified", true);
        String id = seed(collection, body);
        Response r = post("/api/collections/" + collection + "/auth-with-password",
                Map.of("identity", email, "password", PASSWORD), null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return new User(id, r.json().get("token").asString());
    }

    /** A signed-in auth record. */
    record User(String id, String token) {
    }

    static String records(String collection) {
        return "/api/collections/" + collection + "/records";
    }

    static Map<String, Object> field(String name, String type) {
        return Map.of("name", name, "type", type);
    }

    static Map<String, Object> relation(String name, String collectionId, int maxSelect) {
        return Map.of("name", name, "type", "relation", "collectionId", collectionId, "maxSelect", maxSelect);
    }

    /** The stored record as a superuser sees it. */
    JsonNode stored(String collection, String id) {
        Response r = get(records(collection) + "/" + id, superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** How many records the collection holds (counted by a superuser). */
    int count(String collection) {
        return get(records(collection) + "?perPage=1", superuser()).json().get("totalItems").asInt();
    }
}
