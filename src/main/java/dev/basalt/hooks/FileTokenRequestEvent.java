package dev.basalt.hooks;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;

/**
 * PocketBase's {@code FileTokenRequestEvent} ({@code onFileTokenRequest}): {@code POST /api/files/token}.
 * {@link #token()} may be changed before {@link #next()}, which answers {@code {"token": ...}}.
 */
public final class FileTokenRequestEvent extends RequestEvent {
    private final Map<String, Object> answer;

    public FileTokenRequestEvent(HttpServletRequest request, Map<String, Object> answer) {
        super(request, Map.of());
        this.answer = answer;
    }

    /** The file token to answer with. */
    public String token() {
        return String.valueOf(answer.get("token"));
    }

    public void token(String value) {
        answer.put("token", value);
    }
}
