package dev.basalt.records;

import dev.basalt.collections.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Reads of stored record rows for other modules (auth, files, batch), without rule checks: they decide who may see
 * what. Writes go through {@link RecordService}, the one write path.
 */
@Component
public class RecordReads {
    private final RecordStore store;

    RecordReads(RecordStore store) {
        this.store = store;
    }

    /** The stored record with this id. */
    public Optional<RecordData> findById(Collection collection, String id) {
        return store.findById(collection, id);
    }

    /**
     * The stored record with this id while {@code guard} holds for {@code value} (one statement, rendered once per
     * collection version and guard).
     */
    public Optional<RecordData> findById(Collection collection, String id, RowGuard guard, String value) {
        return store.findById(collection, id, guard, value);
    }

    /** The first row matching the condition. */
    public Optional<RecordData> findWhere(Collection collection, Condition condition) {
        return store.findWhere(collection, condition, false);
    }

    /** The rows matching the condition, at most {@code limit}, in no particular order. */
    public List<RecordData> findAll(Collection collection, Condition condition, int limit) {
        return store.findAll(collection, condition, limit);
    }

    /** The record of an auth collection with this email, compared without case and surrounding spaces. */
    public Optional<RecordData> findByEmail(Collection collection, String email) {
        var column = RecordTables.column(collection, collection.field("email").orElseThrow()).cast(String.class);
        String wanted = email == null ? "" : email.trim();
        return store.findWhere(collection, DSL.lower(column).eq(DSL.lower(DSL.val(wanted))), false);
    }

    /** True when a row matches the condition. */
    public boolean exists(Collection collection, Condition condition) {
        return store.exists(collection, condition);
    }
}
