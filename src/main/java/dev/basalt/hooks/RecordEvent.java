package dev.basalt.hooks;

import dev.basalt.collections.Collection;
import dev.basalt.records.RecordData;
import dev.basalt.records.RecordWrite;
import java.util.Map;
import java.util.Set;

/**
 * A record model event (PocketBase's {@code RecordEvent} and {@code RecordErrorEvent}): a create, update or delete on
 * the one write path, whoever asked for it (API, batch, dashboard, cascades, hooks). In {@code onRecordCreate},
 * {@code onRecordUpdate} and {@code onRecordDelete}, {@link #next()} performs the write inside its transaction, and
 * the record's values may be changed before it (they are checked as submitted values). In the after-success hooks the
 * write has been committed; in the error hooks {@link #error()} says why it failed.
 */
public final class RecordEvent extends HookEvent {
    private final RecordWrite.Action action;
    private final Collection collection;
    private final Map<String, Object> record;
    private final Throwable error;
    private final RecordData data;

    public RecordEvent(RecordWrite.Action action, Collection collection, Map<String, Object> record, Throwable error) {
        this.action = action;
        this.collection = collection;
        this.record = record;
        this.error = error;
        this.data = null;
    }

    /** An event of a written record (after-success and after-error hooks), typed, with its values before an update. */
    public RecordEvent(RecordWrite write, Throwable error) {
        this.action = write.action();
        this.collection = write.collection();
        this.record = write.record().values();
        this.error = error;
        this.data = write.record();
    }

    /**
     * The record as a typed {@link RecordData} (after an update, with {@link RecordData#original()} and
     * {@link RecordData#changed}); in a wrapping hook a snapshot of the values at this moment.
     */
    public RecordData data() {
        return data != null ? data : RecordData.of(collection, record);
    }

    /** Create, update or delete. */
    public RecordWrite.Action action() {
        return action;
    }

    /** The record's collection. */
    public Collection collection() {
        return collection;
    }

    /**
     * The record's field values by name, as stored (mutable before {@link #next()} in a create or update hook;
     * read-only otherwise).
     */
    public Map<String, Object> record() {
        return record;
    }

    /** The record's id. */
    public String id() {
        return String.valueOf(record.get("id"));
    }

    /** Why the write failed (error hooks only); null otherwise. */
    public Throwable error() {
        return error;
    }

    /** The collection's id and name, for handlers bound to some collections. */
    @Override
    public Set<String> tags() {
        return Set.of(collection.id(), collection.name());
    }
}
