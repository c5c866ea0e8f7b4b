package dev.basalt.collections.fields;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * PocketBase's update modifiers of a body key: {@code field+} appends (adds to a number), {@code +field} prepends,
 * {@code field-} removes (subtracts from a number). Each field type says which it supports in
 * {@link Field#modify}.
 */
public enum Modifier {
    APPEND, PREPEND, REMOVE;

    /**
     * The modifier on a list of names (select values, relation ids, file names), as PocketBase's setters: both
     * sides as unique string lists, then the result normalised again (unique; a single-value field keeps the last).
     *
     * @param multiple true when the field stores several values ({@code String[]}), false for one ({@code String})
     */
    Object onList(Object input, Object current, boolean multiple) {
        List<String> items = Casts.uniqueStrings(input);
        List<String> values = new ArrayList<>();
        switch (this) {
            case APPEND -> {
                values.addAll(stored(current));
                values.addAll(items);
            }
            case PREPEND -> {
                values.addAll(items);
                values.addAll(stored(current));
            }
            case REMOVE -> {
                values.addAll(stored(current));
                values.removeAll(items);
            }
        }
        List<String> unique = List.copyOf(new LinkedHashSet<>(values));
        return multiple ? unique.toArray(String[]::new) : (unique.isEmpty() ? "" : unique.getLast());
    }

    /** A stored value as a list: its names as they are (no parsing; a stored name may contain any character). */
    private static List<String> stored(Object current) {
        if (current instanceof String[] arr) {
            return List.of(arr);
        }
        if (current instanceof String str && !str.isEmpty()) {
            return List.of(str);
        }
        return List.of();
    }
}
