package dev.basalt.shared;

import java.util.LinkedHashMap;
import java.util.Map;

/** Collects per-field errors and turns them into one 400 {@link ApiException}. */
public final class ValidationErrors {
    private final Map<String, FieldError> errors = new LinkedHashMap<>();

    /** Records an error for a field; the first error for a field wins. */
    public ValidationErrors add(String field, FieldError error) {
        errors.putIfAbsent(field, error);
        return this;
    }

    /** Records an error with a code and message. */
    public ValidationErrors add(String field, String code, String message) {
        return add(field, new FieldError(code, message));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public Map<String, FieldError> asMap() {
        return Map.copyOf(errors);
    }

    /** Throws {@code failure} with the collected errors, if any were recorded. */
    public void throwIfAny(ApiError failure) {
        if (!errors.isEmpty()) {
            throw failure.exception(errors);
        }
    }

    /** Throws a 400 with this message and the collected errors, if any (modules without an error catalogue yet). */
    public void throwIfAny(String message) {
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(message, errors);
        }
    }
}
