package dev.basalt.realtime.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Takes the database snapshots at which new subscriptions start, coalesced: a subscription may start at any
 * snapshot taken after it entered the topic index, so one {@code pg_current_snapshot()} serves every subscribe
 * that asked before that statement was sent. At most one statement is in flight; the subscribes that ask while it
 * runs share the next one. A burst of 1,000 concurrent subscribes thus needs a handful of statements on one pooled
 * connection, instead of 1,000 statements competing for the pool with the rest of the API (where a burst waited
 * past the pool's timeout and was answered 503).
 */
final class StartSnapshots {
    private final Supplier<Snapshot> take;
    /** The round that has not sent its statement yet (null: none asked since the last one was sent). */
    private CompletableFuture<Snapshot> waiting;
    private boolean inFlight;

    /** {@code take} runs {@code pg_current_snapshot()}; it is called on a virtual thread, one call at a time. */
    StartSnapshots(Supplier<Snapshot> take) {
        this.take = take;
    }

    /**
     * A snapshot taken after this call began; blocks until it arrives. Throws what taking it threw (every
     * subscribe of that round fails alike and its client retries).
     */
    Snapshot await() {
        CompletableFuture<Snapshot> round;
        boolean start;
        synchronized (this) {
            if (waiting == null) {
                waiting = new CompletableFuture<>();
            }
            round = waiting;
            start = !inFlight;
            inFlight = true;
        }
        if (start) {
            Thread.ofVirtual().name("basalt-realtime-snapshot").start(this::run);
        }
        try {
            return round.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the subscription snapshot", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new CompletionException(e.getCause());
        }
    }

    /** Runs rounds until nobody waits: each takes the waiting round, then sends its statement. */
    private void run() {
        while (true) {
            CompletableFuture<Snapshot> round;
            synchronized (this) {
                round = waiting;
                waiting = null;
                if (round == null) {
                    inFlight = false;
                    return;
                }
            }
            try {
                round.complete(take.get());
            } catch (RuntimeException | Error e) {
                round.completeExceptionally(e);
            }
        }
    }
}
