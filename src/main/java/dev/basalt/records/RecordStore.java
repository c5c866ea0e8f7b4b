package dev.basalt.records;

import dev.basalt.collections.Collection;
import dev.basalt.collections.fields.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectField;
import org.springframework.stereotype.Component;

/**
 * Plain reads and writes of a collection's rows by column values; rule checks happen in the callers. Package-private:
 * other modules read through {@link RecordReads} and write through {@link RecordService}, so every write passes
 * {@link RecordWrites}.
 */
@Component
class RecordStore {
    private final DSLContext dsl;
    private final RecordByIdQuery byId;
    private final RecordWriteQueries writes;

    public RecordStore(DSLContext dsl) {
        this.dsl = dsl;
        this.byId = new RecordByIdQuery(dsl);
        this.writes = new RecordWriteQueries(dsl);
    }

    /** The stored record with this id. */
    Optional<RecordData> findById(Collection collection, String id) {
        return byId.fetch(collection, id, false).map(row -> inFieldOrder(collection, row));
    }

    /** The stored record with this id, locked FOR UPDATE within the current transaction. */
    Optional<RecordData> lockById(Collection collection, String id) {
        return byId.fetch(collection, id, true).map(row -> inFieldOrder(collection, row));
    }

    /** The stored record with this id while the guard holds for the value. */
    Optional<RecordData> findById(Collection collection, String id, RowGuard guard, String value) {
        return byId.fetch(collection, id, guard, value).map(row -> inFieldOrder(collection, row));
    }

    /** The row matching the condition, optionally locked FOR UPDATE within the current transaction. */
    Optional<RecordData> findWhere(Collection collection, Condition condition, boolean lock) {
        var select = dsl.select(columns(collection)).from(RecordTables.table(collection)).where(condition).limit(1);
        Record r = lock ? select.forUpdate().fetchOne() : select.fetchOne();
        return Optional.ofNullable(r).map(row -> toRecord(collection, row));
    }

    /** The rows matching the condition, at most {@code limit}, in no particular order. */
    List<RecordData> findAll(Collection collection, Condition condition, int limit) {
        return dsl.select(columns(collection)).from(RecordTables.table(collection)).where(condition).limit(limit)
                .fetch(row -> toRecord(collection, row));
    }

    /** Inserts the row a create draft builds (the columns it writes). */
    void insert(RecordDraft draft) {
        writes.insert(draft); // RETURNING the transaction id, for the realtime announcement
    }

    /** Writes the columns an update draft sets to the row with this id; returns the number of rows changed. */
    int update(String id, RecordDraft draft) {
        if (draft.columns().isEmpty()) {
            return 0;
        }
        return writes.update(id, draft); // RETURNING the transaction id, for the realtime announcement
    }

    /** Deletes rows matching the condition; returns them as they were. */
    List<RecordData> deleteReturning(Collection collection, Condition condition) {
        return dsl.deleteFrom(RecordTables.table(collection)).where(condition).returning(columns(collection)).fetch()
                .map(r -> toRecord(collection, r));
    }

    /** Sets columns on the rows matching the condition; returns them after the change. */
    List<RecordData> updateReturning(Collection collection, Map<org.jooq.Field<?>, Object> set,
                                              Condition condition) {
        return dsl.update(RecordTables.table(collection)).set(set).where(condition).returning(columns(collection))
                .fetch().map(r -> toRecord(collection, r));
    }

    /** True when a row matches the condition. */
    boolean exists(Collection collection, Condition condition) {
        return dsl.fetchExists(dsl.selectOne().from(RecordTables.table(collection)).where(condition));
    }

    /** Typed select fields for every column of the collection. */
    static List<SelectField<?>> columns(Collection collection) {
        List<SelectField<?>> fields = new ArrayList<>();
        for (Field f : collection.fields()) {
            fields.add(RecordTables.column(collection, f));
        }
        return fields;
    }

    /**
     * A row of {@link #columns} as a record, by position: the by-id reads select exactly the collection's fields in
     * order (no look-up of each field's column by name, as {@link #toRecord} does for rows of any shape).
     */
    static RecordData inFieldOrder(Collection collection, Record row) {
        List<Field> fields = collection.fields();
        if (row.size() != fields.size()) {
            return toRecord(collection, row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            out.put(fields.get(i).name(), row.get(i));
        }
        return RecordData.of(collection, out);
    }

    /** A fetched row as a record (the jOOQ edge: column values by field name). */
    static RecordData toRecord(Collection collection, Record row) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field f : collection.fields()) {
            if (row.field(f.name()) != null) {
                out.put(f.name(), row.get(f.name()));
            }
        }
        return RecordData.of(collection, out);
    }
}
