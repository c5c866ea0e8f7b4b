package dev.basalt.shared;

/** One field's validation error: a stable machine code (e.g. {@code validation_required}) and a human message. */
public record FieldError(String code, String message) {

    /** The value is missing but required. */
    public static FieldError required() {
        return new FieldError("validation_required", "Cannot be blank.");
    }

    /** The value has the wrong type or shape. */
    public static FieldError invalid(String message) {
        return new FieldError("validation_invalid_value", message);
    }
}
