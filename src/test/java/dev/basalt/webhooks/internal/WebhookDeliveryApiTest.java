package dev.basalt.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.ApiTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks over real HTTP against a local receiver: signed delivery after a failed first attempt, nothing for a
 * rolled-back batch, {@code events}/{@code collection}/{@code active} filtering, replay of a failed delivery, two
 * dispatchers (two nodes) sharing the outbox without sending anything twice.
 */
class WebhookDeliveryApiTest extends ApiTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String SECRET = "receiver-secret-0123456789";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private Dispatcher dispatcher;
    @Autowired
    private org.springframework.context.ApplicationContext context;

    private Receiver receiver;
    private String notes;
    private String notesId;

    @BeforeEach
    void receiverAndCollection() throws Exception {
        receiver = new Receiver();
        notes = "wh" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", notes);
        c.put("listRule", "");
        c.put("viewRule", "");
        c.put("createRule", "");
        c.put("updateRule", "");
        c.put("deleteRule", "");
        c.put("fields", List.of(Map.of("name", "title", "type", "text", "required", true),
                Map.of("name", "note", "type", "text", "hidden", true)));
        Response r = post("/api/collections", c, superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        notesId = r.get("id").asString();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void failedFirstAttemptIsRetriedAndDeliveredSigned() throws Exception {
        webhook(notes, List.of("create"), true);
        receiver.failNext(1);
        String id = create(Map.of("title", "hello", "note", "hidden text"));

        Receiver.Received first = receiver.next(WAIT);
        assertThat(first).as("first attempt").isNotNull();
        JsonNode pending = awaitDelivery(id, d -> d.get("attempts").asInt() == 1);
        assertThat(pending.get("status").asString()).isEqualTo("pending");
        assertThat(pending.get("responseStatus").asInt()).isEqualTo(500);
        assertThat(pending.get("lastError").asString()).contains("500");

        assertThat(receiver.next(Duration.ofMillis(300))).as("no retry before the backoff").isNull();
        clock.advance(Dispatcher.FIRST_RETRY);
        dispatcher.wake();
        Receiver.Received second = receiver.next(WAIT);
        assertThat(second).as("retry").isNotNull();
        assertThat(second.delivery()).isEqualTo(first.delivery()).isEqualTo(pending.get("id").asString());
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.signature())
                .isEqualTo(Signatures.sign(SECRET, Long.parseLong(second.timestamp()), second.body()))
                .isEqualTo("sha256=" + hmacHex(second.timestamp() + "." + second.body()));
        assertThat(Long.parseLong(second.timestamp())).isCloseTo(clock.instant().getEpochSecond(),
                org.assertj.core.data.Offset.offset(60L));

        JsonNode body = JSON.readTree(second.body());
        assertThat(body.get("action").asString()).isEqualTo("create");
        assertThat(body.get("collection").asString()).isEqualTo(notes);
        assertThat(body.get("record").get("id").asString()).isEqualTo(id);
        assertThat(body.get("record").get("note").asString()).as("hidden fields, as superusers see them")
                .isEqualTo("hidden text");

        JsonNode delivered = awaitDelivery(id, d -> d.get("status").asString().equals("delivered"));
        assertThat(delivered.get("attempts").asInt()).isEqualTo(2);
        assertThat(delivered.get("responseStatus").asInt()).isEqualTo(200);
        assertThat(delivered.get("lastError").asString()).isEmpty();
    }

    @Test
    void aRolledBackBatchSendsNothing() throws Exception {
        webhook(notes, List.of("create"), true);
        Response r = post("/api/batch", Map.of("requests", List.of(
                Map.of("method", "POST", "url", records(), "body", Map.of("id", "rolledback00001", "title", "a")),
                Map.of("method", "POST", "url", records(), "body", Map.of("note", "no title")))), superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        String marker = create(Map.of("title", "committed"));

        Receiver.Received only = receiver.next(WAIT);
        assertThat(JSON.readTree(only.body()).get("record").get("id").asString()).isEqualTo(marker);
        assertThat(deliveries("record='rolledback00001'")).isEmpty();
        assertThat(receiver.next(Duration.ofMillis(500))).isNull();
    }

    @Test
    void eventsCollectionAndActiveFilterWhatIsSent() throws Exception {
        String changes = webhook(notesId, List.of("update", "delete"), true); // by collection id
        String inactive = webhook(notes, List.of("create", "update", "delete"), false);
        String elsewhere = webhook("some_other_collection", List.of("create", "update", "delete"), true);

        String id = create(Map.of("title", "v1"));
        assertThat(patch(records() + "/" + id, Map.of("title", "v2"), superuser()).status()).isEqualTo(200);
        assertThat(delete(records() + "/" + id, superuser()).status()).isEqualTo(204);

        assertThat(deliveries("webhook='" + changes + "'")).extracting(d -> d.get("action").asString())
                .containsExactlyInAnyOrder("update", "delete");
        assertThat(deliveries("webhook='" + inactive + "'")).isEmpty();
        assertThat(deliveries("webhook='" + elsewhere + "'")).isEmpty();
        List<String> actions = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Receiver.Received got = receiver.next(WAIT);
            assertThat(got).isNotNull();
            actions.add(JSON.readTree(got.body()).get("action").asString());
        }
        assertThat(actions).containsExactlyInAnyOrder("update", "delete");
        assertThat(receiver.next(Duration.ofMillis(500))).isNull();
    }

    @Test
    void aFailedDeliveryCanBeReplayedBySuperusersOnly() throws Exception {
        String hook = webhook(notes, List.of("create"), true);
        receiver.failNext(1);
        String id = create(Map.of("title", "replay me"));
        assertThat(receiver.next(WAIT)).isNotNull();
        awaitDelivery(id, d -> d.get("attempts").asInt() == 1);
        assertThat(patch("/api/collections/_webhooks/records/" + hook, Map.of("active", false), superuser())
                .status()).isEqualTo(200);
        clock.advance(Dispatcher.FIRST_RETRY);
        dispatcher.wake();
        JsonNode failed = awaitDelivery(id, d -> d.get("status").asString().equals("failed"));
        assertThat(failed.get("lastError").asString()).isEqualTo("the webhook is inactive");
        assertThat(receiver.next(Duration.ofMillis(300))).as("nothing sent for an inactive webhook").isNull();

        String replay = "/api/webhooks/deliveries/" + failed.get("id").asString() + "/replay";
        assertThat(post(replay, Map.of(), null).status()).isEqualTo(401);
        assertThat(post("/api/webhooks/deliveries/nosuchdelivery/replay", Map.of(), superuser()).status())
                .isEqualTo(404);
        patch("/api/collections/_webhooks/records/" + hook, Map.of("active", true), superuser());
        assertThat(post(replay, Map.of(), superuser()).status()).isEqualTo(204);
        Receiver.Received again = receiver.next(WAIT);
        assertThat(again.delivery()).isEqualTo(failed.get("id").asString());
        assertThat(awaitDelivery(id, d -> d.get("status").asString().equals("delivered")).get("attempts").asInt())
                .isEqualTo(3);
    }

    @Test
    void twoDispatchersOnOneDatabaseSendEachDeliveryOnce() throws Exception {
        // a second node's dispatcher, competing for the same outbox rows
        Dispatcher other = new Dispatcher(context.getBean(org.jooq.DSLContext.class),
                context.getBean(dev.basalt.collections.CollectionRegistry.class),
                context.getBean(dev.basalt.records.RecordReads.class), context.getBean(WebhookSender.class),
                context.getBean(WebhookSecrets.class), context.getBean(dev.basalt.webhooks.WebhookSettings.class), clock);
        other.start();
        try {
            webhook(notes, List.of("create"), true);
            int count = 40;
            for (int i = 0; i < count; i++) {
                create(Map.of("title", "n" + i));
                other.wake();
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < count; i++) {
                Receiver.Received got = receiver.next(WAIT);
                assertThat(got).as("delivery %d", i).isNotNull();
                assertThat(seen.add(got.delivery())).as("sent once: %s", got.delivery()).isTrue();
            }
            assertThat(receiver.next(Duration.ofMillis(500))).isNull();
        } finally {
            other.stop();
        }
    }

    @Test
    void webhooksAndDeliveriesAreForSuperusersOnly() {
        webhook(notes, List.of("create"), true);
        assertThat(get("/api/collections/_webhooks/records", null).status()).isEqualTo(403);
        assertThat(get("/api/collections/_webhookDeliveries/records", null).status()).isEqualTo(403);
        Response list = get("/api/collections/_webhooks/records?perPage=500", superuser());
        assertThat(list.get("items").get(0).has("secret")).as("hidden, shown to superusers").isTrue();
        Response generated = post("/api/collections/_webhooks/records", Map.of("url", receiver.url(),
                "collection", notes, "events", List.of("create"), "active", false), superuser());
        assertThat(generated.get("secret").asString()).hasSize(40);
    }

    @Test
    void finishedDeliveriesOlderThanTheKeepTimeArePurgedDaily() throws Exception {
        webhook(notes, List.of("create"), true);
        String old = create(Map.of("title", "old"));
        awaitDelivery(old, d -> d.get("status").asString().equals("delivered"));
        context.getBean(org.jooq.DSLContext.class).update(DeliveryTable.TABLE)
                .set(DeliveryTable.UPDATED, java.time.OffsetDateTime.now(clock).minusDays(8))
                .where(DeliveryTable.RECORD.eq(old)).execute(); // delivered 8 days ago
        String recent = create(Map.of("title", "recent"));
        awaitDelivery(recent, d -> d.get("status").asString().equals("delivered"));

        Response jobs = get("/api/crons", superuser());
        assertThat(jobs.body()).contains(DeliveriesCleanup.JOB);
        assertThat(context.getBean(DeliveriesCleanup.class).purge()).isPositive();
        assertThat(deliveries("record='" + old + "'")).as("delivered 8 days ago").isEmpty();
        assertThat(deliveries("record='" + recent + "'")).as("delivered just now").hasSize(1);
    }

    private String webhook(String collection, List<String> events, boolean active) {
        Response r = post("/api/collections/_webhooks/records", Map.of("url", receiver.url(),
                "collection", collection, "events", events, "secret", SECRET, "active", active), superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.get("id").asString();
    }

    private String create(Map<String, Object> body) {
        Response r = post(records(), body, superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.get("id").asString();
    }

    private String records() {
        return "/api/collections/" + notes + "/records";
    }

    private List<JsonNode> deliveries(String filter) {
        Response r = get("/api/collections/_webhookDeliveries/records?perPage=500&filter="
                + java.net.URLEncoder.encode(filter, java.nio.charset.StandardCharsets.UTF_8), superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        r.get("items").forEach(items::add);
        return items;
    }

    /** The delivery of this record once it satisfies {@code done}; polls the API, fails after {@link #WAIT}. */
    private JsonNode awaitDelivery(String recordId, java.util.function.Predicate<JsonNode> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<JsonNode> found = List.of();
        while (System.nanoTime() < deadline) {
            found = deliveries("record='" + recordId + "'");
            if (found.size() == 1 && done.test(found.get(0))) {
                return found.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("delivery of " + recordId + " not in the expected state: " + found);
    }

    private static String hmacHex(String signed) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(
                mac.doFinal(signed.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
