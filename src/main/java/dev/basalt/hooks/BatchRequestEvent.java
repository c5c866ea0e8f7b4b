package dev.basalt.hooks;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;

/**
 * PocketBase's {@code BatchRequestEvent} ({@code onBatchRequest}): a {@code POST /api/batch}. {@link #batch()} are its
 * sub-requests ({@code method}, {@code url}, {@code headers}, {@code body}), changeable before {@link #next()}, which
 * runs them; else the handler answers.
 */
public final class BatchRequestEvent extends RequestEvent {
    private final List<Map<String, Object>> batch;

    public BatchRequestEvent(HttpServletRequest request, List<Map<String, Object>> batch) {
        super(request, Map.of());
        this.batch = batch;
    }

    /** The sub-requests (mutable list of mutable maps). */
    public List<Map<String, Object>> batch() {
        return batch;
    }
}
