package dev.basalt.collections.internal;

import dev.basalt.collections.IndexDefinition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.CreateIndexIncludeStep;
import org.jooq.CreateIndexStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.OrderField;
import org.jooq.Query;
import org.jooq.impl.DSL;

/** Builds CREATE / DROP INDEX statements with jOOQ from parsed definitions (never from the submitted text). */
final class IndexDdl {
    private IndexDdl() {
    }

    static Query create(DSLContext dsl, IndexDefinition index, String table) {
        return create(dsl, index, table, false);
    }

    /** Like {@link #create(DSLContext, IndexDefinition, String)}, doing nothing when the name exists. */
    static Query createIfMissing(DSLContext dsl, IndexDefinition index, String table) {
        return create(dsl, index, table, true);
    }

    private static Query create(DSLContext dsl, IndexDefinition index, String table, boolean ifMissing) {
        List<OrderField<?>> columns = new ArrayList<>();
        for (IndexDefinition.Column c : index.columns()) {
            Field<?> f = c.nocase()
                    ? DSL.lower(DSL.field(DSL.name(c.name()), String.class))
                    : DSL.field(DSL.name(c.name()));
            // NULLS placed as the record queries sort (NULL lowest, see ConditionRenderer), so that an index
            // serves ORDER BY in either direction; PostgreSQL's default placement would not match.
            // The id is never NULL: PostgreSQL's default placement, as the primary key's index and the sorts have.
            if (c.name().equals(CollectionDefaults.ID) && !c.nocase()) {
                columns.add(c.descending() ? f.desc() : f.asc());
            } else {
                columns.add(c.descending() ? f.desc().nullsLast() : f.asc().nullsFirst());
            }
        }
        Name name = DSL.name(index.name());
        CreateIndexStep start = index.unique()
                ? (ifMissing ? dsl.createUniqueIndexIfNotExists(name) : dsl.createUniqueIndex(name))
                : (ifMissing ? dsl.createIndexIfNotExists(name) : dsl.createIndex(name));
        CreateIndexIncludeStep step = start.on(DSL.table(DSL.name(table)), columns);
        if (index.where().isEmpty()) {
            return step;
        }
        return step.where(index.where().stream().map(IndexDdl::condition).toList());
    }

    static Query drop(DSLContext dsl, String indexName) {
        return dsl.dropIndexIfExists(DSL.name(indexName));
    }

    private static Condition condition(IndexDefinition.Condition c) {
        Object v = c.value();
        if (v == null) {
            Field<Object> col = DSL.field(DSL.name(c.column()));
            return "IS".equals(c.operator()) ? col.isNull() : col.isNotNull();
        }
        return switch (v) {
            case String s -> compare(DSL.field(DSL.name(c.column()), String.class), c.operator(), DSL.inline(s));
            case BigDecimal d -> compare(DSL.field(DSL.name(c.column()), BigDecimal.class), c.operator(),
                    DSL.inline(d));
            case Boolean b -> compare(DSL.field(DSL.name(c.column()), Boolean.class), c.operator(), DSL.inline(b));
            default -> throw new IllegalArgumentException("Unsupported index value.");
        };
    }

    private static <T> Condition compare(Field<T> column, String operator, Field<T> value) {
        return switch (operator) {
            case "=" -> column.eq(value);
            case "!=" -> column.ne(value);
            case "<" -> column.lt(value);
            case "<=" -> column.le(value);
            case ">" -> column.gt(value);
            case ">=" -> column.ge(value);
            default -> throw new IllegalArgumentException("Unsupported index operator.");
        };
    }
}
