package dev.basalt.logs.internal;

import dev.basalt.logs.LogsConfig;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * An application log entry with its data as a map. Request entries are {@link RequestLog}s; both name the private
 * keys the same way ({@link #USER_IP}, {@link #REMOTE_IP}, {@link #AUTH_ID}), which the writer drops unless
 * {@code logIP}/{@code logAuthId} allow them.
 */
record LogEntry(Instant created, int level, String message, Map<String, Object> data) implements PendingLog {
    static final String USER_IP = "userIP";
    static final String REMOTE_IP = "remoteIP";
    static final String AUTH_ID = "authId";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public long createdMillis() {
        return created.toEpochMilli();
    }

    @Override
    public String dataJson(LogsConfig config) {
        Map<String, Object> kept = new LinkedHashMap<>(data);
        if (!config.logIP()) {
            kept.remove(USER_IP);
            kept.remove(REMOTE_IP);
        }
        if (!config.logAuthId()) {
            kept.remove(AUTH_ID);
        }
        return JSON.writeValueAsString(kept);
    }
}
