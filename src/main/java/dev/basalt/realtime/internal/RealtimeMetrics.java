package dev.basalt.realtime.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The realtime meters: connected clients and subscriptions (gauges), events sent and dropped (counters), fan-out
 * latency (from the change's publication just before commit to its frames being queued on this node).
 */
final class RealtimeMetrics {
    private final Counter sent;
    private final Counter dropped;
    private final Counter disconnectedSlow;
    private final Timer fanOut;

    RealtimeMetrics(MeterRegistry registry, Supplier<Number> clients, Supplier<Number> subscriptions) {
        Gauge.builder("basalt.realtime.clients", clients).description("Connected realtime (SSE) clients")
                .register(registry);
        Gauge.builder("basalt.realtime.subscriptions", subscriptions).description("Realtime subscriptions")
                .register(registry);
        sent = Counter.builder("basalt.realtime.events.sent").description("Realtime events queued for clients")
                .register(registry);
        dropped = Counter.builder("basalt.realtime.events.dropped")
                .description("Realtime events not delivered: client too far behind, or the fan-out queue full")
                .register(registry);
        disconnectedSlow = Counter.builder("basalt.realtime.clients.disconnected.slow")
                .description("Clients disconnected because they fell too far behind").register(registry);
        fanOut = Timer.builder("basalt.realtime.fanout").description("From publication (just before commit) to "
                + "the change's frames queued for every subscriber of this node").publishPercentileHistogram()
                .register(registry);
    }

    void sent(int n) {
        sent.increment(n);
    }

    void dropped(int n) {
        dropped.increment(n);
    }

    void slowClient() {
        disconnectedSlow.increment();
    }

    void fanOut(long publishedMillis) {
        fanOut.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - publishedMillis)));
    }
}
