package dev.basalt.logs.internal;

import dev.basalt.logs.LogsConfig;
import dev.basalt.logs.LogsHooks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The queue between the threads that produce log entries and the database: {@link #offer} never blocks (a full
 * queue drops the entry and counts it in {@code basalt_logs_dropped_total}); one thread per node gathers entries for
 * up to {@link #LINGER} and writes them in batches of up to {@link #BATCH} rows, applying the {@code logs} settings
 * then.
 */
@Component
public class LogWriter implements SmartLifecycle {
    /** Entries waiting at most; past this, new ones are dropped. */
    static final int CAPACITY = 10_000;
    /** Rows per INSERT. */
    static final int BATCH = 500;
    /** Longest wait for the last entries at shutdown. */
    private static final Duration DRAIN_AT_STOP = Duration.ofSeconds(5);
    /** How long the writer waits for more entries after the first of a batch. */
    static final Duration LINGER = Duration.ofMillis(200);
    /** How often an idle writer wakes to re-read the settings and check for shutdown. */
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Logger LOG = LoggerFactory.getLogger(LogWriter.class);
    private final BlockingQueue<PendingLog> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong done = new AtomicLong();
    private final LogTable table;
    private final ObjectProvider<LogsHooks> hooks;
    private final Counter dropped;
    private volatile Thread thread;
    private volatile boolean running;
    private volatile LogsConfig lastConfig = LogsConfig.DEFAULTS;
    private volatile Runnable housekeeping = () -> { };

    LogWriter(LogTable table, ObjectProvider<LogsHooks> hooks, MeterRegistry meters) {
        this.table = table;
        this.hooks = hooks;
        this.dropped = Counter.builder("basalt.logs.dropped")
                .description("Log entries dropped: queue full or write failed").register(meters);
        Gauge.builder("basalt.logs.queued", queue, BlockingQueue::size).description("Log entries waiting to be written")
                .register(meters);
    }

    /** Queues an entry without blocking; false (and counted) when the queue is full. */
    boolean offer(PendingLog entry) {
        if (queue.offer(entry)) {
            accepted.incrementAndGet();
            return true;
        }
        dropped.increment();
        return false;
    }

    /** A cheap check the writer thread runs at least every {@link #POLL} (see {@link AppLogCapture}). */
    void housekeeping(Runnable task) {
        housekeeping = task;
    }

    /** The settings last read by the writer (what the app log capture uses, so it never reads them itself). */
    LogsConfig config() {
        return lastConfig;
    }

    /**
     * Waits until every entry queued before the call has been written (or dropped), at most {@code timeout};
     * false on timeout. For tests and shutdown: entries are written within moments anyway.
     */
    public boolean flush(Duration timeout) throws InterruptedException {
        long target = accepted.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (done.get() < target) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    private void loop() {
        List<PendingLog> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                PendingLog first = queue.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
                runHousekeeping();
                if (first == null) {
                    refreshConfig();
                    continue;
                }
                batch.add(first);
                gather(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            write(batch);
        }
    }

    /**
     * Adds what arrives within {@link #LINGER} of the first entry, up to {@link #BATCH}: a few large statements cost
     * PostgreSQL far less per row than many small ones (each is a statement and a commit).
     */
    private void gather(List<PendingLog> batch) throws InterruptedException {
        long deadline = System.nanoTime() + LINGER.toNanos();
        while (batch.size() < BATCH) {
            queue.drainTo(batch, BATCH - batch.size());
            long left = deadline - System.nanoTime();
            if (batch.size() >= BATCH || left <= 0 || !running) {
                return;
            }
            PendingLog next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
        }
    }

    private void write(List<PendingLog> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            table.insert(batch, refreshConfig());
        } catch (RuntimeException e) {
            dropped.increment(batch.size());
            LOG.warn("Cannot write {} log entries: {}", batch.size(), e.toString());
        } finally {
            done.addAndGet(batch.size());
            batch.clear();
        }
    }

    private void runHousekeeping() {
        try {
            housekeeping.run();
        } catch (RuntimeException e) {
            LOG.debug("Log writer housekeeping failed: {}", e.toString());
        }
    }

    private LogsConfig refreshConfig() {
        try {
            LogsHooks h = hooks.getIfAvailable();
            lastConfig = h == null ? LogsConfig.DEFAULTS : h.logsConfig();
        } catch (RuntimeException e) {
            LOG.debug("Cannot read the logs settings, keeping the last ones: {}", e.toString());
        }
        return lastConfig;
    }

    @Override
    public void start() {
        running = true;
        Thread t = new Thread(this::loop, "basalt-log-writer");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Lets the writer finish what is queued (at most {@link #DRAIN_AT_STOP}), without interrupting a write. */
    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        thread = null;
        if (t != null) {
            try {
                t.join(DRAIN_AT_STOP.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    /** Starts before and stops after the web server, so the last requests' entries are written. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE / 2;
    }
}
