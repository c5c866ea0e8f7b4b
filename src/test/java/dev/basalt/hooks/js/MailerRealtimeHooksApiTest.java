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
 * The mailer and realtime hook families of a real hook file in a temporary hooks directory, against a running server:
 * each fires, changes what it wraps, and stops it by not calling {@code e.next()}; and the same hooks of the Java API.
 * Mails go to the log (SMTP off), which shows the mail as the hooks left it.
 */
@ExtendWith(OutputCaptureExtension.class)
class MailerRealtimeHooksApiTest extends ApiTest {
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
                e.subscriptions = e.subscriptions.map((s) => (s === "alias" ? "hkposts" : s));
                e.next();
            });
            onRealtimeMessageSend((e) => {
                if (e.message.name === "hkmuted") {
                    return; // skipped
                }
                if (e.message.name === "hkposts") {
                    const data = JSON.parse(e.message.data);
                    data.record.stamped = "by hook";
                    e.message.data = JSON.stringify(data);
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
            assertThat(subscribe(s, "alias", "hkmuted").status()).isEqualTo(204);
            post("/api/collections/hkmuted/records", Map.of("title", "muted"), superuser());
            post("/api/collections/hkposts/records", Map.of("title", "hello"), superuser());
            SseStream.Event event = s.next(WAIT);
            assertThat(event).isNotNull();
            assertThat(event.name()).as("the alias became hkposts; hkmuted's message was skipped")
                    .isEqualTo("hkposts");
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
