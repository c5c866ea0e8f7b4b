package dev.basalt.cluster;

import io.lettuce.core.RedisException;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Cluster signals over Redis pub/sub (channel names get the configured prefix). Lettuce's callbacks only queue what
 * arrives; one thread delivers it in order, as the PostgreSQL listener does, so a slow receiver never stalls Redis
 * I/O. Every (re)subscription of a channel (at start and after Redis came back) gives its receivers a {@code null}
 * payload: what was published meanwhile is lost, and they resynchronise. Publishing while Redis is away fails at
 * once; after-commit signals are then dropped with a warning (at most one per {@link #WARN_EVERY}).
 */
final class RedisSignals implements SmartLifecycle {
    /** Most signals waiting for delivery; past it new ones are dropped with a warning rather than exhaust memory. */
    static final int MAX_QUEUED = 100_000;
    /** Shortest time between two warnings about dropped signals. */
    static final Duration WARN_EVERY = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(RedisSignals.class);

    private final RedisLink link;
    private final Map<String, List<Consumer<String>>> receivers = new ConcurrentHashMap<>();
    private final BlockingQueue<Arrived> inbox = new LinkedBlockingQueue<>(MAX_QUEUED);
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY.toNanos());
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean running;
    private volatile Thread deliverer;

    /** A signal as it arrived (payload null: the channel was (re)subscribed). */
    private record Arrived(String channel, String payload) {
    }

    RedisSignals(RedisLink link) {
        this.link = link;
        link.subscriber().addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                queue(channel, message);
            }

            @Override
            public void subscribed(String channel, long count) {
                queue(channel, null);
            }
        });
    }

    private void queue(String redisChannel, String payload) {
        String channel = redisChannel.substring(Math.min(link.prefix().length(), redisChannel.length()));
        if (!inbox.offer(new Arrived(channel, payload))) {
            warnDropped(1, "the delivery queue is full");
        }
    }

    void publish(String channel, String payload) {
        try {
            link.commands().sync().publish(link.prefix() + channel, payload);
        } catch (RedisException e) {
            throw new DataAccessResourceFailureException("Redis at " + link.where() + " is unavailable", e);
        }
    }

    /** Publishes when the current transaction commits (at once without one), without waiting for Redis. */
    void publishAfterCommit(String channel, List<String> payloads) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            publishAsync(channel, payloads);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                publishAsync(channel, payloads);
            }
        });
    }

    private void publishAsync(String channel, List<String> payloads) {
        try {
            for (String p : payloads) {
                link.commands().async().publish(link.prefix() + channel, p).whenComplete((n, e) -> {
                    if (e != null) {
                        warnDropped(1, e.getMessage());
                    }
                });
            }
        } catch (RedisException e) {
            warnDropped(payloads.size(), e.getMessage());
        }
    }

    private void warnDropped(int count, String why) {
        long total = dropped.addAndGet(count);
        long last = lastWarning.get();
        long now = System.nanoTime();
        if (now - last >= WARN_EVERY.toNanos() && lastWarning.compareAndSet(last, now)) {
            dropped.set(0);
            log.warn("{} cluster signals dropped in the last {} s, Redis at {}: {}", total, WARN_EVERY.toSeconds(),
                    link.where(), why);
        }
    }

    void subscribe(String channel, Consumer<String> receiver) {
        boolean[] fresh = {false};
        receivers.computeIfAbsent(channel, c -> {
            fresh[0] = true;
            return new CopyOnWriteArrayList<>();
        }).add(receiver);
        if (fresh[0] && running) {
            link.subscriber().async().subscribe(link.prefix() + channel);
        }
    }

    Optional<String> unavailable() {
        return link.connected() ? Optional.empty() : Optional.of("Redis at " + link.where() + " is unreachable");
    }

    @Override
    public void start() {
        running = true;
        deliverer = Thread.ofPlatform().daemon().name("basalt-redis-listener").start(this::deliverLoop);
        String[] channels = receivers.keySet().stream().map(c -> link.prefix() + c).toArray(String[]::new);
        if (channels.length > 0) {
            link.subscriber().sync().subscribe(channels);
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread t = deliverer;
        if (t != null) {
            t.interrupt();
            try {
                t.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void deliverLoop() {
        while (running) {
            Arrived a;
            try {
                a = inbox.poll(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (a == null) {
                continue;
            }
            for (Consumer<String> r : receivers.getOrDefault(a.channel(), List.of())) {
                try {
                    r.accept(a.payload());
                } catch (RuntimeException e) {
                    log.error("Cluster signal receiver failed on channel {}", a.channel(), e);
                }
            }
        }
    }
}
