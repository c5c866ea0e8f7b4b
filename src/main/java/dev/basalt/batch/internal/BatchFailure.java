package dev.basalt.batch.internal;

import dev.basalt.shared.ApiException;
import dev.basalt.shared.FieldError;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;

/**
 * A batch that failed, rolled back, in PocketBase's shape: 400 {@link #MESSAGE} and, when one
 * sub-request failed, {@code data.requests.N = {code: "batch_request_failed", message, response: {status,
 * message, data}}} with that sub-request's own error.
 */
final class BatchFailure extends RuntimeException {
    /** Top-level message of a failed batch. */
    static final String MESSAGE = "Batch transaction failed.";

    private final int index;
    private final transient ApiException cause;

    private BatchFailure(int index, ApiException cause) {
        super(MESSAGE);
        this.index = index;
        this.cause = cause;
    }

    /** Sub-request {@code index} failed with this error. */
    static BatchFailure at(int index, ApiException error) {
        return new BatchFailure(index, error);
    }

    /** The batch as a whole failed (e.g. ran out of time). */
    static BatchFailure whole() {
        return new BatchFailure(-1, null);
    }

    /** The error response. */
    ResponseEntity<Map<String, Object>> response() {
        Map<String, Object> data = new LinkedHashMap<>();
        if (cause != null) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("code", "batch_request_failed");
            item.put("message", "Batch request failed.");
            item.put("response", errorJson(cause));
            data.put("requests", Map.of(String.valueOf(index), item));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", 400);
        json.put("message", MESSAGE);
        json.put("data", data);
        return ResponseEntity.status(400).body(json);
    }

    /** An {@link ApiException} as PocketBase's error JSON. */
    static Map<String, Object> errorJson(ApiException e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", e.status());
        json.put("message", e.getMessage());
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, FieldError> f : e.data().entrySet()) {
            fields.put(f.getKey(), Map.of("code", f.getValue().code(), "message", f.getValue().message()));
        }
        json.put("data", fields);
        return json;
    }
}
