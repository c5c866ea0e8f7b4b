package dev.basalt.auth;

import dev.basalt.testing.ApiTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Helpers of the auth scenario tests: a "users"-like collection, sign-up, sign-in and token claims. */
abstract class AuthFixtures extends ApiTest {
    static final String PASSWORD = "users-Password-123";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Creates an auth collection with a unique name: open sign-up, owners may view and update themselves. */
    String createUsers(Map<String, Object> extra) {
        String name = "users_" + System.nanoTime() % 1_000_000 + "_" + COUNTER.incrementAndGet();
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of(
                "name", name, "type", "auth",
                "fields", List.of(Map.of("name", "name", "type", "text"),
                        Map.of("name", "role", "type", "text")),
                "listRule", "", "viewRule", "", "createRule", "",
                "updateRule", "id = @request.auth.id"));
        body.putAll(extra);
        Response r = post("/api/collections", body, superuser());
        if (r.status() != 200) {
            throw new AssertionError("collection not created: " + r.body());
        }
        return name;
    }

    /** Signs a user up through the records API; returns the record JSON. */
    JsonNode signUp(String collection, String email) {
        Response r = post("/api/collections/" + collection + "/records",
                Map.of("email", email, "password", PASSWORD, "passwordConfirm", PASSWORD, "name", email), null);
        if (r.status() != 200) {
            throw new AssertionError("sign-up failed: " + r.body());
        }
        return r.json();
    }

    /** auth-with-password; returns the whole answer. */
    Response signIn(String collection, String identity, String password) {
        return post("/api/collections/" + collection + "/auth-with-password",
                Map.of("identity", identity, "password", password), null);
    }

    /** Puts the rate limits back to PocketBase's defaults (off, its four rules, no excluded IPs). */
    void resetRateLimits() {
        Response r = patch("/api/settings", Map.of("rateLimits", Map.of("enabled", false, "excludedIPs", List.of(),
                "rules", List.of(rule("*:auth", 2, 3, ""), rule("*:create", 20, 5, ""),
                        rule("/api/batch", 3, 1, ""), rule("/api/", 300, 10, "")))), superuser());
        if (r.status() != 200) {
            throw new AssertionError("rate limits not reset: " + r.body());
        }
    }

    /** One rate limit rule as the settings API takes it. */
    static Map<String, Object> rule(String label, int maxRequests, int duration, String audience) {
        return Map.of("label", label, "maxRequests", maxRequests, "duration", duration, "audience", audience);
    }

    /** The claims of a JWT (not verified). */
    static JsonNode claims(String token) {
        String payload = token.split("\\.")[1];
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }

    /** Seconds from now (the application's clock) until the token expires. */
    long secondsLeft(String token) {
        return claims(token).get("exp").asLong() - clock.millis() / 1000;
    }
}
