package dev.basalt.records;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.basalt.collections.Collection;
import dev.basalt.realtime.ChangeFeed;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jooq.BindContext;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The single-record INSERT and UPDATE of {@link RecordStore}, rendered by jOOQ once per collection version and set
 * of written columns, then run on the caller's JDBC connection with the values bound by jOOQ (with each column's
 * data type, as a jOOQ-built statement binds them). Building and rendering these statements was a quarter of an
 * update's JVM CPU (JFR, issue 20); the SQL text is jOOQ's rendering of identifiers from the schema, never request
 * text, and every value is a bind value. Entries are keyed by the {@link Collection} instance (identity, weakly
 * held): a schema change brings a new instance, so a stale statement is never used.
 */
final class RecordWriteQueries {
    /** Column sets remembered per collection and statement kind; further sets are rendered each time. */
    static final int MAX_SHAPES = 64;

    /** A rendered statement and the columns whose values it binds, in order (the id last, for an update). */
    private record Rendered(String sql, Field<?>[] binds) {
    }

    private final DSLContext dsl;
    private final Cache<Collection, Map<List<String>, Rendered>> inserts = Caffeine.newBuilder().weakKeys().build();
    private final Cache<Collection, Map<List<String>, Rendered>> updates = Caffeine.newBuilder().weakKeys().build();

    RecordWriteQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Inserts the columns a create draft writes; remembers the transaction id for the realtime event. */
    void insert(RecordDraft draft) {
        Collection collection = draft.collection();
        List<String> columns = List.copyOf(draft.columns());
        Rendered r = shape(inserts, collection, columns, cs -> renderInsert(collection, cs));
        List<String> xids = run(r, values(draft, columns, null));
        ChangeFeed.knownXid(xids.isEmpty() ? null : xids.get(0));
    }

    /** Writes the columns an update draft sets to the row with this id; returns the number of rows changed. */
    int update(String id, RecordDraft draft) {
        Collection collection = draft.collection();
        List<String> columns = List.copyOf(draft.columns());
        Rendered r = shape(updates, collection, columns, cs -> renderUpdate(collection, cs));
        List<String> xids = run(r, values(draft, columns, id));
        if (!xids.isEmpty()) {
            ChangeFeed.knownXid(xids.get(0));
        }
        return xids.size();
    }

    private static Rendered shape(Cache<Collection, Map<List<String>, Rendered>> cache, Collection collection,
                                  List<String> columns, Function<List<String>, Rendered> render) {
        Map<List<String>, Rendered> shapes = cache.get(collection, c -> new ConcurrentHashMap<>());
        Rendered r = shapes.get(columns);
        if (r == null) {
            r = render.apply(columns);
            if (shapes.size() < MAX_SHAPES) {
                shapes.put(columns, r);
            }
        }
        return r;
    }

    private static Object[] values(RecordDraft draft, List<String> columns, String id) {
        Object[] values = new Object[columns.size() + (id == null ? 0 : 1)];
        for (int i = 0; i < columns.size(); i++) {
            values[i] = draft.get(columns.get(i));
        }
        if (id != null) {
            values[columns.size()] = id;
        }
        return values;
    }

    /** Runs a rendered statement with these values; returns the transaction id of each row it wrote. */
    private List<String> run(Rendered r, Object[] values) {
        return dsl.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(r.sql())) {
                BindContext bind = dsl.bindContext(statement);
                for (int i = 0; i < values.length; i++) {
                    bindValue(bind, r.binds()[i], values[i]);
                }
                List<String> xids = new ArrayList<>(1);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        xids.add(rows.getString(1));
                    }
                }
                return xids;
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static void bindValue(BindContext bind, Field<?> column, Object value) {
        Field<Object> typed = (Field<Object>) column;
        bind.visit(DSL.val(value, typed));
    }

    private Rendered renderInsert(Collection collection, List<String> columns) {
        List<Field<?>> binds = columns(collection, columns);
        var insert = dsl.insertInto(RecordTables.table(collection));
        var set = insert.set(params(binds));
        return new Rendered(dsl.render(set.returning(ChangeFeed.XID)), binds.toArray(Field<?>[]::new));
    }

    private Rendered renderUpdate(Collection collection, List<String> columns) {
        List<Field<?>> binds = columns(collection, columns);
        Field<String> id = RecordTables.id(collection);
        String sql = dsl.render(dsl.update(RecordTables.table(collection)).set(params(binds))
                .where(id.eq(DSL.param("id", String.class))).returning(ChangeFeed.XID));
        binds.add(id);
        return new Rendered(sql, binds.toArray(Field<?>[]::new));
    }

    private static List<Field<?>> columns(Collection collection, List<String> names) {
        List<Field<?>> fields = new ArrayList<>();
        for (String name : names) {
            fields.add(RecordTables.column(collection, collection.field(name).orElseThrow()));
        }
        return fields;
    }

    /** Each column set to a bind marker of its own data type (rendered as the column's cast, as with a value). */
    private static Map<Field<?>, Object> params(List<Field<?>> columns) {
        Map<Field<?>, Object> set = new java.util.LinkedHashMap<>();
        int i = 0;
        for (Field<?> column : columns) {
            set.put(column, DSL.param("p" + i++, column.getDataType()));
        }
        return set;
    }
}
