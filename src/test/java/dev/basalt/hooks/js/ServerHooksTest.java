package dev.basalt.hooks.js;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.hooks.Hooks;
import dev.basalt.realtime.SseStream;
import dev.basalt.testing.ApiTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of the hook-families tests: a running server with a real hook file ({@code hookfamilies/families.pb.js},
 * copied to a temporary hooks directory) and helpers. The subclasses share one Spring context.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class ServerHooksTest extends ApiTest {
    static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    Hooks hooks;

    @DynamicPropertySource
    static void hooksDir(DynamicPropertyRegistry registry) {
        try (InputStream in = ServerHooksTest.class.getResourceAsStream("/hookfamilies/families.pb.js")) {
            Path dir = Files.createTempDirectory("basalt-hookfamilies");
            Files.write(dir.resolve("families.pb.js"), in.readAllBytes());
            registry.add("basalt.hooks-dir", dir::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String users(String name) {
        Response r = post("/api/collections", Map.of("name", name, "type", "auth", "otp", Map.of("enabled", true,
                "length", 6)), superuser());
        assertThat(r.status()).as(r.body()).isIn(200, 400);
        return name;
    }

    void user(String collection, String email) {
        Response r = post("/api/collections/" + collection + "/records", Map.of("email", email, "password",
                "long-enough-1", "passwordConfirm", "long-enough-1"), superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    void collection(String name) {
        Response r = post("/api/collections", Map.of("name", name, "listRule", "", "viewRule", "", "fields",
                List.of(Map.of("name", "title", "type", "text"))), superuser());
        assertThat(r.status()).as(r.body()).isIn(200, 400);
    }

    Response subscribe(SseStream s, String... topics) {
        return post("/api/realtime", Map.of("clientId", s.clientId, "subscriptions", List.of(topics)), null);
    }
}
