package dev.basalt.realtime.internal;

/** Server-sent event frames as PocketBase writes them: {@code id:CLIENT}, {@code event:NAME}, {@code data:JSON}. */
final class SseFrames {
    /** A comment line: keeps proxies from closing a quiet stream. */
    static final String KEEP_ALIVE = ":keep-alive\n\n";

    private SseFrames() {
    }

    static String event(String clientId, String name, String data) {
        return "id:" + clientId + "\nevent:" + name + "\ndata:" + data + "\n\n";
    }
}
