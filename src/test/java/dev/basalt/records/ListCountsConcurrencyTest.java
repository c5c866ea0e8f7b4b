package dev.basalt.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.testing.ApiTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * List totals from the count cache stay exact while records are created, updated and deleted concurrently. Each
 * reader takes {@code count(*)} before and after its request; every filter is monotonic during the run (kind 'a'
 * only grows, 'b' only shrinks, 'c' rows only move to 'd'), so the total answered must lie between the two. After the
 * writers stop, every total equals {@code count(*)}, and the cache must have answered some totals. Each write to
 * these collections holds its transaction open for {@link #LAG_MS} after the row is written, so reads do land
 * between a write and its commit; the writers write in bursts with quiet pauses, so reads also land where the cache
 * may answer.
 */
@Import(ListCountsConcurrencyTest.SlowCommits.class)
class ListCountsConcurrencyTest extends ApiTest {
    private static final int WRITES_PER_WRITER = 50;
    /** Rows of kinds 'b' and 'c' at the start: the writers delete or move every one of them. */
    private static final int SEEDED = WRITES_PER_WRITER;
    private static final List<String> KINDS = List.of("a", "b", "c", "d");
    /** How long a write to a {@code counted_} collection waits between its row and its commit. */
    private static final long LAG_MS = 15;
    /** The writers pause together after this many writes each, so that reads also land while nothing is in flight. */
    private static final int WRITES_PER_BURST = 10;
    /** How long the writers pause between bursts. */
    private static final long PAUSE_MS = 150;
    private static final int WRITERS = 4;

    @Autowired
    DSLContext dsl;
    @Autowired
    ListCounts counts;

    @Test
    void totalsStayBetweenTheCountsBeforeAndAfterEachRead() throws Exception {
        String name = "counted_" + Long.toString(System.nanoTime(), 36);
        Response made = post("/api/collections", Map.of("name", name, "listRule", "", "createRule", "",
                "updateRule", "", "deleteRule", "", "fields", List.of(Map.of("name", "kind", "type", "text"))),
                superuser());
        assertThat(made.status()).as(made.body()).isEqualTo(200);
        String records = "/api/collections/" + name + "/records";
        ConcurrentLinkedQueue<String> kindB = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> kindC = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < SEEDED; i++) {
            kindB.add(create(records, "b"));
            kindC.add(create(records, "c"));
        }
        awaitCacheHit(records + "?filter=" + filter("a"));

        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        long hitsBefore = counts.hits();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 3);
        CyclicBarrier bursts = new CyclicBarrier(WRITERS, ListCountsConcurrencyTest::pause);
        List<Future<?>> writers = new ArrayList<>();
        writers.add(pool.submit(() -> write(bursts, () -> create(records, "a"))));
        writers.add(pool.submit(() -> write(bursts, () -> create(records, "a"))));
        writers.add(pool.submit(() -> write(bursts, () -> status(delete(records + "/" + kindB.remove(), null)))));
        writers.add(pool.submit(() -> write(bursts, () -> status(patch(records + "/" + kindC.remove(),
                Map.of("kind", "d"), null)))));
        List<Future<?>> readers = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            readers.add(pool.submit(() -> {
                while (writing.get()) {
                    String kind = KINDS.get(ThreadLocalRandom.current().nextInt(KINDS.size()));
                    long before = countNow(name, kind);
                    Response list = get(records + "?perPage=5&filter=" + filter(kind), null);
                    long after = countNow(name, kind);
                    long total = list.get("totalItems").asLong();
                    reads.incrementAndGet();
                    if (total < Math.min(before, after) || total > Math.max(before, after)) {
                        failures.add("kind " + kind + ": total " + total + " outside [" + before + ", " + after + "]");
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : writers) {
            w.get();
        }
        writing.set(false);
        for (Future<?> r : readers) {
            r.get();
        }
        pool.shutdown();
        long hitsDuring = counts.hits() - hitsBefore;

        assertThat(failures).as("after %d reads", reads.get()).isEmpty();
        assertThat(hitsDuring).as("totals answered from the cache during the writes").isPositive();
        for (String kind : KINDS) {
            for (int i = 0; i < 2; i++) { // the second is answered from the cache
                long total = get(records + "?filter=" + filter(kind), null).get("totalItems").asLong();
                assertThat(total).as("kind " + kind).isEqualTo(countNow(name, kind));
            }
        }
        assertThat(get(records, null).get("totalItems").asLong())
                .isEqualTo(dsl.fetchCount(DSL.table(DSL.name(name))));
        assertThat(countNow(name, "a")).isEqualTo(2L * WRITES_PER_WRITER);
        assertThat(countNow(name, "b")).isZero();
        assertThat(countNow(name, "d")).isEqualTo(SEEDED);
    }

    @Test
    void eachCallerHasATotalOfItsOwn() {
        String suffix = Long.toString(System.nanoTime(), 36);
        String users = "cusers_" + suffix;
        String notes = "cnotes_" + suffix;
        assertThat(post("/api/collections", Map.of("name", users, "type", "auth", "createRule", ""), superuser())
                .status()).isEqualTo(200);
        Response made = post("/api/collections", Map.of("name", notes, "listRule", "owner = @request.auth.id",
                "createRule", "@request.auth.id != '' && owner = @request.auth.id", "fields", List.of(
                        Map.of("name", "owner", "type", "text"))), superuser());
        assertThat(made.status()).as(made.body()).isEqualTo(200);
        String records = "/api/collections/" + notes + "/records";
        List<String> tokens = new ArrayList<>();
        for (int who = 0; who < 2; who++) {
            String email = "u" + who + "@" + suffix + ".example.com";
            Response user = post("/api/collections/" + users + "/records", Map.of("email", email,
                    "password", "password-123", "passwordConfirm", "password-123"), null);
            assertThat(user.status()).as(user.body()).isEqualTo(200);
            String token = post("/api/collections/" + users + "/auth-with-password",
                    Map.of("identity", email, "password", "password-123"), null).get("token").asString();
            tokens.add(token);
            for (int i = 0; i <= who * 2; i++) { // user 0 owns 1 note, user 1 owns 3
                assertThat(post(records, Map.of("owner", user.get("id").asString()), token).status()).isEqualTo(200);
            }
        }
        long hits = counts.hits();
        for (int round = 0; round < 3; round++) {
            assertThat(get(records, tokens.get(0)).get("totalItems").asLong()).isEqualTo(1);
            assertThat(get(records, tokens.get(1)).get("totalItems").asLong()).isEqualTo(3);
            assertThat(get(records, null).get("totalItems").asLong()).isZero();
        }
        assertThat(counts.hits()).as("later rounds answered from the cache").isGreaterThan(hits);
    }

    /** Keeps each write's transaction open a while after its row is written (listeners run before the commit). */
    @TestConfiguration
    static class SlowCommits {
        @Bean
        RecordWriteListener slowCommits() {
            return write -> {
                if (write.collection().name().startsWith("counted_")) {
                    try {
                        Thread.sleep(LAG_MS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
        }
    }

    private void awaitCacheHit(String path) throws InterruptedException {
        long hits = counts.hits();
        for (int i = 0; i < 100 && counts.hits() == hits; i++) { // the node checks it is alone at most every second
            assertThat(get(path, null).status()).isEqualTo(200);
            Thread.sleep(50);
        }
        assertThat(counts.hits()).as("the cache answers on a single node").isGreaterThan(hits);
    }

    /**
     * Runs one writer's writes. Between bursts all writers wait for each other and pause together: with four
     * writers and {@link #LAG_MS} per commit a write is nearly always in flight, and no total is cached then.
     */
    private static Void write(CyclicBarrier bursts, Runnable one) throws Exception {
        for (int i = 1; i <= WRITES_PER_WRITER; i++) {
            one.run();
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 8));
            if (i % WRITES_PER_BURST == 0) {
                bursts.await();
            }
        }
        return null;
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String create(String records, String kind) {
        Response r = post(records, Map.of("kind", kind), null);
        status(r);
        return r.get("id").asString();
    }

    private static Void status(Response r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 204);
        return null;
    }

    private long countNow(String table, String kind) {
        return dsl.fetchCount(DSL.table(DSL.name(table)), DSL.field(DSL.name("kind"), String.class).eq(kind));
    }

    private static String filter(String kind) {
        return URLEncoder.encode("kind = '" + kind + "'", StandardCharsets.UTF_8);
    }
}
