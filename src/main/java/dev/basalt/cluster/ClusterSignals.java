package dev.basalt.cluster;

import java.util.List;
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

    /**
     * Sends signals on a channel after the current transaction commits, in order, batched with this node's other
     * signals in a transaction of their own (nothing if it rolls back). Cheaper for frequent writes than {@link #send},
     * which makes every sending transaction commit one at a time, but at most once: a crash right after the commit
     * loses them. Without a Spring-managed transaction they are sent inside {@code tx}, as {@link #send} does.
     */
    void sendAfterCommit(DSLContext tx, String channel, List<String> payloads);

    /** Calls {@code receiver} with the payload of every signal on the channel (and null after a reconnect). */
    void subscribe(String channel, Consumer<String> receiver);
}
