package dev.basalt.realtime;

import dev.basalt.cluster.ClusterSignals;
import dev.basalt.realtime.internal.DirectSender;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one event to one realtime client by id, whichever node it is connected to, then unsubscribes it from that
 * topic (PocketBase's {@code @oauth2} redirect). A client of this node gets it at once; otherwise the event goes
 * to every node as a cluster signal on {@link #CHANNEL}, and the node holding the client answers on
 * {@link #REPLY_CHANNEL} whether it sent it. No answer within {@link #REPLY_TIMEOUT} means no node has it.
 */
@Component
public class ClientMessages {
    /** The cluster channel of events for a client of another node. */
    public static final String CHANNEL = "basalt_realtime_direct";
    /** The cluster channel of the answers. */
    public static final String REPLY_CHANNEL = "basalt_realtime_direct_reply";
    /** How long the sender waits for the node holding the client. */
    static final Duration REPLY_TIMEOUT = Duration.ofSeconds(3);
    /** pg_notify takes payloads under 8000 bytes; larger events are not sent across nodes. */
    static final int MAX_SIGNAL_BYTES = 7_000;
    private static final Logger log = LoggerFactory.getLogger(ClientMessages.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ClusterSignals signals;
    private final DirectSender local;
    private final DSLContext dsl;
    private final Map<String, CompletableFuture<Boolean>> waiting = new ConcurrentHashMap<>();

    ClientMessages(ClusterSignals signals, DirectSender local, DSLContext dsl) {
        this.signals = signals;
        this.local = local;
        this.dsl = dsl;
        signals.subscribe(CHANNEL, this::received);
        signals.subscribe(REPLY_CHANNEL, this::replied);
    }

    /**
     * Sends event {@code topic} with {@code data} (JSON) to the client when it is subscribed to the topic and, unless
     * {@code address} is empty, connected from that address. True iff it was sent.
     */
    public boolean send(String clientId, String topic, String data, String address) {
        switch (local.send(clientId, topic, data, address)) {
            case SENT:
                return true;
            case REFUSED:
                return false;
            default:
                break;
        }
        String request = UUID.randomUUID().toString();
        String payload = JSON.writeValueAsString(Map.of("r", request, "n", signals.nodeId(), "c", clientId,
                "t", topic, "d", data, "a", address));
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_SIGNAL_BYTES) {
            log.info("Realtime event for client {} too large for other nodes", clientId);
            return false;
        }
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        waiting.put(request, answer);
        try {
            signals.send(dsl, CHANNEL, payload); // outside a transaction: sent at once
            return answer.get(REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return false; // no node holds the client
        } catch (DataAccessException | ExecutionException e) {
            log.warn("Realtime event for client {} not sent to other nodes: {}", clientId, e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            waiting.remove(request);
        }
    }

    /** Another node's event: sent if the client is here, and answered (on a virtual thread, off the listener). */
    private void received(String payload) {
        JsonNode m = parse(payload);
        if (m == null || signals.nodeId().equals(m.path("n").asString(""))) {
            return;
        }
        DirectSender.Result result = local.send(m.path("c").asString(""), m.path("t").asString(""),
                m.path("d").asString(""), m.path("a").asString(""));
        if (result == DirectSender.Result.ABSENT) {
            return;
        }
        String reply = JSON.writeValueAsString(Map.of("r", m.path("r").asString(""), "n", m.path("n").asString(""),
                "ok", result == DirectSender.Result.SENT));
        Thread.ofVirtual().start(() -> {
            try {
                signals.send(dsl, REPLY_CHANNEL, reply);
            } catch (DataAccessException e) {
                log.warn("Realtime direct reply not sent: {}", e.getMessage());
            }
        });
    }

    private void replied(String payload) {
        JsonNode m = parse(payload);
        if (m != null && signals.nodeId().equals(m.path("n").asString(""))) {
            CompletableFuture<Boolean> answer = waiting.get(m.path("r").asString(""));
            if (answer != null) {
                answer.complete(m.path("ok").asBoolean(false));
            }
        }
    }

    private static JsonNode parse(String payload) {
        if (payload == null) {
            return null; // the signal connection was re-established: nothing to resynchronise here
        }
        try {
            return JSON.readTree(payload);
        } catch (JacksonException e) {
            return null;
        }
    }
}
