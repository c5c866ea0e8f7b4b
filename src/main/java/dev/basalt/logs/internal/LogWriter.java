package dev.basalt.logs.internal;

import dev.basalt.logs.LogsConfig;
import dev.basalt.logs.LogsHooks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The queue between the threads that produce log entries and the database: {@link #offer} never blocks and never
 * wakes anyone (a full queue drops the entry and counts it in {@code basalt_logs_dropped_total}); one thread per node
 * wakes every {@link #LINGER}, takes everything queued and writes it in batches of up to {@link #BATCH} rows,
 * applying the {@code logs} settings then.
 *
 * <p>Profiled: with a blocking queue the writer waited in {@code poll} and every request's {@code offer} took the
 * queue's lock and woke the writer thread (a futex wake and a context switch per request, on 2 cores about as much
 * CPU as the rest of the logging together). Producers now only append to a lock-free queue.
 */
@Component
public class LogWriter implements SmartLifecycle {
    /** Entries waiting at most; past this, new ones are dropped. */
    static final int CAPACITY = 10_000;
    /** Rows per COPY. */
    static final int BATCH = 500;
    /** Longest wait for the last entries at shutdown. */
    private static final Duration DRAIN_AT_STOP = Duration.ofSeconds(5);
    /** How long the writer sleeps between two looks at the queue (so also the longest an entry waits for it). */
    static final Duration LINGER = Duration.ofMillis(200);
    /** How often the writer runs the housekeeping task. */
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Logger LOG = LoggerFactory.getLogger(LogWriter.class);
    private final Queue<PendingLog> queue = new ConcurrentLinkedQueue<>();
    /** Entries in {@link #queue} (its own size() walks the whole list). */
    private final AtomicInteger queued = new AtomicInteger();
    /** Entries ever queued; a LongAdder, as every request thread adds to it. */
    private final LongAdder accepted = new LongAdder();
    private final AtomicLong done = new AtomicLong();
    private final LogTable table;
    private final ObjectProvider<LogsHooks> hooks;
    private final Counter dropped;
    private volatile Thread thread;
    private volatile boolean running;
    private volatile LogsConfig lastConfig = LogsConfig.DEFAULTS;
    private volatile Runnable housekeeping = () -> { };
    /** The hooks bean once found (profiled: a bean factory lookup per refresh allocated more than the entries). */
    private volatile LogsHooks resolvedHooks;

    LogWriter(LogTable table, ObjectProvider<LogsHooks> hooks, MeterRegistry meters) {
        this.table = table;
        this.hooks = hooks;
        this.dropped = Counter.builder("basalt.logs.dropped")
                .description("Log entries dropped: queue full or write failed").register(meters);
        Gauge.builder("basalt.logs.queued", queued, AtomicInteger::get)
                .description("Log entries waiting to be written").register(meters);
    }

    /** Queues an entry without blocking or waking the writer; false (and counted) when the queue is full. */
    boolean offer(PendingLog entry) {
        if (queued.incrementAndGet() > CAPACITY) {
            queued.decrementAndGet();
            dropped.increment();
            return false;
        }
        queue.offer(entry);
        accepted.increment();
        return true;
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
     * false on timeout. Wakes the writer rather than waiting for its next round. For tests and shutdown: entries
     * are written within moments anyway.
     */
    public boolean flush(Duration timeout) throws InterruptedException {
        long target = accepted.sum();
        long deadline = System.nanoTime() + timeout.toNanos();
        LockSupport.unpark(thread);
        while (done.get() < target) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /**
     * Sleeps {@link #LINGER}, then writes everything queued meanwhile: a few large statements cost PostgreSQL far
     * less per row than many small ones (each is a statement and a commit), and a writer that sleeps instead of
     * waiting on the queue is never woken by a request.
     */
    private void loop() {
        List<PendingLog> batch = new ArrayList<>(BATCH);
        long housekeepingAt = System.nanoTime();
        while (!Thread.currentThread().isInterrupted()) {
            boolean last = !running;
            if (System.nanoTime() - housekeepingAt >= 0) {
                runHousekeeping();
                housekeepingAt = System.nanoTime() + POLL.toNanos();
            }
            boolean wrote = false;
            for (PendingLog e = queue.poll(); e != null; e = queue.poll()) {
                queued.decrementAndGet();
                batch.add(e);
                if (batch.size() >= BATCH) {
                    write(batch);
                    wrote = true;
                }
            }
            if (!batch.isEmpty()) {
                write(batch);
                wrote = true;
            }
            if (!wrote) {
                refreshConfig();
            }
            if (last) {
                return;
            }
            LockSupport.parkNanos(this, LINGER.toNanos());
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
            LogsHooks h = resolvedHooks;
            if (h == null) {
                h = hooks.getIfAvailable();
                resolvedHooks = h;
            }
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
            LockSupport.unpark(t);
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
