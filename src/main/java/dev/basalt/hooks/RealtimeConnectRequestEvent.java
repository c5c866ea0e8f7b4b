package dev.basalt.hooks;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;

/**
 * PocketBase's {@code RealtimeConnectRequestEvent} ({@code onRealtimeConnectRequest}): a client opening the realtime
 * stream. {@link #next()} opens it; a handler that does not call it answers instead (e.g. {@code json(403, ...)}).
 */
public final class RealtimeConnectRequestEvent extends RequestEvent {
    private final String clientId;

    public RealtimeConnectRequestEvent(HttpServletRequest request, String clientId) {
        super(request, Map.of());
        this.clientId = clientId;
    }

    /** The new client's id (sent to it in {@code PB_CONNECT}). */
    public String clientId() {
        return clientId;
    }
}
