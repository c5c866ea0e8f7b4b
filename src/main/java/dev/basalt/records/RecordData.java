package dev.basalt.records;

import dev.basalt.collections.Collection;
import dev.basalt.collections.fields.Field;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One record of a collection as the services pass it: its id, its collection, every field's stored value by field
 * name, and, after an update, the values it had before (what {@code :changed} and hooks compare with). The only
 * place that knows which fields are secret (never leave the server) and which are hidden (superusers only).
 * Immutable; a map of values exists only where JSON is read or written ({@link #values()}).
 */
public final class RecordData {
    private final Collection collection;
    private final Map<String, Object> values;
    private final Map<String, Object> original;

    private RecordData(Collection collection, Map<String, Object> values, Map<String, Object> original) {
        this.collection = Objects.requireNonNull(collection, "collection");
        this.values = frozen(values);
        this.original = original == null ? null : frozen(original);
    }

    /** A stored record: column values by field name, as the store reads them. */
    public static RecordData of(Collection collection, Map<String, Object> stored) {
        return new RecordData(collection, Objects.requireNonNull(stored, "stored"), null);
    }

    /** The same record, remembering the values it had before this change. */
    public RecordData withOriginal(RecordData before) {
        return new RecordData(collection, values, before == null ? null : before.values);
    }

    /** The record's id. */
    public String id() {
        Object id = values.get("id");
        return id == null ? "" : id.toString();
    }

    /** The record's collection. */
    public Collection collection() {
        return collection;
    }

    /** A field's stored value, or null (for an unknown field too). */
    public Object get(String field) {
        return values.get(field);
    }

    /** A text field's value; "" when unset. */
    public String text(String field) {
        Object v = values.get(field);
        return v == null ? "" : v.toString();
    }

    /** A bool field's value; false when unset. */
    public boolean bool(String field) {
        return Boolean.TRUE.equals(values.get(field));
    }

    /** A number field's value; 0 when unset. */
    public double number(String field) {
        return values.get(field) instanceof Number n ? n.doubleValue() : 0;
    }

    /** A date or autodate field's value; null when unset. */
    public OffsetDateTime date(String field) {
        return values.get(field) instanceof OffsetDateTime d ? d : null;
    }

    /** The values of a select, relation or file field, single or multiple; empty when unset. */
    public List<String> strings(String field) {
        return switch (values.get(field)) {
            case String[] a -> List.of(a);
            case List<?> l -> l.stream().map(String::valueOf).toList();
            case String s when !s.isEmpty() -> List.of(s);
            case null, default -> List.of();
        };
    }

    /** Every field's stored value by field name (unmodifiable): for the JSON and rule edges. */
    public Map<String, Object> values() {
        return values;
    }

    /** The record as it was before this change; empty for a record that was not changed here. */
    public Optional<RecordData> original() {
        return original == null ? Optional.empty() : Optional.of(new RecordData(collection, original, null));
    }

    /** True when this change gave the field another value than it had. */
    public boolean changed(String field) {
        return original != null && !Objects.deepEquals(original.get(field), values.get(field));
    }

    /** The values without the secret fields: for snapshots and anything else that leaves the write. */
    public Map<String, Object> withoutSecrets() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field f : collection.fields()) {
            if (!secret(collection, f)) {
                out.put(f.name(), values.get(f.name()));
            }
        }
        return out;
    }

    /**
     * A secret field is never printed, not even to superusers, nor put in a realtime snapshot: password hashes, and
     * the token key of auth records (a signing secret).
     */
    public static boolean secret(Collection collection, Field field) {
        return field.type().equals("password")
                || (collection.isAuth() && field.system() && field.name().equals("tokenKey"));
    }

    /** Whether the field is printed: never when secret, hidden fields only when {@code showHidden} (superusers). */
    public static boolean printed(Collection collection, Field field, boolean showHidden) {
        return !secret(collection, field) && (showHidden || !field.hidden());
    }

    @Override
    public String toString() {
        return collection.name() + "/" + id();
    }

    private static Map<String, Object> frozen(Map<String, Object> values) {
        // not Map.copyOf: unset fields are null values, which it refuses
        return Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
