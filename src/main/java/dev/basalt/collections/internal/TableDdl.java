package dev.basalt.collections.internal;

import dev.basalt.collections.Collection;
import dev.basalt.collections.IndexDefinition;
import dev.basalt.collections.fields.Field;
import dev.basalt.query.ColumnKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.CreateTableElementListStep;
import org.jooq.DSLContext;
import org.jooq.Name;
import org.jooq.Query;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Creates, alters and drops a collection's table with jOOQ DDL, inside the caller's transaction. Each failing
 * statement becomes an {@link InvalidCollectionException} under the key of the part that caused it.
 */
final class TableDdl {
    private final DSLContext dsl;

    TableDdl(DSLContext dsl) {
        this.dsl = dsl;
    }

    void create(Collection c, List<IndexDefinition> indexes) {
        CreateTableElementListStep create = dsl.createTable(DSL.name(c.name()));
        for (Field f : c.fields()) {
            create = create.column(DSL.name(f.name()), f.columnType());
        }
        run(create.constraint(DSL.primaryKey(DSL.name(CollectionDefaults.ID))), "name", "Failed to create the table");
        createIndexes(c.name(), indexes, Set.of());
        createOrderIndex(c);
    }

    void alter(Collection old, Collection now, List<IndexDefinition> oldIndexes, List<IndexDefinition> newIndexes) {
        Map<String, Field> newById = new HashMap<>();
        now.fields().forEach(f -> newById.put(f.id(), f));
        Set<String> changedColumns = new HashSet<>();
        for (Field f : old.fields()) {
            Field n = newById.get(f.id());
            if (n == null || !n.name().equals(f.name()) || n.kind() != f.kind()) {
                changedColumns.add(f.name());
            }
        }
        Set<String> kept = keptIndexes(oldIndexes, newIndexes, changedColumns);
        if (!OrderIndex.unchanged(old, now)) {
            OrderIndex.of(old).ifPresent(o -> run(IndexDdl.drop(dsl, o.name()), "indexes",
                    "Failed to drop the index " + o.name()));
        }
        for (IndexDefinition o : oldIndexes) {
            if (!kept.contains(o.name())) {
                run(IndexDdl.drop(dsl, o.name()), "indexes", "Failed to drop the index " + o.name());
            }
        }
        Name table = DSL.name(now.name());
        if (!old.name().equals(now.name())) {
            run(dsl.alterTable(DSL.name(old.name())).renameTo(table), "name", "Failed to rename the table");
        }
        alterColumns(old, now, table);
        createIndexes(now.name(), newIndexes, kept);
        createOrderIndex(now);
    }

    /** Basalt's index on the default list order ({@link OrderIndex}), unless it exists (tables made before it). */
    private void createOrderIndex(Collection c) {
        OrderIndex.of(c).ifPresent(index -> run(IndexDdl.createIfMissing(dsl, index, c.name()), "fields",
                "Failed to create the index " + index.name()));
    }

    void drop(Collection c) {
        run(dsl.dropTable(DSL.name(c.name())), "name", "Failed to drop the table");
    }

    private void alterColumns(Collection old, Collection now, Name table) {
        Map<String, Field> oldById = new HashMap<>();
        old.fields().forEach(f -> oldById.put(f.id(), f));
        Set<String> newIds = new HashSet<>();
        now.fields().forEach(f -> newIds.add(f.id()));
        for (Field f : old.fields()) {
            if (!newIds.contains(f.id())) {
                run(dsl.alterTable(table).dropColumn(DSL.name(f.name())), "fields",
                        "Failed to drop the column " + f.name());
            }
        }
        // Renames go through temporary names so that names can be swapped (a -> b, b -> a).
        Map<String, String> temporary = new LinkedHashMap<>();
        for (int i = 0; i < now.fields().size(); i++) {
            Field f = now.fields().get(i);
            Field before = oldById.get(f.id());
            if (before != null && !before.name().equals(f.name())) {
                String temp = temporaryName();
                run(dsl.alterTable(table).renameColumn(DSL.name(before.name())).to(DSL.name(temp)),
                        "fields." + i + ".name", "Failed to rename the column " + before.name());
                temporary.put(temp, f.name());
            }
        }
        temporary.forEach((temp, finalName) -> run(dsl.alterTable(table).renameColumn(DSL.name(temp))
                .to(DSL.name(finalName)), "fields", "Failed to rename the column " + finalName));
        for (int i = 0; i < now.fields().size(); i++) {
            Field f = now.fields().get(i);
            Field before = oldById.get(f.id());
            if (before == null) {
                run(dsl.alterTable(table).addColumn(DSL.name(f.name()), f.columnType()), "fields." + i,
                        "Failed to add the column " + f.name());
            } else if (before.kind() != f.kind()) {
                convert(table, f, before.kind(), "fields." + i);
            }
        }
    }

    /** Changes a select column between text and text[]: new column, copied values, old column dropped. */
    private void convert(Name table, Field f, ColumnKind from, String key) {
        String temp = temporaryName();
        String action = "Failed to convert the column " + f.name();
        run(dsl.alterTable(table).renameColumn(DSL.name(f.name())).to(DSL.name(temp)), key, action);
        run(dsl.alterTable(table).addColumn(DSL.name(f.name()), f.columnType()), key, action);
        Table<?> t = DSL.table(table);
        Query copy;
        if (from == ColumnKind.TEXT && f.kind() == ColumnKind.TEXT_ARRAY) {
            org.jooq.Field<String> source = DSL.field(DSL.name(temp), String.class);
            copy = dsl.update(t).set(DSL.field(DSL.name(f.name()), String[].class),
                    DSL.arrayRemove(DSL.array(source), DSL.inline("")));
        } else if (from == ColumnKind.TEXT_ARRAY && f.kind() == ColumnKind.TEXT) {
            org.jooq.Field<String[]> source = DSL.field(DSL.name(temp), String[].class);
            copy = dsl.update(t).set(DSL.field(DSL.name(f.name()), String.class),
                    DSL.coalesce(DSL.arrayGet(source, DSL.cardinality(source)), DSL.inline("")));
        } else {
            throw new IllegalStateException("No conversion from " + from + " to " + f.kind());
        }
        run(copy, key, action);
        run(dsl.alterTable(table).dropColumn(DSL.name(temp)), key, action);
    }

    private void createIndexes(String table, List<IndexDefinition> indexes, Set<String> kept) {
        for (int i = 0; i < indexes.size(); i++) {
            IndexDefinition index = indexes.get(i);
            if (!kept.contains(index.name())) {
                run(IndexDdl.create(dsl, index, table), "indexes." + i, "Failed to create the index " + index.name());
            }
        }
    }

    /** Names of indexes that exist unchanged before and after, on columns that are not changed. */
    private static Set<String> keptIndexes(List<IndexDefinition> oldIndexes, List<IndexDefinition> newIndexes,
                                           Set<String> changedColumns) {
        Set<String> kept = new HashSet<>();
        for (IndexDefinition o : oldIndexes) {
            boolean untouched = o.columns().stream().noneMatch(c -> changedColumns.contains(c.name()))
                    && o.where().stream().noneMatch(c -> changedColumns.contains(c.column()));
            boolean same = newIndexes.stream()
                    .anyMatch(n -> n.name().equals(o.name()) && n.shape().equals(o.shape()));
            if (untouched && same) {
                kept.add(o.name());
            }
        }
        return kept;
    }

    private static String temporaryName() {
        return "_tmp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    private void run(Query query, String key, String action) {
        try {
            query.execute();
        } catch (InvalidCollectionException e) {
            throw e;
        } catch (RuntimeException e) {
            throw DatabaseErrors.translate(e, key, action);
        }
    }

    /** The stored indexes of a collection, skipping any that no longer parse. */
    static List<IndexDefinition> parsed(Collection c) {
        List<IndexDefinition> out = new ArrayList<>();
        for (String raw : c.indexes()) {
            try {
                out.add(IndexDefinition.parse(raw));
            } catch (IllegalArgumentException e) {
                // stored definitions are normalized; an unparsable one has no index to keep or drop
            }
        }
        return out;
    }
}
