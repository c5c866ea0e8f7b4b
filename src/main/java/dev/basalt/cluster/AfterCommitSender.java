package dev.basalt.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends signals once their transaction has committed, many to a transaction of its own. A {@code pg_notify} inside
 * a write makes PostgreSQL hold its one notification lock from the commit's start through the disk flush, so every
 * announcing write commits one after another; sent afterwards and in batches, the writes commit side by side
 * (group commit) and the lock is taken once per batch. One sender thread drains the queue in order, up to
 * {@link #MAX_BATCH} signals per transaction. Delivery is at most once: what is still queued when the process dies
 * is lost (a graceful stop sends it), and a batch the database refuses {@link #ATTEMPTS} times is dropped with a
 * warning. Receivers already treat signals as hints after a reconnect; this adds the same for a crash.
 */
final class AfterCommitSender {
    /** Most signals sent in one transaction. */
    static final int MAX_BATCH = 256;
    /** Most signals waiting to be sent; past it new ones are dropped with a warning rather than exhaust memory. */
    static final int MAX_QUEUED = 100_000;
    /** Tries per batch before it is dropped. */
    static final int ATTEMPTS = 3;
    /** Pause between tries of a failed batch. */
    static final Duration RETRY_PAUSE = Duration.ofMillis(200);
    private static final Logger log = LoggerFactory.getLogger(AfterCommitSender.class);

    /** One signal to send. */
    record Signal(String channel, String payload) {
    }

    /** Sends one batch in one transaction (in production: pg_notify per signal). */
    interface BatchSender {
        void send(List<Signal> batch);
    }

    private final BlockingQueue<Signal> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
    private final BatchSender sender;
    private volatile boolean running;
    private volatile Thread thread;

    AfterCommitSender(BatchSender sender) {
        this.sender = sender;
    }

    /**
     * Queues the signals when the current Spring transaction commits (dropped if it rolls back); with no
     * transaction synchronisation active, {@code inTransaction} sends them the old way, inside the caller's work.
     */
    void sendAfterCommit(List<Signal> signals, Runnable inTransaction) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            inTransaction.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                enqueue(signals);
            }
        });
    }

    private void enqueue(List<Signal> signals) {
        for (Signal s : signals) {
            if (!queue.offer(s)) {
                log.warn("Cluster signal queue full ({} signals): a signal on {} was dropped", MAX_QUEUED, s.channel());
            }
        }
    }

    void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("basalt-cluster-sender").start(this::sendLoop);
    }

    /** Stops the sender after it has sent what is queued (waiting at most {@code wait}). */
    void stop(Duration wait) {
        running = false;
        Thread t = thread;
        if (t != null) {
            try {
                t.join(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void sendLoop() {
        List<Signal> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Signal first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                sendWithRetries(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void sendWithRetries(List<Signal> batch) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                sender.send(batch);
                return;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    log.warn("Dropped {} cluster signals after {} failed attempts: {}", batch.size(), ATTEMPTS,
                            e.getMessage());
                    return;
                }
                Thread.sleep(RETRY_PAUSE.toMillis());
            }
        }
    }

    /** The production batch: one transaction on the pool, one {@code pg_notify} statement per signal. */
    static BatchSender pgNotify(DSLContext dsl, String notifySql) {
        return batch -> dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            for (Signal s : batch) {
                tx.query(notifySql, s.channel(), s.payload()).execute();
            }
        });
    }
}
