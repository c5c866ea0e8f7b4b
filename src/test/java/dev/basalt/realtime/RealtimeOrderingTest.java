package dev.basalt.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.ApiTest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ordering guarantee: a subscription receives every change committed after its POST was answered and none
 * committed before. Deterministic: the fan-out is held up by a table lock (a rule reading another collection waits
 * for it) while the earlier write is answered and the subscription made, so that write's event is certainly still
 * on its way when the subscription takes effect.
 */
class RealtimeOrderingTest extends ApiTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    private DataSource dataSource;

    private Response subscribe(SseStream s, String... subscriptions) {
        return post("/api/realtime", Map.of("clientId", s.clientId, "subscriptions", List.of(subscriptions)), null);
    }

    private void create(String collection, String title) {
        Response r = post("/api/collections/" + collection + "/records", Map.of("title", title), superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private void collection(String name, String listRule) {
        Response r = post("/api/collections", Map.of("name", name, "listRule", listRule,
                "fields", List.of(Map.of("name", "title", "type", "text"))), superuser());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private static String title(SseStream.Event e) {
        assertThat(e).as("an event within " + WAIT).isNotNull();
        return e.data().at("/record/title").asString();
    }

    @Test
    void aWriteAnsweredBeforeTheSubscriptionIsNeverDeliveredToItALaterOneIs() throws Exception {
        collection("rt_gate", "");
        create("rt_gate", "open");
        // Checked in SQL (it reads another table), so the fan-out waits while rt_gate is locked.
        collection("rt_ordered", "@collection.rt_gate.title = 'open'");
        try (SseStream early = new SseStream(baseUrl()); SseStream late = new SseStream(baseUrl())) {
            assertThat(subscribe(early, "rt_ordered/*").status()).isEqualTo(204);
            try (Connection gate = dataSource.getConnection(); Statement s = gate.createStatement()) {
                gate.setAutoCommit(false);
                s.execute("LOCK TABLE \"rt_gate\" IN ACCESS EXCLUSIVE MODE");
                create("rt_ordered", "held"); // its rule check for `early` waits for the lock
                create("rt_ordered", "before"); // committed and answered; its event queued behind "held"
                assertThat(subscribe(late, "rt_ordered/*").status()).isEqualTo(204);
                gate.rollback();
            }
            create("rt_ordered", "after");

            assertThat(List.of(title(early.next(WAIT)), title(early.next(WAIT)), title(early.next(WAIT))))
                    .as("the earlier subscription receives all three, in commit order")
                    .containsExactly("held", "before", "after");
            assertThat(title(late.next(WAIT))).as("committed before the subscription: never delivered")
                    .isEqualTo("after");
            assertThat(late.quiet()).isNull();
        }
    }

    @Test
    void reSubscribingKeepsTheSubscriptionsAlreadyMade() throws Exception {
        collection("rt_kept", "");
        collection("rt_added", "");
        try (SseStream s = new SseStream(baseUrl())) {
            assertThat(subscribe(s, "rt_kept/*").status()).isEqualTo(204);
            create("rt_kept", "one");
            // The SDKs post the whole list again when a topic is added; the kept one keeps its start.
            assertThat(subscribe(s, "rt_kept/*", "rt_added/*").status()).isEqualTo(204);
            create("rt_added", "two");
            assertThat(title(s.next(WAIT))).isEqualTo("one");
            assertThat(title(s.next(WAIT))).isEqualTo("two");
            assertThat(subscribe(s, "rt_added/*").status()).isEqualTo(204);
            create("rt_kept", "dropped");
            create("rt_added", "three");
            assertThat(title(s.next(WAIT))).as("rt_kept is no longer subscribed").isEqualTo("three");
            assertThat(s.quiet()).isNull();
        }
    }
}
