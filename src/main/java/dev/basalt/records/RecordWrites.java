package dev.basalt.records;

import dev.basalt.collections.Collection;
import dev.basalt.collections.fields.AutodateField;
import dev.basalt.collections.fields.Field;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.springframework.stereotype.Component;

/**
 * The one write path of record rows: {@link RecordService} (API, batch, auth flags, CLI), {@link RelationIntegrity}
 * (cascades and clean-up) and truncate write only through here, inside their transaction. Every written row then
 * passes each {@link RecordWriteListener}: the realtime event, and the point where hooks and webhooks attach.
 * {@code onUpdate} autodates are set by {@link RecordDraft} for single writes and here for statement-wide updates.
 */
@Component
class RecordWrites {
    private final RecordStore store;
    private final List<RecordWriteListener> listeners;
    private final Clock clock;

    RecordWrites(RecordStore store, List<RecordWriteListener> listeners, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.listeners = List.copyOf(listeners);
    }

    /** Inserts a new record built by a draft. */
    void insert(Collection collection, RecordDraft draft) {
        store.insert(collection, draft.changes());
        passed(new RecordWrite(RecordWrite.Action.CREATE, collection, RecordData.of(collection, draft.record())));
    }

    /** Writes a draft's changes to the stored record {@code before} (the record as read for this update). */
    void update(Collection collection, Map<String, Object> before, RecordDraft draft) {
        RecordData original = RecordData.of(collection, before);
        store.update(collection, original.id(), draft.changes());
        passed(new RecordWrite(RecordWrite.Action.UPDATE, collection,
                RecordData.of(collection, draft.record()).withOriginal(original)));
    }

    /** Deletes the rows matching {@code where}; returns them as they were. */
    List<RecordData> deleteWhere(Collection collection, Condition where) {
        List<RecordData> rows = store.deleteReturning(collection, where).stream()
                .map(row -> RecordData.of(collection, row)).toList();
        rows.forEach(row -> passed(new RecordWrite(RecordWrite.Action.DELETE, collection, row)));
        return rows;
    }

    /** Sets columns on the rows matching {@code where}, and their {@code onUpdate} autodates; returns them after. */
    List<RecordData> updateWhere(Collection collection, Map<org.jooq.Field<?>, Object> set, Condition where) {
        Map<org.jooq.Field<?>, Object> values = new LinkedHashMap<>(set);
        OffsetDateTime now = RecordDraft.autodate(clock);
        for (Field f : collection.fields()) {
            if (f instanceof AutodateField a && a.onUpdate()) {
                values.put(RecordTables.column(collection, a), now);
            }
        }
        List<RecordData> rows = store.updateReturning(collection, values, where).stream()
                .map(row -> RecordData.of(collection, row)).toList();
        rows.forEach(row -> passed(new RecordWrite(RecordWrite.Action.UPDATE, collection, row)));
        return rows;
    }

    private void passed(RecordWrite write) {
        for (RecordWriteListener listener : listeners) {
            listener.written(write);
        }
    }
}
