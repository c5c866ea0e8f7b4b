package dev.basalt.cluster;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jooq.DSLContext;

/**
 * Signals between the nodes of a cluster, delivered to every node including the sender; receivers can tell their
 * own signals apart with {@link #nodeId()}. Transactional signals ({@link #send}) always travel through PostgreSQL
 * ({@code NOTIFY}), so they leave exactly when their transaction commits; the frequent ones ({@link #sendAfterCommit},
 * {@link #publish}) travel through Redis pub/sub when {@code BASALT_REDIS_URL} is set, else through PostgreSQL too.
 * After a lost connection subscribers get a {@code null} payload: signals may have been missed, so they should
 * resynchronise.
 */
public interface ClusterSignals {

    /** This node's id, unique per process start. */
    String nodeId();

    /** Sends a signal on a channel, within the transaction of {@code tx} (delivered on commit, through PostgreSQL). */
    void send(DSLContext tx, String channel, String payload);

    /**
     * Sends signals on a channel after the current transaction commits, in order, batched with this node's other
     * signals (nothing if it rolls back). Cheaper for frequent writes than {@link #send}, which makes every sending
     * transaction commit one at a time, but at most once: a crash right after the commit loses them. Without a
     * Spring-managed transaction they are sent at once.
     */
    void sendAfterCommit(DSLContext tx, String channel, List<String> payloads);

    /**
     * Sends a signal at once, outside any transaction. Fails with a
     * {@link org.springframework.dao.DataAccessException} when the transport is unreachable.
     */
    void publish(String channel, String payload);

    /** Calls {@code receiver} with the payload of every signal on the channel (and null after a reconnect). */
    void subscribe(String channel, Consumer<String> receiver);

    /** The ids of the nodes listening now, this one included (a node killed drops out at once). */
    Set<String> liveNodes();

    /** Why the frequent signals cannot travel now (Redis unreachable); empty when they can. */
    Optional<String> unavailable();

    /** The transport of the frequent signals: {@code postgres} or {@code redis}. */
    String transport();
}
