package dev.basalt.records;

import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;

/**
 * Wraps the handling of each records REST API call (list, view, create, update, delete): PocketBase's
 * {@code onRecord*Request} hooks attach here. {@code proceed} handles the call as usual and returns its response;
 * an interceptor may change the call's body first, change the response, or answer by itself without proceeding.
 */
@FunctionalInterface
public interface RecordRequestInterceptor {
    /** Handles one call; return {@code proceed.get()} to keep the usual answer. */
    ResponseEntity<Object> around(RecordApiCall call, Supplier<ResponseEntity<Object>> proceed);
}
