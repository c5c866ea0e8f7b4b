package dev.basalt.hooks;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;

/**
 * PocketBase's {@code RealtimeSubscribeRequestEvent} ({@code onRealtimeSubscribeRequest}): a client setting its
 * subscriptions. {@link #subscriptions()} may be changed before {@link #next()}, which applies them.
 */
public final class RealtimeSubscribeRequestEvent extends RequestEvent {
    private final String clientId;
    private final List<String> subscriptions;

    public RealtimeSubscribeRequestEvent(HttpServletRequest request, String clientId, List<String> subscriptions) {
        super(request, Map.of());
        this.clientId = clientId;
        this.subscriptions = subscriptions;
    }

    /** The client's id. */
    public String clientId() {
        return clientId;
    }

    /** The topics to subscribe to (mutable; the whole list replaces the client's subscriptions). */
    public List<String> subscriptions() {
        return subscriptions;
    }
}
