package dev.basalt.realtime;

import dev.basalt.cluster.ClusterRequests;
import dev.basalt.realtime.internal.DirectSender;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one event to one realtime client by id, whichever node it is connected to, then unsubscribes it from that
 * topic (PocketBase's {@code @oauth2} redirect). A client of this node gets it at once; otherwise the event is asked
 * of the other nodes ({@link ClusterRequests} on {@link #CHANNEL}), and the node holding the client answers whether it
 * sent it. No answer within {@link #REPLY_TIMEOUT} means no node has it.
 */
@Component
public class ClientMessages {
    /** The cluster channel of events for a client of another node. */
    public static final String CHANNEL = "basalt_realtime_direct";
    /** How long the sender waits for the node holding the client. */
    static final Duration REPLY_TIMEOUT = Duration.ofSeconds(3);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ClusterRequests requests;
    private final DirectSender local;

    ClientMessages(ClusterRequests requests, DirectSender local) {
        this.requests = requests;
        this.local = local;
        requests.serve(CHANNEL, this::received);
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
        String request = JSON.writeValueAsString(Map.of("c", clientId, "t", topic, "d", data, "a", address));
        return requests.ask(CHANNEL, request, REPLY_TIMEOUT).map(Boolean::parseBoolean).orElse(false);
    }

    /** Another node's event: sent if the client is here (answered), else no answer. */
    private Optional<String> received(String request) {
        JsonNode m;
        try {
            m = JSON.readTree(request);
        } catch (JacksonException e) {
            return Optional.empty();
        }
        DirectSender.Result result = local.send(m.path("c").asString(""), m.path("t").asString(""),
                m.path("d").asString(""), m.path("a").asString(""));
        return result == DirectSender.Result.ABSENT ? Optional.empty()
                : Optional.of(Boolean.toString(result == DirectSender.Result.SENT));
    }
}
