package dev.basalt.realtime.internal;

import dev.basalt.cluster.ClusterBarrier;
import dev.basalt.cluster.ClusterSignals;
import dev.basalt.realtime.SessionCheck;
import dev.basalt.shared.Caller;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A subscription request for a client of another node (behind a round-robin load balancer the POST rarely lands
 * where the SSE stream is): it goes to every node as a cluster signal on {@link #CHANNEL} with the request's token;
 * the node holding the client authenticates the token itself, applies the subscriptions as a local request would
 * and answers the status on {@link #REPLY_CHANNEL}. No answer within {@link #REPLY_TIMEOUT} means no node has it;
 * with no other node listening, the answer is given at once.
 */
@Component
class RemoteSubscriptions {
    /** The cluster channel of forwarded subscription requests. */
    static final String CHANNEL = "basalt_realtime_subscribe";
    /** The cluster channel of the answers. */
    static final String REPLY_CHANNEL = "basalt_realtime_subscribe_reply";
    /** How long the receiving node waits for the node holding the client. */
    static final Duration REPLY_TIMEOUT = Duration.ofSeconds(3);
    /** pg_notify takes payloads under 8000 bytes; larger requests must reach the client's own node. */
    static final int MAX_SIGNAL_BYTES = 7_000;
    /** The status answered when no node holds the client. */
    static final int ABSENT = 404;
    private static final Logger log = LoggerFactory.getLogger(RemoteSubscriptions.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ClusterSignals signals;
    private final ClusterBarrier barrier;
    private final DSLContext dsl;
    private final Broker broker;
    private final ObjectProvider<SessionCheck> sessions;
    private final Map<String, CompletableFuture<Integer>> waiting = new ConcurrentHashMap<>();

    RemoteSubscriptions(ClusterSignals signals, ClusterBarrier barrier, DSLContext dsl, Broker broker,
                        ObjectProvider<SessionCheck> sessions) {
        this.signals = signals;
        this.barrier = barrier;
        this.dsl = dsl;
        this.broker = broker;
        this.sessions = sessions;
        signals.subscribe(CHANNEL, this::received);
        signals.subscribe(REPLY_CHANNEL, this::replied);
    }

    /** Applies the subscriptions on the node holding the client; returns the HTTP status to answer. */
    int subscribe(String clientId, String token, List<String> subscriptions) {
        if (!otherNodesListening()) {
            return ABSENT; // a single node answers an unknown client at once, as PocketBase
        }
        String request = UUID.randomUUID().toString();
        String payload = JSON.writeValueAsString(Map.of("r", request, "n", signals.nodeId(), "c", clientId,
                "t", token, "s", subscriptions));
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_SIGNAL_BYTES) {
            log.info("Subscription request for client {} too large for other nodes", clientId);
            return ABSENT;
        }
        CompletableFuture<Integer> answer = new CompletableFuture<>();
        waiting.put(request, answer);
        try {
            signals.send(dsl, CHANNEL, payload); // outside a transaction: sent at once
            return answer.get(REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return ABSENT;
        } catch (DataAccessException | ExecutionException e) {
            log.warn("Subscription request for client {} not sent to other nodes: {}", clientId, e.getMessage());
            return ABSENT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ABSENT;
        } finally {
            waiting.remove(request);
        }
    }

    private boolean otherNodesListening() {
        try {
            return barrier.liveNodes().stream().anyMatch(n -> !n.equals(signals.nodeId()));
        } catch (DataAccessException e) {
            return true; // cannot tell: ask, and let the timeout answer
        }
    }

    /** Another node's request: applied if the client is here, off the listener thread (authentication queries). */
    private void received(String payload) {
        JsonNode m = parse(payload);
        if (m == null || signals.nodeId().equals(m.path("n").asString(""))) {
            return;
        }
        Client client = broker.find(m.path("c").asString("")).orElse(null);
        if (client == null || client.isClosed()) {
            return;
        }
        Thread.ofVirtual().start(() -> {
            String token = m.path("t").asString("");
            List<String> names = new ArrayList<>();
            m.path("s").forEach(n -> names.add(n.asString("")));
            SessionCheck check = sessions.getIfAvailable();
            Caller caller = token.isEmpty() || check == null ? Caller.ANONYMOUS
                    : check.reauthenticate(token).orElse(Caller.ANONYMOUS);
            int status = RealtimeController.apply(broker, client, caller, token, check, names);
            String reply = JSON.writeValueAsString(Map.of("r", m.path("r").asString(""),
                    "n", m.path("n").asString(""), "status", status));
            try {
                signals.send(dsl, REPLY_CHANNEL, reply);
            } catch (DataAccessException e) {
                log.warn("Subscription reply not sent: {}", e.getMessage());
            }
        });
    }

    private void replied(String payload) {
        JsonNode m = parse(payload);
        if (m != null && signals.nodeId().equals(m.path("n").asString(""))) {
            CompletableFuture<Integer> answer = waiting.get(m.path("r").asString(""));
            if (answer != null) {
                answer.complete(m.path("status").asInt(ABSENT));
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
