package dev.basalt.records;

import dev.basalt.collections.Collection;
import dev.basalt.collections.fields.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Checks many access conditions against one record snapshot in a single query: the snapshot becomes a one-row
 * derived table named like the collection's table (so the compiled conditions' column references resolve to it),
 * and every condition is one boolean column: {@code SELECT (c1), (c2), ... FROM (SELECT ? AS id, ...) AS "posts"}.
 * Joins inside the conditions still read the current tables.
 */
@Component
class SnapshotQuery {
    /** Conditions per query at most (PostgreSQL allows 1664 result columns). */
    static final int MAX_CONDITIONS_PER_QUERY = 1000;
    private final DSLContext dsl;

    SnapshotQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** For each key: true when all its conditions hold for the snapshot. */
    <K> Map<K, Boolean> check(Collection collection, Map<String, Object> row, Map<K, List<Condition>> conditions) {
        List<K> keys = new ArrayList<>();
        List<Condition> flat = new ArrayList<>();
        conditions.forEach((key, list) -> {
            keys.add(key);
            flat.add(DSL.and(list));
        });
        Table<?> snapshot = snapshotTable(collection, row);
        Map<K, Boolean> out = new HashMap<>();
        for (int start = 0; start < flat.size(); start += MAX_CONDITIONS_PER_QUERY) {
            int end = Math.min(flat.size(), start + MAX_CONDITIONS_PER_QUERY);
            List<SelectField<?>> columns = new ArrayList<>();
            for (int i = start; i < end; i++) {
                columns.add(DSL.field(flat.get(i)).as("c" + i));
            }
            Record result = dsl.select(columns).from(snapshot).fetchOne();
            for (int i = start; i < end; i++) {
                out.put(keys.get(i), result != null && Boolean.TRUE.equals(result.get("c" + i, Boolean.class)));
            }
        }
        return out;
    }

    private static Table<?> snapshotTable(Collection collection, Map<String, Object> row) {
        List<SelectField<?>> values = new ArrayList<>();
        for (Field f : collection.fields()) {
            @SuppressWarnings("unchecked")
            DataType<Object> type = (DataType<Object>) RecordTables.dataType(f);
            values.add(DSL.val(row.get(f.name()), type).as(f.name()));
        }
        return DSL.select(values).asTable(DSL.name(collection.name()));
    }
}
