package dev.basalt.crons;

import dev.basalt.crons.internal.CronClaims;
import dev.basalt.crons.internal.CronMetrics;
import dev.basalt.crons.internal.CronSchedule;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The cron jobs of this node, as PocketBase's {@code app.Cron()}: modules {@link #add} their jobs at start (the
 * same id on every node), the scheduler calls {@link #runDue} at each minute, and {@code POST /api/crons/{id}}
 * calls {@link #runNow}. A scheduled run is claimed in the database first, so it happens on one node of the
 * cluster only; a run started by hand runs on the node that received it, as in PocketBase.
 */
@Component
public class CronRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(CronRegistry.class);
    /** Prefix of PocketBase's own job ids, listed after the application's jobs. */
    private static final String SYSTEM_PREFIX = "__";
    private final Map<String, Entry> jobs = new ConcurrentHashMap<>();
    private final CronClaims claims;
    private final CronMetrics metrics;
    private final ExecutorService runners = Executors.newVirtualThreadPerTaskExecutor();

    CronRegistry(CronClaims claims, CronMetrics metrics) {
        this.claims = claims;
        this.metrics = metrics;
    }

    /**
     * Adds a job, or replaces the one with the same id. {@code expression} is PocketBase's: five fields
     * ({@code minute hour day-of-month month day-of-week}, e.g. {@code 0 *&#47;6 * * *}) or a macro such as
     * {@code @daily}, evaluated in UTC. {@link IllegalArgumentException} when the id is blank or the expression
     * is invalid.
     */
    public void add(String id, String expression, Runnable task) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A cron job needs an id.");
        }
        CronSchedule schedule = CronSchedule.parse(expression);
        jobs.put(id, new Entry(id, schedule, java.util.Objects.requireNonNull(task, "task")));
        metrics.register(id);
    }

    /** Removes a job; false when there was none with this id. */
    public boolean remove(String id) {
        return jobs.remove(id) != null;
    }

    /** The jobs, the application's first by id, then the system ones ({@code __...__}) by id. */
    public List<CronJob> jobs() {
        List<CronJob> out = new ArrayList<>();
        jobs.values().forEach(e -> out.add(new CronJob(e.id(), e.schedule().text())));
        out.sort(Comparator.comparing((CronJob j) -> j.id().startsWith(SYSTEM_PREFIX)).thenComparing(CronJob::id));
        return out;
    }

    /** Starts the job now on this node, without waiting; false when no job has this id. */
    public boolean runNow(String id) {
        Entry entry = jobs.get(id);
        if (entry == null) {
            return false;
        }
        runners.execute(() -> execute(entry));
        return true;
    }

    /**
     * Runs the jobs due at {@code minute} (truncated to the minute) that this node claims; the future completes
     * with their ids when they have all finished. Called by the scheduler at each minute.
     */
    public CompletableFuture<List<String>> runDue(Instant minute) {
        Instant at = minute.truncatedTo(ChronoUnit.MINUTES);
        List<String> claimed = new ArrayList<>();
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (Entry entry : List.copyOf(jobs.values())) {
            if (entry.schedule().dueAt(at) && claim(entry.id(), at)) {
                claimed.add(entry.id());
                running.add(CompletableFuture.runAsync(() -> execute(entry), runners));
            }
        }
        if (at.atZone(java.time.ZoneOffset.UTC).getMinute() == 0) {
            runners.execute(() -> prune(at));
        }
        return CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).thenApply(v -> claimed);
    }

    private boolean claim(String id, Instant at) {
        try {
            return claims.claim(id, at);
        } catch (RuntimeException e) {
            LOG.warn("Cannot claim the run of cron job {} at {}: {}", id, at, e.getMessage());
            return false;
        }
    }

    private void prune(Instant at) {
        try {
            claims.prune(at);
        } catch (RuntimeException e) {
            LOG.warn("Cannot prune old cron claims: {}", e.getMessage());
        }
    }

    private void execute(Entry entry) {
        long startedAt = Instant.now().getEpochSecond();
        long start = System.nanoTime();
        boolean failed = false;
        try {
            entry.task().run();
        } catch (RuntimeException | Error e) {
            failed = true;
            LOG.warn("Cron job {} failed: {}", entry.id(), e.toString());
        } finally {
            metrics.ran(entry.id(), startedAt, System.nanoTime() - start, failed);
        }
    }

    private record Entry(String id, CronSchedule schedule, Runnable task) {
    }
}
