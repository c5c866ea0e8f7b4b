package dev.basalt.hooks.js;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.realtime.SseStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;

/**
 * The mailer and realtime hook families of {@code families.pb.js} against a running server: each fires, changes what
 * it wraps, and stops it by not calling {@code e.next()}; and the same hooks of the Java API. Mails go to the log
 * (SMTP off), which shows each mail as the hooks left it.
 */
class MailerRealtimeHooksApiTest extends ServerHooksTest {
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
}
