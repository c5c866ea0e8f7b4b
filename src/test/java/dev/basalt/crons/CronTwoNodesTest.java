package dev.basalt.crons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.basalt.BasaltApplication;
import dev.basalt.testing.TestDatabase;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Two Basalt nodes on one database: a scheduled run happens on one of them only. */
@Tag("db")
class CronTwoNodesTest {
    private static final long WAIT_SECONDS = 20;

    private static ConfigurableApplicationContext node(String databaseUrl) throws Exception {
        // the real scheduler stays off: the test drives the minute itself, on both nodes at once
        return new SpringApplication(BasaltApplication.class).run("--server.port=0", "--basalt.crons.enabled=false",
                "--basalt.dir=" + Files.createTempDirectory("basalt-node"), "--basalt.db.url=" + databaseUrl,
                "--basalt.db.user=" + TestDatabase.user(), "--basalt.db.password=" + TestDatabase.password());
    }

    @Test
    void eachScheduledRunHappensOnOneNodeOnly() throws Exception {
        String url = TestDatabase.createDatabase();
        AtomicInteger runs = new AtomicInteger();
        try (ConfigurableApplicationContext a = node(url); ConfigurableApplicationContext b = node(url);
             ExecutorService threads = Executors.newFixedThreadPool(2)) {
            CronRegistry onA = a.getBean(CronRegistry.class);
            CronRegistry onB = b.getBean(CronRegistry.class);
            onA.add("shared_job", "*/5 * * * *", runs::incrementAndGet);
            onB.add("shared_job", "*/5 * * * *", runs::incrementAndGet);

            for (int minute = 5; minute <= 15; minute += 5) {
                Instant at = Instant.parse("2026-01-01T10:%02d:00Z".formatted(minute));
                CyclicBarrier together = new CyclicBarrier(2);
                CompletableFuture<List<String>> fromA =
                        CompletableFuture.supplyAsync(() -> due(onA, at, together), threads);
                CompletableFuture<List<String>> fromB =
                        CompletableFuture.supplyAsync(() -> due(onB, at, together), threads);
                List<String> ranOnA = fromA.get(WAIT_SECONDS, TimeUnit.SECONDS);
                List<String> ranOnB = fromB.get(WAIT_SECONDS, TimeUnit.SECONDS);
                assertThat(ranOnA.size() + ranOnB.size()).as("runs at " + at).isEqualTo(1);
            }
            assertThat(runs.get()).isEqualTo(3);

            Instant notDue = Instant.parse("2026-01-01T10:07:00Z");
            assertThat(onA.runDue(notDue).get(WAIT_SECONDS, TimeUnit.SECONDS)).isEmpty();
            Instant again = Instant.parse("2026-01-01T10:05:00Z");
            assertThat(onA.runDue(again).get(WAIT_SECONDS, TimeUnit.SECONDS)).as("a claimed run is not repeated")
                    .isEmpty();
            assertThat(runs.get()).isEqualTo(3);
        }
    }

    private static List<String> due(CronRegistry registry, Instant at, CyclicBarrier together) {
        try {
            together.await(WAIT_SECONDS, TimeUnit.SECONDS);
            return registry.runDue(at).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
