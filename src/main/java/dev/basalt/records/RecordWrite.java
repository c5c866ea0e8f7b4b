package dev.basalt.records;

import dev.basalt.collections.Collection;
import java.util.Objects;

/**
 * One record write as the write path ({@link RecordWrites}) made it: what every {@link RecordWriteListener} sees.
 *
 * @param action     what happened to the row
 * @param collection the record's collection
 * @param record     the stored record after the write (before it, for a delete); after an update it also holds
 *                   the values it had before ({@link RecordData#original()}, {@link RecordData#changed})
 */
public record RecordWrite(Action action, Collection collection, RecordData record) {
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
        Objects.requireNonNull(record, "record");
        if (!record.collection().id().equals(collection.id())) {
            throw new IllegalArgumentException("record of " + record.collection().name() + " in " + collection.name());
        }
    }

    /** The record's id. */
    public String id() {
        return record.id();
    }
}
