package dev.basalt.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.BasaltApplication;
import dev.basalt.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sign-in guard out of the box (no settings saved): guessing from one address is slowed down, an owner whose
 * account is attacked from many addresses still signs in, an app signing in several users at once is not limited,
 * and behind a trusted proxy the guard counts per real client.
 */
@Tag("db")
class SignInGuardHttpTest {
    private static final String PASSWORD = "guard-password-123";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ConfigurableApplicationContext app;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        app = new SpringApplication(BasaltApplication.class).run("--server.port=0",
                "--basalt.dir=" + Files.createTempDirectory("basalt-guard"),
                "--basalt.db.url=" + TestDatabase.createDatabase(), "--basalt.db.user=" + TestDatabase.user(),
                "--basalt.db.password=" + TestDatabase.password());
        base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
        Superusers superusers = app.getBean(Superusers.class);
        for (String who : new String[] {"owner", "app1", "app2", "app3", "admin"}) {
            superusers.upsert(who + "@example.com", PASSWORD);
        }
        String token = signIn("admin@example.com", PASSWORD, null).body()
                .replaceAll("(?s).*\"token\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> saved = send("PATCH", "/api/settings",
                "{\"trustedProxy\":{\"headers\":[\"X-Forwarded-For\"],\"useLeftmostIP\":true}}", token, null);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).contains("\"trustedProxy\":{\"headers\":[\"X-Forwarded-For\"],\"useLeftmostIP\":true}");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void anAppSigningInSeveralUsersAtOnceIsNotLimited() throws Exception {
        for (String who : new String[] {"app1", "app2", "app3", "app1", "app2", "app3"}) {
            assertThat(signIn(who + "@example.com", PASSWORD, "198.51.100.7").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void guessingFromOneAddressIsDelayedWithoutLockingOthersOut() throws Exception {
        String attacker = "203.0.113.9";
        for (int i = 0; i < SignInGuard.PAIR_FREE_FAILURES; i++) {
            assertThat(signIn("app3@example.com", "wrong-" + i, attacker).statusCode()).isEqualTo(400);
        }
        assertThat(signIn("app3@example.com", "wrong-again", attacker).statusCode()).isEqualTo(400);
        HttpResponse<String> delayed = signIn("app3@example.com", PASSWORD, attacker);
        assertThat(delayed.statusCode()).as("delayed even with the right password").isEqualTo(429);
        assertThat(delayed.body()).startsWith("{\"status\":429,");
        assertThat(signIn("app3@example.com", PASSWORD, "198.51.100.8").statusCode())
                .as("the owner from their own address").isEqualTo(200);
    }

    @Test
    void anOwnerAttackedFromManyAddressesStillSignsIn() throws Exception {
        for (int i = 0; i < 50; i++) {
            assertThat(signIn("owner@example.com", "guess-" + i, "192.0.2." + (i + 1)).statusCode()).isEqualTo(400);
        }
        assertThat(signIn("owner@example.com", PASSWORD, "198.51.100.20").statusCode()).isEqualTo(200);
    }

    @Test
    void invalidRefreshTokensCountAsFailures() throws Exception {
        String client = "203.0.113.77";
        int[] statuses = new int[SignInGuard.ADDRESS_FREE_FAILURES + 2];
        for (int i = 0; i < statuses.length; i++) {
            statuses[i] = send("POST", "/api/collections/_superusers/auth-refresh",
                    "{\"refreshToken\":\"not-a-token-" + i + "\"}", null, client).statusCode();
        }
        assertThat(statuses[0]).isEqualTo(401);
        assertThat(statuses[statuses.length - 1]).isEqualTo(429);
    }

    private static HttpResponse<String> signIn(String email, String password, String forwardedFor) throws Exception {
        return send("POST", "/api/collections/_superusers/auth-with-password",
                "{\"identity\":\"" + email + "\",\"password\":\"" + password + "\"}", null, forwardedFor);
    }

    private static HttpResponse<String> send(String method, String path, String json, String token,
                                             String forwardedFor) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", token);
        }
        if (forwardedFor != null) {
            b.header("X-Forwarded-For", forwardedFor + ", 127.0.0.1");
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
