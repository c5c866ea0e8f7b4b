package dev.basalt.shared;

import java.util.Map;

/**
 * An error answered to the client in PocketBase's JSON shape:
 * {@code {"status":400,"message":"...","data":{"field":{"code":"...","message":"..."}}}}.
 * The message and the per-field errors are safe to show; never put SQL or stack traces here.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final Map<String, FieldError> data;

    public ApiException(int status, String message, Map<String, FieldError> data) {
        super(message);
        this.status = status;
        this.data = data == null ? Map.of() : Map.copyOf(data);
    }

    public ApiException(int status, String message) {
        this(status, message, Map.of());
    }

    public int status() {
        return status;
    }

    public Map<String, FieldError> data() {
        return data;
    }

    /** 400 with per-field errors. */
    public static ApiException badRequest(String message, Map<String, FieldError> data) {
        return new ApiException(400, message, data);
    }

    /** 400 without field errors. */
    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    /** 401: the request needs a valid auth token. */
    public static ApiException unauthorized(String message) {
        return new ApiException(401, message);
    }

    /** 403: the caller is known but not allowed. */
    public static ApiException forbidden(String message) {
        return new ApiException(403, message);
    }

    /** 404 with PocketBase's default message. */
    public static ApiException notFound() {
        return new ApiException(404, "The requested resource wasn't found.");
    }

    /** 404 with a specific message. */
    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }
}
