package dev.basalt.realtime.internal;

import dev.basalt.shared.Caller;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One SSE connection: its id, auth, subscriptions and a bounded queue of frames waiting to be written. A client
 * whose queue overflows is closed (it fell too far behind); the SDK reconnects and subscribes again.
 */
public final class Client {
    /** Frames a client may have waiting; one more closes it. */
    public static final int MAX_PENDING_FRAMES = 512;
    /** What {@link #next} returns when the wait timed out. */
    static final String TIMEOUT = "";

    /** The auth a client bound with its last subscription request. */
    record Session(Caller caller, String token, Instant expiresAt) {
        static final Session ANONYMOUS = new Session(Caller.ANONYMOUS, "", null);

        boolean expired(Instant now) {
            return expiresAt != null && !now.isBefore(expiresAt);
        }
    }

    private final String id;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ready = lock.newCondition();
    private final ArrayDeque<String> pending = new ArrayDeque<>();
    private boolean closed;
    private volatile Session session = Session.ANONYMOUS;
    private volatile Map<String, Subscription> subscriptions = Map.of();

    Client(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    Session session() {
        return session;
    }

    void session(Session value) {
        session = value;
    }

    Map<String, Subscription> subscriptions() {
        return subscriptions;
    }

    void subscriptions(Map<String, Subscription> value) {
        subscriptions = Map.copyOf(value);
    }

    /** Queues a frame; false (and the client closed) when the queue was full or the client already closed. */
    boolean offer(String frame) {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            if (pending.size() >= MAX_PENDING_FRAMES) {
                closeLocked();
                return false;
            }
            pending.add(frame);
            ready.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The next frame, {@link #TIMEOUT} after waiting this long, or null once the client is closed. */
    String next(long timeoutMillis) throws InterruptedException {
        lock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (!closed && pending.isEmpty()) {
                if (nanos <= 0) {
                    return TIMEOUT;
                }
                nanos = ready.awaitNanos(nanos);
            }
            return closed ? null : pending.poll();
        } finally {
            lock.unlock();
        }
    }

    /** Closes the client: its writer stops at its next wake-up. */
    void close() {
        lock.lock();
        try {
            closeLocked();
        } finally {
            lock.unlock();
        }
    }

    boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    private void closeLocked() {
        closed = true;
        pending.clear();
        ready.signalAll();
    }
}
