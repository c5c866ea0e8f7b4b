package dev.basalt.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.ApiTest;
import dev.basalt.testing.ReadmeBlocks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's receiver-side check of a webhook signature (its {@code js} block marked
 * {@code <!-- test: signature -->}), run by Node.js as written on a delivery Basalt really sent: it accepts that
 * delivery, and refuses the same one with a changed body or another secret.
 */
class ReadmeSignatureTest extends ApiTest {
    private static final String SECRET = "readme-receiver-secret-0123";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theReadmeSnippetAcceptsARealDeliveryAndRefusesATamperedOne() throws Exception {
        String name = "rs" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        assertThat(post("/api/collections", Map.of("name", name, "createRule", "",
                "fields", List.of(Map.of("name", "title", "type", "text"))), superuser()).status()).isEqualTo(200);
        try (Receiver receiver = new Receiver()) {
            assertThat(post("/api/collections/_webhooks/records", Map.of("url", receiver.url(), "collection", name,
                    "events", List.of("create"), "secret", SECRET, "active", true), superuser()).status())
                    .isEqualTo(200);
            assertThat(post("/api/collections/" + name + "/records", Map.of("title", "signed"), null).status())
                    .isEqualTo(200);
            Receiver.Received got = receiver.next(Duration.ofSeconds(15));
            assertThat(got).as("a delivery").isNotNull();

            assertThat(snippet(SECRET, got.timestamp(), got.body(), got.signature())).isEqualTo("true");
            assertThat(snippet(SECRET, got.timestamp(), got.body().replace("signed", "forged"), got.signature()))
                    .isEqualTo("false");
            assertThat(snippet("another-secret-0123456789", got.timestamp(), got.body(), got.signature()))
                    .isEqualTo("false");
        }
    }

    /** Runs the README's snippet with these values in scope; returns what {@code ok} was. */
    private static String snippet(String secret, String ts, String rawBody, String signature) throws Exception {
        String code = "import crypto from 'node:crypto';\n"
                + "const secret = " + JSON.writeValueAsString(secret) + ";\n"
                + "const ts = " + JSON.writeValueAsString(ts) + ";\n"
                + "const rawBody = " + JSON.writeValueAsString(rawBody) + ";\n"
                + "const req = { headers: { 'x-basalt-signature': " + JSON.writeValueAsString(signature) + " } };\n"
                + ReadmeBlocks.marked("signature", "js") + "console.log(ok);\n";
        Path file = Files.createTempFile("readme-signature", ".mjs");
        Files.writeString(file, code);
        Process node = new ProcessBuilder("node", file.toString()).redirectErrorStream(true).start();
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(node.exitValue()).as(out).isZero();
        return out;
    }
}
