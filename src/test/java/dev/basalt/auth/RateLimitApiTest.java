package dev.basalt.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rate limits of the auth endpoints: per client IP as PocketBase, and per identity on top (clients bound to other
 * loopback addresses).
 */
class RateLimitApiTest extends AuthFixtures {

    @AfterEach
    void disableRateLimits() {
        resetRateLimits();
    }

    @Test
    void signInsAreLimitedPerIdentityAndPerIp() throws Exception {
        String users = createUsers(Map.of());
        signUp(users, "limited@example.com");
        Response r = patch("/api/settings", Map.of("rateLimits", Map.of("enabled", true,
                "rules", List.of(Map.of("label", users + ":auth", "maxRequests", 3, "duration", 60)))), superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("rateLimits").get("rules").get(0).get("label").asString()).isEqualTo(users + ":auth");

        for (int i = 0; i < 3; i++) {
            assertThat(signInFrom("127.0.0.2", users, "limited@example.com")).isEqualTo(400);
        }
        assertThat(signInFrom("127.0.0.3", users, "LIMITED@example.com")).as("identity over its limit").isEqualTo(429);
        assertThat(signInFrom("127.0.0.3", users, "other@example.com")).as("others are not").isEqualTo(400);

        for (int i = 0; i < 3; i++) {
            assertThat(signInFrom("127.0.0.4", users, "ip" + i + "@example.com")).isEqualTo(400);
        }
        assertThat(signInFrom("127.0.0.4", users, "ip9@example.com")).as("IP over its limit").isEqualTo(429);
        assertThat(post("/api/collections/" + users + "/request-password-reset", Map.of("email", "ip9@example.com"),
                null).status()).as("this identity is still under its limit").isNotEqualTo(429);
        String other = createUsers(Map.of());
        assertThat(signInFrom("127.0.0.4", other, "ip9@example.com")).as("another collection's rule").isEqualTo(400);
    }

    @Test
    void everyPocketBaseLabelIsAccepted() {
        List<String> labels = List.of("posts:create", "*:list", "*:file", "users:listAuthMethods", "/api/batch",
                "/api/", "POST /api/collections/", "/", "custom_tag");
        Response r = patch("/api/settings", Map.of("rateLimits", Map.of("rules",
                labels.stream().map(l -> rule(l, 3, 60, "")).toList())), superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("rateLimits").get("rules").get(0).get("label").asString()).isEqualTo("posts:create");
        assertThat(r.json().get("rateLimits").get("rules").size()).isEqualTo(labels.size());

        Response bad = patch("/api/settings", Map.of("rateLimits", Map.of("rules",
                List.of(rule("posts create", 3, 60, "")))), superuser());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("data").get("rateLimits.rules.0.label").get("code").asString())
                .isEqualTo("validation_match_invalid");
    }

    private int signInFrom(String localAddress, String users, String identity) throws Exception {
        HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName(localAddress)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/collections/" + users
                        + "/auth-with-password"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"identity\":\"" + identity + "\",\"password\":\"wrong-password\"}"))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
