package dev.basalt.realtime;

import dev.basalt.cluster.ClusterSignals;
import dev.basalt.realtime.internal.ChangeWire;
import dev.basalt.realtime.internal.FanOut;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Announces committed record changes to every node's realtime clients. {@link #publish} is called inside the
 * transaction that makes the change: the change travels as cluster signals sent after (and only if) that
 * transaction commits ({@link ClusterSignals#sendAfterCommit}: Redis pub/sub when configured, else {@code pg_notify}
 * batched with other changes), once to every node including this one.
 */
@Component
public class ChangeFeed {
    /** The cluster channel of record changes. */
    public static final String CHANNEL = "basalt_realtime";
    /** {@code pg_current_xact_id()} (a 64-bit {@code xid8}) as text, rendered by jOOQ once. */
    private static final String CURRENT_XID = DSL.using(SQLDialect.POSTGRES).render(DSL.select(
            DSL.function(DSL.name("pg_current_xact_id"), Object.class).cast(String.class)));
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

    /**
     * Queues the change for when the transaction of {@code tx} commits; nothing leaves before it commits. The change
     * carries the transaction's id, which each subscription compares with the snapshot it started at: it receives
     * the change iff the transaction committed after that snapshot (one cheap statement per change; the writing
     * transaction has its id already).
     */
    public void publish(DSLContext tx, ChangeEvent change) {
        long xid = Long.parseLong(tx.resultQuery(CURRENT_XID).fetchSingle(0, String.class));
        signals.sendAfterCommit(tx, CHANNEL, ChangeWire.encode(change, xid, System.currentTimeMillis()));
    }
}
