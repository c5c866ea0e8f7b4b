package dev.basalt.collections.internal;

import dev.basalt.shared.FieldError;
import java.util.Map;

/** A change that cannot be applied, with per-key errors; the service turns it into a 400 for its operation. */
final class InvalidCollectionException extends RuntimeException {
    private final transient Map<String, FieldError> errors;

    InvalidCollectionException(Map<String, FieldError> errors) {
        super("invalid collection change: " + errors.keySet());
        this.errors = Map.copyOf(errors);
    }

    InvalidCollectionException(String key, FieldError error) {
        this(Map.of(key, error));
    }

    Map<String, FieldError> errors() {
        return errors;
    }
}
