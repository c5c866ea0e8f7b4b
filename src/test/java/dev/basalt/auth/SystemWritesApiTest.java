package dev.basalt.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.realtime.SseStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Writes the server makes on its own (the verified flag after a mail link or an OTP, a CLI password change) go
 * through the records write path as API writes do: {@code updated} moves and realtime subscribers get the update.
 */
class SystemWritesApiTest extends AuthFixtures {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Moves the clock so the write's {@code updated} differs from the sign-up's (milliseconds). */
    private static final Duration STEP = Duration.ofMillis(5);
    private static final Pattern TOKEN = Pattern.compile("/auth/confirm-verification/([A-Za-z0-9_.-]+)");
    private static final Pattern OTP = Pattern.compile("<strong>(\\d+)</strong>");
    private static TestSmtp smtp;

    @Autowired
    private Superusers superusers;

    @BeforeAll
    static void startSmtp() {
        smtp = new TestSmtp();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.close();
    }

    @Test
    void confirmingAVerificationMailBumpsUpdatedAndSendsAnUpdateEvent() throws Exception {
        useSmtp();
        String users = createUsers(Map.of());
        JsonNode user = signUp(users, "system-verify@example.com");
        try (SseStream events = new SseStream(baseUrl())) {
            subscribe(events, users + "/*");
            clock.advance(STEP);
            post(path(users, "request-verification"), Map.of("email", "system-verify@example.com"), null);
            String token = TestSmtp.find(smtp.mailTo("system-verify@example.com"), TOKEN);
            assertThat(post(path(users, "confirm-verification"), Map.of("token", token), null).status())
                    .isEqualTo(204);

            assertUpdated(events, users, user);
        }
    }

    @Test
    void anOtpSignInThatVerifiesBumpsUpdatedAndSendsAnUpdateEvent() throws Exception {
        useSmtp();
        String users = createUsers(Map.of("otp", Map.of("enabled", true, "length", 6)));
        JsonNode user = signUp(users, "system-otp@example.com");
        try (SseStream events = new SseStream(baseUrl())) {
            subscribe(events, users + "/*");
            clock.advance(STEP);
            String otpId = post(path(users, "request-otp"), Map.of("email", "system-otp@example.com"), null).json()
                    .get("otpId").asString();
            String code = TestSmtp.find(smtp.mailTo("system-otp@example.com"), OTP);
            Response signedIn = post(path(users, "auth-with-otp"), Map.of("otpId", otpId, "password", code), null);
            assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);

            assertUpdated(events, users, user);
        }
    }

    @Test
    void aCliPasswordChangeBumpsUpdatedAndSendsAnUpdateEvent() throws Exception {
        String email = "system-cli-" + System.nanoTime() + "@example.com";
        superusers.create(email, "first-Password-1");
        JsonNode before = get("/api/collections/_superusers/records?filter=" + java.net.URLEncoder.encode(
                "email='" + email + "'", java.nio.charset.StandardCharsets.UTF_8), superuser()).json()
                .get("items").get(0);
        try (SseStream events = new SseStream(baseUrl())) {
            subscribe(events, "_superusers/" + before.get("id").asString());
            clock.advance(STEP);
            assertThat(superusers.changePassword(email, "second-Password-2")).isTrue();

            assertUpdated(events, "_superusers", before);
        }
    }

    private void assertUpdated(SseStream events, String collection, JsonNode before) throws InterruptedException {
        String id = before.get("id").asString();
        SseStream.Event event = events.next(WAIT);
        assertThat(event).as("an update event").isNotNull();
        assertThat(event.data().get("action").asString()).isEqualTo("update");
        assertThat(event.data().get("record").get("id").asString()).isEqualTo(id);
        JsonNode after = get("/api/collections/" + collection + "/records/" + id, superuser()).json();
        assertThat(after.get("updated").asString()).isGreaterThan(before.get("updated").asString());
        assertThat(event.data().get("record").get("updated").asString()).isEqualTo(after.get("updated").asString());
    }

    private void subscribe(SseStream events, String topic) {
        Response r = post("/api/realtime", Map.of("clientId", events.clientId, "subscriptions", List.of(topic)),
                superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(204);
    }

    private void useSmtp() {
        Response r = patch("/api/settings", Map.of("smtp", Map.of("enabled", true, "host", "127.0.0.1",
                "port", smtp.port(), "username", "", "tls", false)), superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static String path(String collection, String action) {
        return "/api/collections/" + collection + "/" + action;
    }
}
