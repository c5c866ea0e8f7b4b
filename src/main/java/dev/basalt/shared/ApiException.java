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
    private final ApiError error;

    public ApiException(int status, String message, Map<String, FieldError> data) {
        this(status, message, data, null);
    }

    /** An error of a module's catalogue ({@link ApiError#exception}). */
    public ApiException(ApiError error, Map<String, FieldError> data) {
        this(error.status(), error.message(), data, error);
    }

    private ApiException(int status, String message, Map<String, FieldError> data, ApiError error) {
        super(message);
        this.status = status;
        this.data = data == null ? Map.of() : Map.copyOf(data);
        this.error = error;
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

    /** True when this is that catalogue error. */
    public boolean is(ApiError value) {
        return value.equals(error);
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
        return new ApiException(404, CommonErrors.NOT_FOUND.message());
    }

    /** 404 with a specific message. */
    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }
}
