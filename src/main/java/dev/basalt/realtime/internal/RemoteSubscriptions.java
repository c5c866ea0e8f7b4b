package dev.basalt.realtime.internal;

import dev.basalt.cluster.ClusterBarrier;
import dev.basalt.cluster.ClusterRequests;
import dev.basalt.cluster.ClusterSignals;
import dev.basalt.realtime.SessionCheck;
import dev.basalt.shared.Caller;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A subscription request for a client of another node (behind a round-robin load balancer the POST rarely lands
 * where the SSE stream is): it is asked of every node ({@link ClusterRequests} on {@link #CHANNEL}) with the request's
 * token; the node holding the client authenticates the token itself, applies the subscriptions as a local request
 * would and answers the status. No answer within {@link #REPLY_TIMEOUT} means no node has it; with no other node
 * listening, the answer is given at once.
 */
@Component
class RemoteSubscriptions {
    /** The cluster channel of forwarded subscription requests. */
    static final String CHANNEL = "basalt_realtime_subscribe";
    /** How long the receiving node waits for the node holding the client. */
    static final Duration REPLY_TIMEOUT = Duration.ofSeconds(3);
    /** The status answered when no node holds the client. */
    static final int ABSENT = 404;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ClusterRequests requests;
    private final ClusterSignals signals;
    private final ClusterBarrier barrier;
    private final Broker broker;
    private final ObjectProvider<SessionCheck> sessions;

    RemoteSubscriptions(ClusterRequests requests, ClusterSignals signals, ClusterBarrier barrier, Broker broker,
                        ObjectProvider<SessionCheck> sessions) {
        this.requests = requests;
        this.signals = signals;
        this.barrier = barrier;
        this.broker = broker;
        this.sessions = sessions;
        requests.serve(CHANNEL, this::received);
    }

    /** Applies the subscriptions on the node holding the client; returns the HTTP status to answer. */
    int subscribe(String clientId, String token, List<String> subscriptions) {
        if (!otherNodesListening()) {
            return ABSENT; // a single node answers an unknown client at once, as PocketBase
        }
        String request = JSON.writeValueAsString(Map.of("c", clientId, "t", token, "s", subscriptions));
        return requests.ask(CHANNEL, request, REPLY_TIMEOUT).map(RemoteSubscriptions::status).orElse(ABSENT);
    }

    private static int status(String answer) {
        try {
            return Integer.parseInt(answer);
        } catch (NumberFormatException e) {
            return ABSENT;
        }
    }

    private boolean otherNodesListening() {
        try {
            return barrier.liveNodes().stream().anyMatch(n -> !n.equals(signals.nodeId()));
        } catch (DataAccessException e) {
            return true; // cannot tell: ask, and let the timeout answer
        }
    }

    /** Another node's request: applied if the client is here (authentication queries), else no answer. */
    private Optional<String> received(String request) {
        JsonNode m;
        try {
            m = JSON.readTree(request);
        } catch (JacksonException e) {
            return Optional.empty();
        }
        Client client = broker.find(m.path("c").asString("")).orElse(null);
        if (client == null || client.isClosed()) {
            return Optional.empty();
        }
        String token = m.path("t").asString("");
        List<String> names = new ArrayList<>();
        m.path("s").forEach(n -> names.add(n.asString("")));
        SessionCheck check = sessions.getIfAvailable();
        Caller caller = token.isEmpty() || check == null ? Caller.ANONYMOUS
                : check.reauthenticate(token).orElse(Caller.ANONYMOUS);
        return Optional.of(Integer.toString(RealtimeController.apply(broker, client, caller, token, check, names)));
    }
}
