package dev.basalt.records;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * A submitted record body as the write path takes it, from the JSON edge (the REST API, batch, hooks, server code)
 * down to {@link RecordDraft}: body keys (field names, {@code field+}, {@code +field}, {@code field-},
 * {@code field:autogenerate}, or keys that write nothing) with their submitted values, in order. Immutable: each
 * step that adjusts a body ({@link HiddenInput}, {@link AuthRecordInput}, uploads) makes a new one.
 */
public final class RecordInput {
    private static final RecordInput EMPTY = new RecordInput(Map.of());
    private final Map<String, Object> values;

    private RecordInput(Map<String, ?> values) {
        // not Map.copyOf: a submitted null (JSON null) is a value
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** A body read from JSON (or multipart form data), or built by server code. */
    public static RecordInput of(Map<String, ?> body) {
        return body == null || body.isEmpty() ? EMPTY : new RecordInput(body);
    }

    /** A body of one key. */
    public static RecordInput of(String key, Object value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(key, value);
        return new RecordInput(body);
    }

    /** True when the body has the key. */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** The value submitted for the key, or null. */
    public Object get(String key) {
        return values.get(key);
    }

    /** The submitted {@code id} when it is a non-empty text, else "" (a create generates one). */
    public String id() {
        return values.get("id") instanceof String s ? s : "";
    }

    /** The body's keys, in order. */
    public Set<String> keys() {
        return values.keySet();
    }

    /** Calls {@code action} with each key and value, in order. */
    public void forEach(BiConsumer<String, Object> action) {
        values.forEach(action);
    }

    /** The same body with the key set to the value (added last when new). */
    public RecordInput with(String key, Object value) {
        Map<String, Object> out = new LinkedHashMap<>(values);
        out.put(key, value);
        return new RecordInput(out);
    }

    /** The same body without the keys {@code drop} accepts. */
    public RecordInput without(Predicate<String> drop) {
        if (values.keySet().stream().noneMatch(drop)) {
            return this;
        }
        Map<String, Object> out = new LinkedHashMap<>(values);
        out.keySet().removeIf(drop);
        return new RecordInput(out);
    }

    /** The body as a JSON object (unmodifiable): for {@code @request.body} and the JSON edges. */
    public Map<String, Object> asJson() {
        return values;
    }

    @Override
    public String toString() {
        return "RecordInput" + values.keySet();
    }
}
