package dev.basalt.realtime.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Sends one event to one client of this node by id, on a topic it subscribed to, and then drops that subscription:
 * PocketBase's one-shot delivery of an OAuth2 redirect ({@code @oauth2}) to the client whose id was the state.
 */
@Component
public class DirectSender {
    /** What became of one delivery on this node. */
    public enum Result {
        /** The event was queued for the client. */
        SENT,
        /** The client is here but not subscribed to the topic, or connected from another address. */
        REFUSED,
        /** No such client on this node. */
        ABSENT
    }

    private final Broker broker;

    DirectSender(Broker broker) {
        this.broker = broker;
    }

    /**
     * Queues {@code data} as event {@code topic} for the client when it is connected to this node, subscribed to
     * the topic and, unless {@code address} is empty, connected from that address; unsubscribes it from the topic.
     */
    public Result send(String clientId, String topic, String data, String address) {
        Client client = broker.find(clientId).orElse(null);
        if (client == null || client.isClosed()) {
            return Result.ABSENT;
        }
        synchronized (client) {
            if (!client.subscriptions().containsKey(topic)
                    || !client.address().isEmpty() && !address.isEmpty() && !client.address().equals(address)) {
                return Result.REFUSED;
            }
            List<String> rest = new ArrayList<>(client.subscriptions().keySet());
            rest.remove(topic); // one redirect per subscription: a second one with the same state finds nothing
            broker.subscribe(client, client.session(), rest);
        }
        return client.offer(SseFrames.event(client.id(), topic, data), true) ? Result.SENT : Result.REFUSED;
    }
}
