package dev.basalt.realtime.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a subscription starts in the commit history: the database snapshot taken once it was in the topic index.
 * It receives a change iff the change's transaction is not visible in that snapshot, i.e. committed after it.
 * Between indexing and the snapshot's arrival a change cannot be decided yet (it may have committed just before
 * or just after), so it is held and decided when the snapshot arrives; {@link #MAX_HELD} bounds what is held.
 */
final class SubscriptionStart {
    /** Changes held for one subscription while its snapshot is taken; more and the client is disconnected. */
    static final int MAX_HELD = Client.MAX_PENDING_FRAMES;

    private record Held(long xid, Runnable send) {
    }

    private Snapshot snapshot;
    private List<Held> held = new ArrayList<>();
    private boolean overflowed;

    /** Sends a change of transaction {@code xid} now if it is later than the start, holds it if undecided. */
    synchronized void deliver(long xid, Runnable send) {
        if (snapshot != null) {
            if (!snapshot.sees(xid)) {
                send.run();
            }
        } else if (held != null) {
            if (held.size() < MAX_HELD) {
                held.add(new Held(xid, send));
            } else {
                overflowed = true;
            }
        }
    }

    /** Sets the start and sends the held changes that came after it; false when some were lost to the bound. */
    synchronized boolean settle(Snapshot start) {
        snapshot = start;
        List<Held> pending = held;
        held = null;
        if (pending != null) {
            for (Held h : pending) {
                if (!start.sees(h.xid())) {
                    h.send().run();
                }
            }
        }
        return !overflowed;
    }

    /** The snapshot could not be taken: nothing held is sent, and nothing more is held. */
    synchronized void abandon() {
        held = null;
    }

    /** The start, null until settled (tests). */
    synchronized Snapshot snapshot() {
        return snapshot;
    }
}
