package dev.basalt.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Request/reply between nodes over {@link ClusterSignals#publish}: a request goes to every other node on a channel,
 * the node it concerns answers on the channel's {@code _reply} twin, and the asker takes the first answer. Used when a
 * node must act for a client connected to another node. On the wire a request is {@code id asker body}, a reply
 * {@code id asker answer}.
 */
@Component
public class ClusterRequests {
    /** Largest request or reply: PostgreSQL's {@code NOTIFY} takes payloads under 8000 bytes. */
    public static final int MAX_SIGNAL_BYTES = 7_000;
    private static final String REPLY_SUFFIX = "_reply";
    private static final Logger log = LoggerFactory.getLogger(ClusterRequests.class);
    private final ClusterSignals signals;
    private final Map<String, CompletableFuture<String>> waiting = new ConcurrentHashMap<>();

    ClusterRequests(ClusterSignals signals) {
        this.signals = signals;
    }

    /**
     * Answers other nodes' requests on {@code channel}: {@code handler} gets a request's body on a virtual thread (it
     * may query the database) and returns the answer, or empty when the request does not concern this node. Also
     * listens for the answers to this node's own requests on the channel.
     */
    public void serve(String channel, Function<String, Optional<String>> handler) {
        signals.subscribe(channel, payload -> {
            Wire w = Wire.parse(payload);
            if (w == null || w.node().equals(signals.nodeId())) {
                return;
            }
            Thread.ofVirtual().name("cluster-request").start(() -> handler.apply(w.body()).ifPresent(answer -> {
                try {
                    signals.publish(channel + REPLY_SUFFIX, w.id() + " " + w.node() + " " + answer);
                } catch (DataAccessException e) {
                    log.warn("Reply on {} not sent: {}", channel, e.getMessage());
                }
            }));
        });
        signals.subscribe(channel + REPLY_SUFFIX, payload -> {
            Wire w = Wire.parse(payload);
            if (w != null && w.node().equals(signals.nodeId())) {
                CompletableFuture<String> answer = waiting.get(w.id());
                if (answer != null) {
                    answer.complete(w.body());
                }
            }
        });
    }

    /**
     * Sends {@code body} to the other nodes serving {@code channel} and returns the first answer, or empty when none
     * came within {@code timeout}, the request is larger than {@link #MAX_SIGNAL_BYTES} or could not be sent.
     */
    public Optional<String> ask(String channel, String body, Duration timeout) {
        String id = UUID.randomUUID().toString();
        String payload = id + " " + signals.nodeId() + " " + body;
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_SIGNAL_BYTES) {
            log.info("Request on {} too large for other nodes", channel);
            return Optional.empty();
        }
        CompletableFuture<String> answer = new CompletableFuture<>();
        waiting.put(id, answer);
        try {
            signals.publish(channel, payload);
            return Optional.of(answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty(); // no node answered
        } catch (DataAccessException | ExecutionException e) {
            log.warn("Request on {} not sent to other nodes: {}", channel, e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            waiting.remove(id);
        }
    }

    /** A request or reply: its id, the asking node, the body. */
    private record Wire(String id, String node, String body) {
        static Wire parse(String payload) {
            if (payload == null) {
                return null; // reconnected: nothing to resynchronise for requests in flight
            }
            int first = payload.indexOf(' ');
            int second = first < 0 ? -1 : payload.indexOf(' ', first + 1);
            return second < 0 ? null
                    : new Wire(payload.substring(0, first), payload.substring(first + 1, second),
                    payload.substring(second + 1));
        }
    }
}
