package dev.basalt.realtime;

import dev.basalt.cluster.ClusterSignals;
import dev.basalt.realtime.internal.ChangeWire;
import dev.basalt.realtime.internal.FanOut;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Announces committed record changes to every node's realtime clients. {@link #publish} is called inside the
 * transaction that makes the change: the change travels as {@code pg_notify} signals sent after (and only if)
 * that transaction commits, batched with other changes ({@link ClusterSignals#sendAfterCommit}), once to every
 * node including this one.
 */
@Component
public class ChangeFeed {
    /** The cluster channel of record changes. */
    public static final String CHANNEL = "basalt_realtime";
    private final ClusterSignals signals;

    ChangeFeed(ClusterSignals signals, FanOut fanOut) {
        this.signals = signals;
        ChangeWire.Reassembler chunks = new ChangeWire.Reassembler();
        signals.subscribe(CHANNEL, payload -> {
            if (payload == null) {
                chunks.reset(); // reconnected: partial events are incomplete for good
                return;
            }
            chunks.accept(payload).ifPresent(fanOut::submit);
        });
    }

    /** Queues the change for when the transaction of {@code tx} commits; nothing leaves before it commits. */
    public void publish(DSLContext tx, ChangeEvent change) {
        signals.sendAfterCommit(tx, CHANNEL, ChangeWire.encode(change, System.currentTimeMillis()));
    }
}
