package dev.basalt.realtime.internal;

import dev.basalt.shared.Caller;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One SSE connection: its id, auth, subscriptions and a bounded queue of frames waiting to be written by a
 * short-lived virtual thread. A client whose queue overflows is closed (it fell too far behind); the SDK
 * reconnects and subscribes again.
 */
public final class Client {
    /** Frames a client may have waiting; one more closes it. */
    public static final int MAX_PENDING_FRAMES = 512;

    /** The auth a client bound with its last subscription request. */
    record Session(Caller caller, String token, Instant expiresAt) {
        static final Session ANONYMOUS = new Session(Caller.ANONYMOUS, "", null);

        boolean expired(Instant now) {
            return expiresAt != null && !now.isBefore(expiresAt);
        }
    }

    private final String id;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final ArrayDeque<String> pending = new ArrayDeque<>();
    private boolean closed;
    private volatile Sink sink;
    private volatile long lastEventNanos = System.nanoTime();
    private volatile Session session = Session.ANONYMOUS;
    private volatile Map<String, TopicIndex.Entry> subscriptions = Map.of();
    private volatile String address = "";

    Client(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The IP address the stream was opened from (PocketBase checks it when an OAuth2 redirect names the client). */
    String address() {
        return address;
    }

    void address(String value) {
        address = value == null ? "" : value;
    }

    Session session() {
        return session;
    }

    void session(Session value) {
        session = value;
    }

    /** The subscriptions by name, in the order posted. */
    Map<String, TopicIndex.Entry> subscriptions() {
        return subscriptions;
    }

    void subscriptions(Map<String, TopicIndex.Entry> value) {
        subscriptions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(value));
    }

    /** Where a client's frames are written: its open stream. */
    interface Sink {
        void write(String frame) throws IOException;

        /** Ends the stream. */
        void close();
    }

    /** Attaches the stream; frames queued before are written now. */
    void attach(Sink value) {
        sink = value;
        if (isClosed()) {
            value.close();
        } else {
            wake();
        }
    }

    /** Queues a frame; false (and the client closed) when the queue was full or the client already closed. */
    boolean offer(String frame, boolean isEvent) {
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
            if (isEvent) {
                lastEventNanos = System.nanoTime();
            }
        } finally {
            lock.unlock();
        }
        wake();
        return true;
    }

    /** Nanotime of the last event queued (or of the connection). */
    long lastEventNanos() {
        return lastEventNanos;
    }

    /** Starts a writer on a virtual thread unless one runs: an idle client holds no thread at all. */
    private void wake() {
        if (sink != null && draining.compareAndSet(false, true)) {
            Thread.ofVirtual().name("basalt-sse-" + id).start(this::drain);
        }
    }

    private void drain() {
        Sink out = sink;
        try {
            while (true) {
                String frame = poll();
                if (frame == null) {
                    draining.set(false);
                    // a frame queued after the poll and before the reset would otherwise wait for the next one
                    if (isEmptyOrClosed() || !draining.compareAndSet(false, true)) {
                        return;
                    }
                    continue;
                }
                out.write(frame);
            }
        } catch (IOException e) {
            close(); // the client went away
            draining.set(false);
        }
    }

    private String poll() {
        lock.lock();
        try {
            return closed ? null : pending.poll();
        } finally {
            lock.unlock();
        }
    }

    private boolean isEmptyOrClosed() {
        lock.lock();
        try {
            return closed || pending.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** Closes the client and ends its stream. */
    void close() {
        boolean wasOpen;
        lock.lock();
        try {
            wasOpen = !closed;
            closeLocked();
        } finally {
            lock.unlock();
        }
        Sink out = sink;
        if (wasOpen && out != null) {
            out.close();
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
    }
}
