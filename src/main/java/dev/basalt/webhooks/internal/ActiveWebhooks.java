package dev.basalt.webhooks.internal;

import dev.basalt.cluster.ClusterSignals;
import dev.basalt.collections.Collection;
import dev.basalt.records.RecordData;
import dev.basalt.records.RecordReads;
import dev.basalt.records.RecordTables;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * The active webhooks, cached between their changes: matching every record write against them used to cost one
 * query per write. A write of a webhook row sends a cluster signal in its transaction, so every node (this one too)
 * drops its copy when that write commits; this node also drops it at once. A copy read while a change was in flight
 * is not kept (generation check), and none is kept longer than {@link #MAX_AGE}, the bound for changes that bypass
 * the write path (a restored backup).
 */
@Component
class ActiveWebhooks {
    /** Cluster channel: a webhook row changed. */
    static final String CHANNEL = "basalt_webhooks";
    /** Longest a cached list is used without a signal. */
    static final Duration MAX_AGE = Duration.ofSeconds(5);

    private final RecordReads reads;
    private final ClusterSignals signals;
    private final Clock clock;
    private final AtomicLong generation = new AtomicLong();
    private volatile Cached cached;

    private record Cached(long generation, Instant loaded, List<RecordData> webhooks) {
    }

    ActiveWebhooks(RecordReads reads, ClusterSignals signals, Clock clock) {
        this.reads = reads;
        this.signals = signals;
        this.clock = clock;
        signals.subscribe(CHANNEL, payload -> invalidate()); // null (reconnected, may have missed some): too
    }

    /** The active rows of {@code webhooks}, at most {@link WebhookOutbox#MAX_WEBHOOKS}. */
    List<RecordData> list(Collection webhooks) {
        Cached c = cached;
        Instant now = clock.instant();
        long gen = generation.get();
        if (c != null && c.generation() == gen && now.isBefore(c.loaded().plus(MAX_AGE))) {
            return c.webhooks();
        }
        var active = RecordTables.column(webhooks, webhooks.field("active").orElseThrow());
        List<RecordData> rows = reads.findAll(webhooks, active.eq(true), WebhookOutbox.MAX_WEBHOOKS);
        if (generation.get() == gen) {
            cached = new Cached(gen, now, rows);
        }
        return rows;
    }

    /**
     * A webhook row is being written in the transaction of {@code tx}: drop this node's copy now (this
     * transaction's own later writes read the table again) and every node's once it commits.
     */
    void changing(DSLContext tx) {
        invalidate();
        signals.send(tx, CHANNEL, signals.nodeId());
    }

    private void invalidate() {
        generation.incrementAndGet();
        cached = null;
    }
}
