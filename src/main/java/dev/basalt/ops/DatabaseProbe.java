package dev.basalt.ops;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks that the database answers a trivial query ({@code SELECT 1}) within {@link #TIMEOUT}. At most one
 * probe runs at a time: concurrent health checks share the probe in flight, so a flood of them cannot
 * exhaust the connection pool, and a hung database makes callers wait no longer than the timeout.
 */
@Component
class DatabaseProbe {
    /** The longest a health check waits for the database. */
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(DatabaseProbe.class);

    private final DSLContext dsl;
    private final ReentrantLock lock = new ReentrantLock();
    private CompletableFuture<Boolean> inFlight;

    DatabaseProbe(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** True when the database answered {@code SELECT 1} in time. */
    boolean healthy() {
        CompletableFuture<Boolean> probe = currentProbe();
        try {
            return probe.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("Database health probe timed out after {} ms", TIMEOUT.toMillis());
            return false;
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private CompletableFuture<Boolean> currentProbe() {
        lock.lock();
        try {
            if (inFlight == null || inFlight.isDone()) {
                CompletableFuture<Boolean> probe = new CompletableFuture<>();
                Thread.ofVirtual().name("basalt-db-probe").start(() -> probe.complete(query()));
                inFlight = probe;
            }
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    private boolean query() {
        try {
            Integer one = dsl.selectOne().queryTimeout((int) TIMEOUT.toSeconds()).fetchOne(0, Integer.class);
            return Integer.valueOf(1).equals(one);
        } catch (RuntimeException e) {
            log.warn("Database health probe failed: {}", e.getMessage());
            return false;
        }
    }
}
