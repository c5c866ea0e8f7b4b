package dev.basalt.hooks.js;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.ApiTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The bound of live JS contexts, on a real server with {@code basalt.hooks-max-contexts=2} and the hook file of
 * {@code src/test/resources/js-pool-bound}: a route holds its context until released. With one held, a route whose
 * save runs a JS model hook still answers (the hook re-enters the route's context instead of waiting for a third);
 * with both held, a third request waits and is answered 503 with {@link JsPool#BUSY}; once released, all answer.
 */
@TestPropertySource(properties = {"basalt.hooks-dir=src/test/resources/js-pool-bound", "basalt.hooks-max-contexts=2"})
class JsPoolBoundApiTest extends ApiTest {
    private static final long WAIT_SECONDS = 60;

    @Test
    void aThirdRequestIsAnswered503WhileTwoHoldTheContextsAndNestedHooksNeverWait() throws Exception {
        collection("marks", List.of(Map.of("name", "n", "type", "text"), Map.of("name", "seen", "type", "bool")));
        collection("releases", List.of(Map.of("name", "n", "type", "text")));
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        try {
            Future<Response> first = threads.submit(() -> get("/api/hold/1", null));
            awaitMarks(1);
            Response nested = get("/api/nested", null);
            assertThat(nested.status()).as(nested.body()).isEqualTo(200);
            assertThat(get("/api/collections/marks/records?filter=n='nested'", null).get("items").get(0)
                    .get("seen").asBoolean()).isTrue();
            Future<Response> second = threads.submit(() -> get("/api/hold/2", null));
            awaitMarks(3);

            Response busy = get("/api/nested", null);
            assertThat(busy.status()).as(busy.body()).isEqualTo(503);
            assertThat(busy.get("message").asString()).isEqualTo(JsPool.BUSY);

            Response release = post("/api/collections/releases/records", Map.of("n", "now"), superuser());
            assertThat(release.status()).as(release.body()).isEqualTo(200);
            for (Future<Response> held : List.of(first, second)) {
                Response r = held.get(WAIT_SECONDS, TimeUnit.SECONDS);
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                assertThat(r.get("released").asBoolean()).isTrue();
            }
            assertThat(get("/api/nested", null).status()).isEqualTo(200);
        } finally {
            threads.shutdownNow();
        }
    }

    private void collection(String name, List<Map<String, String>> fields) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("listRule", "");
        c.put("fields", fields);
        Response created = post("/api/collections", c, superuser());
        assertThat(created.status()).as(created.body()).isEqualTo(200);
    }

    /** Waits until {@code count} marks are saved (the holding routes save theirs before they hold). */
    private void awaitMarks(int count) throws InterruptedException {
        for (int i = 0; i < WAIT_SECONDS * 10; i++) {
            if (get("/api/collections/marks/records", null).get("totalItems").asInt() >= count) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("fewer than " + count + " marks after " + WAIT_SECONDS + " s");
    }
}
