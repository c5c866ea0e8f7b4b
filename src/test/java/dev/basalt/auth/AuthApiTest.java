package dev.basalt.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Superuser sign-in, token refresh, token forms and invalidation by a password change. */
class AuthApiTest extends ApiTest {
    private static final String AUTH = "/api/collections/_superusers/auth-with-password";

    @Autowired
    Superusers superusers;

    @Test
    void signsInAndRefreshes() {
        Response r = post(AUTH, Map.of("identity", SUPERUSER_EMAIL.toUpperCase(), "password", SUPERUSER_PASSWORD), null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String token = r.json().get("token").asString();
        assertThat(token.split("\\.")).hasSize(3);
        assertThat(r.json().get("record").get("email").asString()).isEqualTo(SUPERUSER_EMAIL);
        assertThat(r.json().get("record").get("collectionName").asString()).isEqualTo("_superusers");
        assertThat(r.json().get("record").has("password")).isFalse();
        assertThat(r.json().get("record").has("tokenKey")).isFalse();

        Response refreshed = post("/api/collections/_superusers/auth-refresh", null, "Bearer " + token);
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.json().get("token").asString()).isNotBlank();

        assertThat(get("/api/collections", token).status()).isEqualTo(200);
        assertThat(get("/api/collections", "Bearer " + token).status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordAndBadTokensAreRefused() {
        Response r = post(AUTH, Map.of("identity", SUPERUSER_EMAIL, "password", "wrong-password"), null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("message").asString()).isEqualTo("Failed to authenticate.");
        assertThat(post(AUTH, Map.of("identity", "nobody@example.com", "password", "x"), null).status()).isEqualTo(400);

        assertThat(get("/api/collections", null).status()).isEqualTo(401);
        assertThat(get("/api/collections", "garbage").status()).isEqualTo(401);
        String tampered = superuser().substring(0, superuser().length() - 3) + "abc";
        assertThat(get("/api/collections", tampered).status()).isEqualTo(401);
        assertThat(post("/api/collections/_superusers/auth-refresh", null, null).status()).isEqualTo(401);
    }

    @Test
    void passwordChangeInvalidatesEarlierTokens() {
        superusers.upsert("second@example.com", "first-password-1");
        Response r = post(AUTH, Map.of("identity", "second@example.com", "password", "first-password-1"), null);
        String token = r.json().get("token").asString();
        assertThat(get("/api/collections", token).status()).isEqualTo(200);

        assertThat(superusers.upsert("second@example.com", "second-password-2")).isFalse();
        assertThat(get("/api/collections", token).status()).isEqualTo(401);
        r = post(AUTH, Map.of("identity", "second@example.com", "password", "second-password-2"), null);
        assertThat(r.status()).isEqualTo(200);
    }
}
