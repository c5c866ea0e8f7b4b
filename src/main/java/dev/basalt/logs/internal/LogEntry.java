package dev.basalt.logs.internal;

import java.time.Instant;
import java.util.Map;

/**
 * One entry waiting to be written. Request entries carry the client's addresses and record id
 * {@link #PRIVATE_KEYS}; the writer drops them unless {@code logIP}/{@code logAuthId} allow them.
 */
record LogEntry(Instant created, int level, String message, Map<String, Object> data) {
    static final String USER_IP = "userIP";
    static final String REMOTE_IP = "remoteIP";
    static final String AUTH_ID = "authId";
}
