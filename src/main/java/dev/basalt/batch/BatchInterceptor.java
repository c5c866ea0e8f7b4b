package dev.basalt.batch;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;

/**
 * The batch API's seam for PocketBase's {@code onBatchRequest} hook, implemented by the hooks module: it wraps the
 * handling of {@code POST /api/batch} and returns the answer; not calling {@code proceed} leaves it unhandled.
 */
public interface BatchInterceptor {
    /** False when no hook is bound: batches then skip the interceptor. */
    boolean active();

    /**
     * Wraps one batch. {@code requests} are its sub-requests as {@code {method, url, headers, body}} maps, which may
     * be changed (or removed, or added) before {@code proceed} runs them.
     */
    ResponseEntity<Object> around(HttpServletRequest request, List<Map<String, Object>> requests,
                                  Supplier<ResponseEntity<Object>> proceed);
}
