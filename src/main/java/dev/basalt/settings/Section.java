package dev.basalt.settings;

import dev.basalt.shared.ValidationErrors;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One merged object of the submitted settings, read value by value: a value of the wrong type is reported under
 * {@code prefix.key} and read as empty, so that every error of a request is reported at once.
 */
final class Section {
    private final Map<String, Object> values;
    private final String prefix;
    private final ValidationErrors errors;

    Section(Object values, String prefix, ValidationErrors errors) {
        this.values = new LinkedHashMap<>();
        if (values instanceof Map<?, ?> m) {
            m.forEach((k, v) -> this.values.put(String.valueOf(k), v));
        }
        this.prefix = prefix;
        this.errors = errors;
    }

    /** The nested object under {@code key}. */
    Section section(String key) {
        return new Section(values.get(key), path(key), errors);
    }

    Object raw(String key) {
        return values.get(key);
    }

    /** The trimmed text (empty when absent). */
    String text(String key) {
        Object v = values.get(key);
        if (v == null || v instanceof String) {
            return v == null ? "" : ((String) v).trim();
        }
        error(key, "validation_invalid_value", "Must be a string.");
        return "";
    }

    boolean bool(String key) {
        Object v = values.get(key);
        if (v == null || v instanceof Boolean) {
            return Boolean.TRUE.equals(v);
        }
        error(key, "validation_invalid_value", "Must be a boolean.");
        return false;
    }

    /** A whole number (0 when absent), clamped to {@code long}. */
    long number(String key) {
        Object v = values.get(key);
        if (v == null) {
            return 0;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        error(key, "validation_invalid_value", "Must be a whole number.");
        return 0;
    }

    /** A whole number that fits an {@code int}. */
    int integer(String key) {
        long n = number(key);
        if (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE) {
            error(key, "validation_invalid_value", "Must be a smaller number.");
            return 0;
        }
        return (int) n;
    }

    void error(String key, String code, String message) {
        errors.add(path(key), code, message);
    }

    private String path(String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }

    /** PocketBase's {@code Required} for text. */
    void required(String key, String value) {
        if (value.isEmpty()) {
            error(key, "validation_required", "Cannot be blank.");
        }
    }

    /** PocketBase's {@code Min(min)} (ozzo skips the zero value, as here). */
    void min(String key, long value, long min) {
        if (value != 0 && value < min) {
            error(key, "validation_min_greater_equal_than_required", "Must be no less than " + min + ".");
        }
    }
}
