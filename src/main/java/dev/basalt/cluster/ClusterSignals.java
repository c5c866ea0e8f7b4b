package dev.basalt.cluster;

import java.util.function.Consumer;
import org.jooq.DSLContext;

/**
 * Signals between the nodes of a cluster. A signal sent inside a transaction is delivered only if and when
 * that transaction commits, to every node including the sender; receivers can tell their own signals apart with
 * {@link #nodeId()}. After a lost connection to the database, subscribers get a {@code null} payload: signals may
 * have been missed, so they should resynchronise.
 */
public interface ClusterSignals {

    /** This node's id, unique per process start. */
    String nodeId();

    /** Sends a signal on a channel, within the transaction of {@code tx} (delivered on commit). */
    void send(DSLContext tx, String channel, String payload);

    /** Calls {@code receiver} with the payload of every signal on the channel (and null after a reconnect). */
    void subscribe(String channel, Consumer<String> receiver);
}
