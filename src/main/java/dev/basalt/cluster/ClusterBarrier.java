package dev.basalt.cluster;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Lets a node wait until every other live node has acted on a signal it sent, so that what it answers next holds
 * on every node (read-your-writes across the cluster without any check on the hot path). The live nodes are the
 * ones whose listening connection PostgreSQL shows now ({@code pg_stat_activity}, by application name); a node
 * that is not listening receives no signal and resynchronises when it listens again. Each receiver acknowledges
 * on {@link #ACK_CHANNEL}; the sender waits at most a timeout, then answers anyway with a warning naming the silent
 * nodes (a node that hangs must not stop the cluster's schema changes).
 */
@Component
public class ClusterBarrier {
    /** Channel of acknowledgements; payload: the acknowledgement id, a space, the acknowledging node's id. */
    static final String ACK_CHANNEL = "basalt_ack";
    private static final Logger log = LoggerFactory.getLogger(ClusterBarrier.class);

    private final ClusterSignals signals;
    private final DSLContext dsl;
    private final Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();

    ClusterBarrier(ClusterSignals signals, DSLContext dsl) {
        this.signals = signals;
        this.dsl = dsl;
        signals.subscribe(ACK_CHANNEL, this::received);
    }

    /** Starts collecting acknowledgements for a new id; call before sending the signal that carries it. */
    public String expect() {
        String id = UUID.randomUUID().toString();
        acknowledged.put(id, ConcurrentHashMap.newKeySet());
        return id;
    }

    /** Stops collecting for an id whose signal was never sent (its transaction rolled back). */
    public void forget(String id) {
        acknowledged.remove(id);
    }

    /** Tells the sender of a signal that this node has acted on it (sent at once, outside any transaction). */
    public void acknowledge(String id) {
        signals.send(dsl, ACK_CHANNEL, id + " " + signals.nodeId());
    }

    /**
     * Waits until every other node listening now has acknowledged {@code id}, at most {@code timeout}; returns
     * the nodes that had not (empty when all did).
     */
    public Set<String> await(String id, Duration timeout) {
        Set<String> acks = acknowledged.get(id);
        try {
            Set<String> waiting;
            try {
                waiting = liveNodes();
            } catch (DataAccessException e) {
                // the change is committed: answer it rather than fail it; the other nodes reload on their own signal
                log.warn("Could not list the live nodes to await their acknowledgement: {}", e.getMessage());
                return Set.of();
            }
            waiting.remove(signals.nodeId());
            long deadline = System.nanoTime() + timeout.toNanos();
            synchronized (acks) {
                while (!acks.containsAll(waiting)) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        waiting.removeAll(acks);
                        log.warn("Nodes {} did not acknowledge a cluster change within {} ms", waiting,
                                timeout.toMillis());
                        return waiting;
                    }
                    acks.wait(Math.max(1, left / 1_000_000));
                }
            }
            return Set.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Set.of();
        } finally {
            acknowledged.remove(id);
        }
    }

    /** The ids of the nodes listening now, this one included. */
    public Set<String> liveNodes() {
        return signals.liveNodes();
    }

    private void received(String payload) {
        if (payload == null) {
            return;
        }
        int space = payload.indexOf(' ');
        Set<String> acks = space < 0 ? null : acknowledged.get(payload.substring(0, space));
        if (acks != null) {
            synchronized (acks) {
                acks.add(payload.substring(space + 1));
                acks.notifyAll();
            }
        }
    }
}
