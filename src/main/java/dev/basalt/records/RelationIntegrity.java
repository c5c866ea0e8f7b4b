package dev.basalt.records;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.collections.fields.Field;
import dev.basalt.collections.fields.RelationField;
import dev.basalt.shared.FieldError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Keeps relation fields consistent, as PocketBase does: written ids must exist (one query per write), and deleting
 * records releases every reference to them in the same transaction: a reference field with {@code cascadeDelete}
 * whose last id goes loses its record too (recursively, through {@link #delete}), a required one refuses the
 * delete, any other just drops the id. As PocketBase saves every record it changes this way, a record that loses
 * an id gets its {@code onUpdate} autodates set and an update event, and every deleted record (cascades included)
 * a delete event and its files removed after the commit ({@link RecordFiles}). Callers run these methods inside
 * their transaction.
 */
@Component
class RelationIntegrity {
    /**
     * Most referencing records deleted or changed by one statement (PocketBase's cascade batch): bounds the rows
     * one statement returns, however many records refer to the deleted ones.
     */
    static final int RELEASE_BATCH = 4000;
    private static final org.jooq.DataType<String[]> IDS = SQLDataType.CLOB.array();

    private final DSLContext dsl;
    private final CollectionRegistry registry;
    private final RecordFiles files;
    private final RecordWrites writes;

    RelationIntegrity(DSLContext dsl, CollectionRegistry registry, ObjectProvider<RecordFiles> files,
                      RecordWrites writes) {
        this.dsl = dsl;
        this.registry = registry;
        this.files = files.getIfAvailable(() -> RecordFiles.NONE);
        this.writes = writes;
    }

    /** Checks that every id written to a relation field exists, with one query for all fields; 400 otherwise. */
    void checkTargetsExist(RecordDraft draft, RecordErrors failure) {
        Collection collection = draft.collection();
        Map<String, FieldError> errors = new LinkedHashMap<>();
        Map<String, org.jooq.Field<Integer>> counts = new LinkedHashMap<>();
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (String column : draft.columns()) {
            if (!(collection.field(column).orElse(null) instanceof RelationField r)) {
                continue;
            }
            List<String> ids = RelationField.ids(draft.get(column));
            if (ids.isEmpty()) {
                continue;
            }
            Collection target = registry.find(r.collectionId()).orElse(null);
            if (target == null) {
                errors.put(r.name(), new FieldError("validation_missing_rel_collection",
                        "Relation connection is missing or cannot be accessed."));
                continue;
            }
            counts.put(r.name(), DSL.field(DSL.selectCount().from(RecordTables.table(target))
                    .where(RecordTables.id(target).eq(DSL.any(DSL.val(ids.toArray(String[]::new), IDS))))));
            expected.put(r.name(), ids.size());
        }
        if (!counts.isEmpty()) {
            Record found = dsl.select(counts.values()).fetchOne();
            int i = 0;
            for (String name : counts.keySet()) {
                Number n = (Number) found.get(i++);
                if (n.intValue() != expected.get(name)) {
                    errors.put(name, new FieldError("validation_missing_rel_records",
                            "Failed to find all relation records with the provided ids."));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw failure.exception(errors);
        }
    }

    /**
     * Deletes the rows matching {@code where} through {@link RecordWrites}, schedules their files' removal and releases
     * the references to them; returns the deleted rows as they were.
     */
    List<RecordData> delete(Collection collection, Condition where) {
        List<RecordData> rows = writes.deleteWhere(collection, where);
        if (!rows.isEmpty()) {
            List<String> ids = rows.stream().map(RecordData::id).toList();
            files.deleted(collection, ids);
            release(collection, ids);
        }
        return rows;
    }

    private void release(Collection target, List<String> deleted) {
        org.jooq.Field<String[]> gone = DSL.val(deleted.toArray(String[]::new), IDS);
        for (Collection c : registry.all()) {
            if (c.isView()) {
                continue; // a view's relation columns follow its source tables
            }
            for (Field f : c.fields()) {
                if (f instanceof RelationField r && r.collectionId().equals(target.id())) {
                    releaseField(c, r, gone);
                }
            }
        }
    }

    private void releaseField(Collection c, RelationField r, org.jooq.Field<String[]> gone) {
        org.jooq.Field<Object> column = RecordTables.column(c, r);
        Condition refers;
        org.jooq.Field<?> remaining;
        Condition emptied;
        if (r.multiple()) {
            org.jooq.Field<String[]> array = DSL.field("{0}", IDS, column);
            refers = DSL.condition("{0} && {1}", array, gone);
            remaining = DSL.field("array(select u.x from unnest({0}) with ordinality as u(x, n) "
                    + "where u.x <> all({1}) order by u.n)", IDS, array, gone);
            emptied = refers.and(DSL.field("cardinality({0})", Integer.class, remaining).eq(DSL.inline(0)));
        } else {
            org.jooq.Field<String> text = DSL.field("{0}", String.class, column);
            refers = text.eq(DSL.any(gone));
            remaining = DSL.inline("");
            emptied = refers;
        }
        if (r.cascadeDelete()) {
            int deleted;
            do { // each round deletes its rows, so the next one finds the rest
                deleted = delete(c, batchOf(c, emptied)).size();
            } while (deleted == RELEASE_BATCH);
        } else if (r.required() && dsl.fetchExists(dsl.selectOne().from(RecordTables.table(c)).where(emptied))) {
            throw RecordErrors.DELETE_REQUIRED_REFERENCE.exception();
        }
        Map<org.jooq.Field<?>, Object> set = Map.of(column, remaining);
        int updated;
        do { // each round removes the ids from its rows, so the next one finds the rest
            updated = writes.updateWhere(c, set, batchOf(c, refers)).size();
        } while (updated == RELEASE_BATCH);
    }

    /** The first {@link #RELEASE_BATCH} rows of {@code c} matching {@code where}, by id. */
    private static Condition batchOf(Collection c, Condition where) {
        return RecordTables.id(c).in(DSL.select(RecordTables.id(c)).from(RecordTables.table(c)).where(where)
                .limit(DSL.inline(RELEASE_BATCH)));
    }
}
