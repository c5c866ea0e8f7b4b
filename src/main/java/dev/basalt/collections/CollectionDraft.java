package dev.basalt.collections;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Submitted collection data in PocketBase's JSON shape (as parsed into maps, lists, strings, numbers and
 * booleans). On update only the keys present change (PATCH semantics); {@code fields}, when present, is the
 * complete new list, each field matched to an existing one by {@code id}, else by name. Read keys: {@code id},
 * {@code name}, {@code type}, {@code system}, {@code fields}, {@code indexes}, {@code listRule},
 * {@code viewRule}, {@code createRule}, {@code updateRule}, {@code deleteRule}, and for auth collections the
 * option keys of {@link AuthOptions#toJson()} (objects merged key by key); others are ignored.
 *
 * @param values the submitted keys and values (null values allowed, e.g. a rule reset to superusers only)
 */
public record CollectionDraft(Map<String, Object> values) {

    public CollectionDraft {
        values = Collections.unmodifiableMap(values == null ? new LinkedHashMap<>() : new LinkedHashMap<>(values));
    }

    /** A draft of these values. */
    public static CollectionDraft of(Map<String, ?> values) {
        return new CollectionDraft(values == null ? null : new LinkedHashMap<>(values));
    }

    /** A draft holding every part of an existing definition (its JSON form). */
    public static CollectionDraft from(Collection collection) {
        return new CollectionDraft(CollectionJson.toJson(collection));
    }

    /** True when the key was submitted (even with a null value). */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** The submitted value, or null. */
    public Object get(String key) {
        return values.get(key);
    }

    /** A copy with one key set. */
    public CollectionDraft with(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return new CollectionDraft(copy);
    }
}
