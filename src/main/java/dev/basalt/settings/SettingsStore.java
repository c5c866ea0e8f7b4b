package dev.basalt.settings;

import dev.basalt.cluster.ClusterBarrier;
import dev.basalt.cluster.ClusterSignals;
import dev.basalt.shared.CommonErrors;
import dev.basalt.shared.DataRestored;
import dev.basalt.shared.ValidationErrors;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the settings (key {@code settings} in {@code _params}, sealed when a key is set:
 * {@link SealedParams}). {@link #current()} reads the database each time. {@link #recent()}, for what every request
 * needs (rate limits, the client's address, file storage, batch limits), answers from memory: a save on this node
 * replaces it before the save is answered, and a save is answered only once every other live node has dropped its
 * copy ({@link ClusterBarrier}, as schema changes), so the next request on any node sees it; after a lost signal
 * connection the copy is dropped too, and in any case it is re-read in the background once older than
 * {@link #DEFAULT_REREAD_AFTER} ({@code basalt.settings.reread-after}; the request that notices keeps the copy
 * it has).
 */
@Component
public class SettingsStore {
    /** The cluster channel announcing a saved change (payload: the sending node, a space, the barrier's id). */
    static final String CHANNEL = "basalt_settings";
    /** The longest a save waits for the other nodes to acknowledge it. */
    static final Duration ACK_TIMEOUT = Duration.ofSeconds(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    /** The longest {@link #recent()} answers without reading the database (a safety net for lost signals). */
    public static final Duration DEFAULT_REREAD_AFTER = Duration.ofSeconds(1);
    private final SealedParams params;
    private final DSLContext dsl;
    private final ClusterSignals signals;
    private final ClusterBarrier barrier;
    private final ApplicationEventPublisher events;
    private final Settings defaults;
    private final long rereadAfterNanos;
    private volatile Read recent;
    /** Counts saves and drops, so that a read that overlapped one does not put back what it replaced. */
    private final AtomicLong generation = new AtomicLong();
    /** Whether a background re-read runs, so that at most one does. */
    private final AtomicBoolean rereading = new AtomicBoolean();

    /**
     * @param rateLimitsEnabled whether the rate limits start on in a fresh install
     *                          ({@code BASALT_RATE_LIMITS_DEFAULT_ENABLED}, default false as in PocketBase)
     * @param rereadAfter       the longest {@link #recent()} answers from memory
     */
    public SettingsStore(SealedParams params, DSLContext dsl, ClusterSignals signals, ClusterBarrier barrier,
                         ApplicationEventPublisher events,
                         @Value("${basalt.rate-limits.default-enabled:false}") boolean rateLimitsEnabled,
                         @Value("${basalt.settings.reread-after:1s}") Duration rereadAfter) {
        this.rereadAfterNanos = rereadAfter.toNanos();
        this.params = params;
        this.dsl = dsl;
        this.signals = signals;
        this.barrier = barrier;
        this.events = events;
        this.defaults = Settings.defaults(rateLimitsEnabled);
        signals.subscribe(CHANNEL, this::received);
    }

    private void received(String payload) {
        String[] parts = payload == null ? new String[0] : payload.split(" ", 2);
        if (parts.length > 0 && parts[0].equals(signals.nodeId())) {
            return;
        }
        drop();
        events.publishEvent(new SettingsChanged());
        if (parts.length == 2) {
            barrier.acknowledge(parts[1]);
        }
    }

    /** The current settings (defaults for anything never saved), read from the database. */
    public Settings current() {
        String stored = params.read(SealedParams.SETTINGS);
        if (stored == null) {
            return defaults;
        }
        return SettingsReader.merge(defaults, JSON.readValue(stored, OBJECT), new ValidationErrors());
    }

    /** The settings as of the last save known to this node (see the class comment for how fresh). */
    public Settings recent() {
        Read read = recent;
        if (read == null) {
            return load();
        }
        if (System.nanoTime() - read.at() >= rereadAfterNanos && rereading.compareAndSet(false, true)) {
            // the safety net re-reads in the background: no request waits for it, and none waits on a
            // database that is down (they keep the last settings read)
            Thread.ofVirtual().name("settings-reread").start(() -> {
                try {
                    load();
                } catch (RuntimeException e) {
                    LOG.debug("Cannot re-read the settings: {}", e.getMessage());
                } finally {
                    rereading.set(false);
                }
            });
        }
        return read.settings();
    }

    private Settings load() {
        long now = System.nanoTime();
        long seen = generation.get();
        Settings settings = current();
        synchronized (generation) {
            if (generation.get() == seen) {
                recent = new Read(settings, now);
            }
        }
        return settings;
    }

    /** Applies a patch; 400 with keys like {@code smtp.port} when invalid. */
    public Settings update(Map<String, Object> patch) {
        ValidationErrors errors = new ValidationErrors();
        Settings next = SettingsReader.merge(current(), patch, errors);
        errors.throwIfAny(CommonErrors.VALIDATION_FAILED.message());
        String ackId = barrier.expect();
        try {
            dsl.transaction(tx -> {
                params.write(tx.dsl(), SealedParams.SETTINGS, JSON.writeValueAsString(next.toStoredJson()));
                signals.send(tx.dsl(), CHANNEL, signals.nodeId() + " " + ackId);
            });
        } catch (RuntimeException e) {
            barrier.forget(ackId);
            throw e;
        }
        synchronized (generation) {
            generation.incrementAndGet();
            recent = new Read(next, System.nanoTime());
        }
        events.publishEvent(new SettingsChanged());
        barrier.await(ackId, ACK_TIMEOUT);
        return next;
    }

    /** A restore replaced {@code _params}. */
    @EventListener
    public void restored(DataRestored event) {
        drop();
        events.publishEvent(new SettingsChanged());
    }

    private void drop() {
        synchronized (generation) {
            generation.incrementAndGet();
            recent = null;
        }
    }

    /** Settings and when ({@link System#nanoTime()}) they were read. */
    private record Read(Settings settings, long at) {
    }
}
