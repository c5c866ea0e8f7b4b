package dev.basalt.records;

import dev.basalt.collections.Collection;
import dev.basalt.collections.fields.AutodateField;
import dev.basalt.collections.fields.Field;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
    private final List<RecordWriteInterceptor> interceptors;
    private final Clock clock;

    RecordWrites(RecordStore store, List<RecordWriteListener> listeners, List<RecordWriteInterceptor> interceptors,
                 Clock clock) {
        this.clock = clock;
        this.store = store;
        this.listeners = List.copyOf(listeners);
        this.interceptors = List.copyOf(interceptors);
    }

    /** Inserts a new record built by a draft (as the interceptors may have amended it). */
    void insert(RecordDraft draft) {
        intercepted(RecordWrite.Action.CREATE, draft, RecordErrors.CREATE_FAILED, () -> {
            store.insert(draft);
            passed(new RecordWrite(RecordWrite.Action.CREATE, draft.collection(), draft.record()));
        });
    }

    /**
     * Writes an update draft's columns (as the interceptors may have amended them) to the stored record it was
     * built from (the record as read, locked, for this update).
     */
    void update(RecordDraft draft) {
        RecordData original = draft.original().orElseThrow();
        intercepted(RecordWrite.Action.UPDATE, draft, RecordErrors.UPDATE_FAILED, () -> {
            store.update(original.id(), draft);
            passed(new RecordWrite(RecordWrite.Action.UPDATE, draft.collection(), draft.record()));
        });
    }

    /** Deletes the rows matching {@code where}, each through the interceptors; returns them as they were. */
    List<RecordData> deleteWhere(Collection collection, Condition where) {
        if (interceptors.isEmpty()) {
            List<RecordData> rows = store.deleteReturning(collection, where);
            rows.forEach(row -> passed(new RecordWrite(RecordWrite.Action.DELETE, collection, row)));
            return rows;
        }
        List<RecordData> deleted = new ArrayList<>();
        for (RecordData row : store.findAll(collection, where, Integer.MAX_VALUE)) {
            PendingRecordWrite pending = new PendingRecordWrite(RecordWrite.Action.DELETE, collection, row.values());
            chain(pending, 0, () -> {
                for (RecordData record : store.deleteReturning(collection, RecordTables.id(collection).eq(row.id()))) {
                    deleted.add(record);
                    passed(new RecordWrite(RecordWrite.Action.DELETE, collection, record));
                }
            });
        }
        return deleted;
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
        List<RecordData> rows = store.updateReturning(collection, values, where);
        rows.forEach(row -> passed(new RecordWrite(RecordWrite.Action.UPDATE, collection, row)));
        return rows;
    }

    private void intercepted(RecordWrite.Action action, RecordDraft draft, RecordErrors failure, Runnable write) {
        if (interceptors.isEmpty()) {
            write.run();
            return;
        }
        // the hook bridge's view: a mutable copy of the values, amended back into the draft once the hooks ran
        Map<String, Object> values = new LinkedHashMap<>(draft.record().values());
        chain(new PendingRecordWrite(action, draft.collection(), values), 0, () -> {
            RecordAmendments.apply(draft, values, failure);
            write.run();
        });
    }

    private void chain(PendingRecordWrite pending, int index, Runnable write) {
        if (index == interceptors.size()) {
            write.run();
        } else {
            interceptors.get(index).around(pending, () -> chain(pending, index + 1, write));
        }
    }

    private void passed(RecordWrite write) {
        for (RecordWriteListener listener : listeners) {
            listener.written(write);
        }
    }
}
