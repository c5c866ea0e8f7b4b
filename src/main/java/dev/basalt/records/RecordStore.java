package dev.basalt.records;

import dev.basalt.collections.Collection;
import dev.basalt.collections.fields.Field;
import dev.basalt.realtime.ChangeFeed;
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

    public RecordStore(DSLContext dsl) {
        this.dsl = dsl;
        this.byId = new RecordByIdQuery(dsl);
    }

    /** The stored row with this id, as column values by field name. */
    Optional<Map<String, Object>> findById(Collection collection, String id) {
        return byId.fetch(collection, id).map(row -> toMap(collection, row));
    }

    /** The row matching the condition, optionally locked FOR UPDATE within the current transaction. */
    Optional<Map<String, Object>> findWhere(Collection collection, Condition condition, boolean lock) {
        var select = dsl.select(columns(collection)).from(RecordTables.table(collection)).where(condition).limit(1);
        Record r = lock ? select.forUpdate().fetchOne() : select.fetchOne();
        return Optional.ofNullable(r).map(row -> toMap(collection, row));
    }

    /** The rows matching the condition, at most {@code limit}, in no particular order. */
    List<Map<String, Object>> findAll(Collection collection, Condition condition, int limit) {
        return dsl.select(columns(collection)).from(RecordTables.table(collection)).where(condition).limit(limit)
                .fetch(row -> toMap(collection, row));
    }

    /** Inserts a row from column values by field name. */
    void insert(Collection collection, Map<String, Object> values) {
        var insert = dsl.insertInto(RecordTables.table(collection));
        Map<org.jooq.Field<?>, Object> row = new LinkedHashMap<>();
        values.forEach((name, v) -> row.put(RecordTables.column(collection, collection.field(name).orElseThrow()), v));
        ChangeFeed.knownXid(insert.set(row).returning(ChangeFeed.XID).fetchOne(ChangeFeed.XID));
    }

    /** Updates the given columns of the row with this id; returns the number of rows changed. */
    int update(Collection collection, String id, Map<String, Object> values) {
        if (values.isEmpty()) {
            return 0;
        }
        Map<org.jooq.Field<?>, Object> row = new LinkedHashMap<>();
        values.forEach((name, v) -> row.put(RecordTables.column(collection, collection.field(name).orElseThrow()), v));
        // RETURNING the transaction id saves the realtime announcement a statement of its own
        var changed = dsl.update(RecordTables.table(collection)).set(row).where(RecordTables.id(collection).eq(id))
                .returning(ChangeFeed.XID).fetch();
        if (!changed.isEmpty()) {
            ChangeFeed.knownXid(changed.get(0).get(ChangeFeed.XID));
        }
        return changed.size();
    }

    /** Deletes rows matching the condition; returns them as they were. */
    List<Map<String, Object>> deleteReturning(Collection collection, Condition condition) {
        return dsl.deleteFrom(RecordTables.table(collection)).where(condition).returning(columns(collection)).fetch()
                .map(r -> toMap(collection, r));
    }

    /** Sets columns on the rows matching the condition; returns them after the change. */
    List<Map<String, Object>> updateReturning(Collection collection, Map<org.jooq.Field<?>, Object> set,
                                              Condition condition) {
        return dsl.update(RecordTables.table(collection)).set(set).where(condition).returning(columns(collection))
                .fetch().map(r -> toMap(collection, r));
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

    /** A fetched row as column values by field name. */
    static Map<String, Object> toMap(Collection collection, Record row) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field f : collection.fields()) {
            if (row.field(f.name()) != null) {
                out.put(f.name(), row.get(f.name()));
            }
        }
        return out;
    }
}
