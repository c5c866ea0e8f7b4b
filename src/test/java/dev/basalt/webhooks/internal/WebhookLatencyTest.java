package dev.basalt.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.ApiTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@value #DELIVERIES} creates, each announced once, signed, to a local receiver; prints the latency from sending
 * the create request (an upper bound: the commit comes later, inside the request) to the receipt, p50 and p99.
 * The figure is reported, not asserted: it depends on the machine.
 */
class WebhookLatencyTest extends ApiTest {
    static final int DELIVERIES = 200;
    private static final String SECRET = "latency-secret-0123456789";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyCommittedCreateIsDeliveredOnceAndQuickly() throws Exception {
        String name = "whlat" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        assertThat(post("/api/collections", Map.of("name", name,
                "fields", List.of(Map.of("name", "n", "type", "number"))), superuser()).status()).isEqualTo(200);
        try (Receiver receiver = new Receiver()) {
            assertThat(post("/api/collections/_webhooks/records", Map.of("url", receiver.url(), "collection", name,
                    "events", List.of("create"), "secret", SECRET, "active", true), superuser()).status())
                    .isEqualTo(200);
            Map<String, Long> committedAt = new HashMap<>();
            for (int i = 0; i < DELIVERIES; i++) {
                long sent = System.nanoTime(); // the commit is later: an upper bound of commit to receipt
                Response r = post("/api/collections/" + name + "/records", Map.of("n", i), superuser());
                committedAt.put(r.get("id").asString(), sent);
            }
            List<Long> micros = new ArrayList<>();
            Set<String> deliveries = new HashSet<>();
            for (int i = 0; i < DELIVERIES; i++) {
                Receiver.Received got = receiver.next(Duration.ofSeconds(30));
                assertThat(got).as("delivery %d of %d", i + 1, DELIVERIES).isNotNull();
                assertThat(got.signature())
                        .isEqualTo(Signatures.sign(SECRET, Long.parseLong(got.timestamp()), got.body()));
                assertThat(deliveries.add(got.delivery())).as("each delivery sent once").isTrue();
                String id = JSON.readTree(got.body()).get("record").get("id").asString();
                micros.add((got.receivedNanos() - committedAt.get(id)) / 1000);
            }
            assertThat(receiver.next(Duration.ofMillis(500))).isNull();
            Collections.sort(micros);
            System.out.printf("Webhook latency, create request to receipt, %d deliveries: p50 %.1f ms, p99 %.1f ms, "
                    + "max %.1f ms%n", DELIVERIES, micros.get(DELIVERIES / 2) / 1000.0,
                    micros.get(DELIVERIES * 99 / 100) / 1000.0, micros.get(DELIVERIES - 1) / 1000.0);
        }
    }
}
