package dev.basalt.hooks;

import dev.basalt.realtime.RealtimeInterceptor.RealtimeMessage;

/**
 * PocketBase's {@code RealtimeMessageEvent} ({@code onRealtimeMessageSend}): one message about to be written to one
 * client (its {@code PB_CONNECT} included). The message's name and data may be changed before {@link #next()}, which
 * writes it; a handler that does not call it skips the message. Runs on the client's writer thread, after the
 * request that connected it, so it has no request of its own.
 */
public final class RealtimeMessageEvent extends HookEvent {
    private final String clientId;
    private final RealtimeMessage message;

    public RealtimeMessageEvent(String clientId, RealtimeMessage message) {
        this.clientId = clientId;
        this.message = message;
    }

    /** The receiving client's id. */
    public String clientId() {
        return clientId;
    }

    /** The message: {@code name()} (the topic or {@code PB_CONNECT}) and {@code data()} (JSON text), changeable. */
    public RealtimeMessage message() {
        return message;
    }
}
