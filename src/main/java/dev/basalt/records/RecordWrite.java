package dev.basalt.records;

import dev.basalt.collections.Collection;
import java.util.Map;
import java.util.Objects;

/**
 * One record write as the write path ({@link RecordWrites}) made it: what every {@link RecordWriteListener} sees.
 *
 * @param action     what happened to the row
 * @param collection the record's collection
 * @param record     the stored row after the write (before it, for a delete), as column values by field name
 */
public record RecordWrite(Action action, Collection collection, Map<String, Object> record) {
    /** The three writes; their lower-case names are PocketBase's realtime actions. */
    public enum Action {
        CREATE, UPDATE, DELETE;

        /** {@code create}, {@code update} or {@code delete}. */
        public String pocketBaseName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public RecordWrite {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(collection, "collection");
        // not Map.copyOf: unset fields are null values, which it refuses
        record = java.util.Collections.unmodifiableMap(Objects.requireNonNull(record, "record"));
    }

    /** The record's id. */
    public String id() {
        return String.valueOf(record.get("id"));
    }
}
