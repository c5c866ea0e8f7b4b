package dev.basalt.records;

import dev.basalt.collections.Collection;
import java.util.Map;
import java.util.Objects;

/**
 * A record write about to happen, as a {@link RecordWriteInterceptor} sees it. For a create or update,
 * {@code record} is every field's value as it will be stored and may be changed before the write proceeds: changed
 * values are converted and checked by their fields, as a submitted body's (a bad one fails the write with PocketBase's
 * 400). For a delete it is the stored row, read-only.
 *
 * @param action     the write
 * @param collection the record's collection
 * @param record     field values by name
 */
public record PendingRecordWrite(RecordWrite.Action action, Collection collection, Map<String, Object> record) {
    public PendingRecordWrite {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(record, "record");
    }

    /** The record's id. */
    public String id() {
        return String.valueOf(record.get("id"));
    }
}
