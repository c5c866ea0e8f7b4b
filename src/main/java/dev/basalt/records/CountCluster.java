package dev.basalt.records;

import dev.basalt.cluster.ClusterBarrier;
import dev.basalt.cluster.ClusterSignals;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Whether this node may answer list totals from its {@link ListCounts} cache: only while it is the one live node of
 * its database. The cache is invalidated by this node's writes only, so a write on another node would leave it
 * stale; with two nodes or more every total is counted. A node announces itself on {@link #CHANNEL} once its
 * listener is connected and waits ({@link ClusterBarrier}) until every live node has stopped using its cache; its
 * record writes wait for that, so a write it acknowledges can never be missed by another node's cached total.
 * Every change of state moves {@link #epoch()}, which every cached total carries.
 */
@Component
class CountCluster {
    /** Channel of announcements; payload: the announcing node's id, a space, the barrier's acknowledgement id. */
    static final String CHANNEL = "basalt_counts";
    /** How often the live nodes are read again (they are read on a list request, at most this often). */
    static final Duration RECHECK = Duration.ofSeconds(1);
    /** Longest wait for the other nodes' acknowledgement of an announcement. */
    static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(CountCluster.class);

    private final ClusterSignals signals;
    private final ClusterBarrier barrier;
    private final DSLContext dsl;
    private final AtomicLong epoch = new AtomicLong();
    private final CountDownLatch announced = new CountDownLatch(1);
    private volatile boolean alone;
    private volatile long checkedAt = System.nanoTime() - RECHECK.toNanos();

    CountCluster(ClusterSignals signals, ClusterBarrier barrier, DSLContext dsl) {
        this.signals = signals;
        this.barrier = barrier;
        this.dsl = dsl;
        signals.subscribe(CHANNEL, this::received);
    }

    /** Moves whenever this node starts or stops being alone, or may have missed a signal. */
    long epoch() {
        return epoch.get();
    }

    /** True while this node is the only live one and has announced itself (re-read at most every RECHECK). */
    boolean alone() {
        long now = System.nanoTime();
        if (now - checkedAt >= RECHECK.toNanos()) {
            checkedAt = now;
            recheck();
        }
        return alone;
    }

    /**
     * Called before each record write: the first writes of a starting node wait until the other nodes have
     * acknowledged its announcement (at most twice the timeout, once).
     */
    void beforeWrite() {
        if (announced.getCount() == 0) {
            return;
        }
        try {
            if (!announced.await(JOIN_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS)) {
                log.warn("Record writes start before the other nodes acknowledged this node's count cache check");
                announced.countDown();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void recheck() {
        long seen = epoch.get();
        boolean only;
        try {
            only = announced.getCount() == 0 && signals.liveNodes().equals(Set.of(signals.nodeId()));
        } catch (DataAccessException e) {
            only = false;
        }
        synchronized (this) {
            if (!only) {
                leave();
            } else if (!alone && epoch.get() == seen) { // no announcement arrived while the nodes were read
                epoch.incrementAndGet();
                alone = true;
            }
        }
    }

    private synchronized void leave() {
        if (alone) {
            alone = false;
        }
        epoch.incrementAndGet();
    }

    private void received(String payload) {
        if (payload == null) { // (re)connected: signals may have been missed, and the others must hear of us
            leave();
            Thread.ofVirtual().name("basalt-count-announce").start(this::announce);
            return;
        }
        int space = payload.indexOf(' ');
        if (space > 0 && !payload.substring(0, space).equals(signals.nodeId())) {
            leave();
            barrier.acknowledge(payload.substring(space + 1));
        }
    }

    /** Tells every live node that this one is listening and waits until they all stopped using their caches. */
    private void announce() {
        String id = barrier.expect();
        try {
            signals.send(dsl, CHANNEL, signals.nodeId() + " " + id);
            barrier.await(id, JOIN_TIMEOUT);
        } catch (DataAccessException e) {
            barrier.forget(id);
            log.warn("Could not announce this node to the others' count caches: {}", e.getMessage());
        } finally {
            announced.countDown();
        }
    }
}
