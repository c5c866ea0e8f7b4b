package dev.basalt.collections.fields;

import dev.basalt.shared.FieldError;

/** A submitted value that a field cannot accept; carries the field error to report. */
public class FieldValueException extends RuntimeException {
    private final transient FieldError error;

    public FieldValueException(String code, String message) {
        super(message);
        this.error = new FieldError(code, message);
    }

    public FieldError error() {
        return error;
    }
}
