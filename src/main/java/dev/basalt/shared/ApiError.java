package dev.basalt.shared;

import java.util.Locale;
import java.util.Map;

/**
 * One kind of error the API answers: a stable code, the HTTP status and PocketBase's message, written once in a
 * module's catalogue (an enum implementing this, e.g. {@code records.RecordErrors}, {@code auth.AuthErrors}) and
 * thrown as {@link ApiException}. The JSON is PocketBase's {@code {"status","message","data"}}: the code is not
 * part of it; it names the error for code, logs and tests, and does not change when a message is reworded.
 */
public interface ApiError {
    /** The entry's name in its catalogue: an enum constant's own {@code name()}. */
    String name();

    /** The catalogue's part of every code, e.g. {@code auth}. */
    String catalogue();

    /** PocketBase's status and message of this error. */
    Text text();

    /** The stable identifier, e.g. {@code auth.refresh_token_invalid}. */
    default String code() {
        return catalogue() + "." + name().toLowerCase(Locale.ROOT);
    }

    /** The HTTP status. */
    default int status() {
        return text().status();
    }

    /** The message shown to clients (PocketBase's wording). */
    default String message() {
        return text().message();
    }

    /** This error, without field errors. */
    default ApiException exception() {
        return new ApiException(this, Map.of());
    }

    /** This error, with per-field errors under {@code data}. */
    default ApiException exception(Map<String, FieldError> data) {
        return new ApiException(this, data);
    }

    /**
     * What clients see of an error.
     *
     * @param status  the HTTP status
     * @param message PocketBase's message
     */
    record Text(int status, String message) {
    }
}
