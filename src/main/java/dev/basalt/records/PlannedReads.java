package dev.basalt.records;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.basalt.collections.Collection;
import dev.basalt.collections.fields.Field;
import dev.basalt.query.PlanRenderer;
import dev.basalt.query.PlanTemplate;
import dev.basalt.query.PreparedSql;
import dev.basalt.query.QueryPlan;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;

/**
 * Reads by a compiled {@link QueryPlan} (a list page, its count, a by-id read under a row-filter rule) whose SQL jOOQ
 * renders once per collection version and plan shape ({@link PlanTemplate}: the plan with its values as slots), then
 * runs on the caller's JDBC connection with the values bound by jOOQ with their SQL types. Building and rendering
 * these queries was most of a ruled read's own CPU (async-profiler, issue 20). The key is exact: the shape holds
 * every name, kind, operator, join and page of the plan, so equal shapes render the same SQL whatever the values
 * (the caller's {@code @request.auth.*} included), and entries hang off the {@link Collection} instance (identity,
 * weakly held), which a schema change replaces. A shape jOOQ cannot render with named slots is built and run by jOOQ
 * each time, as before.
 */
@org.springframework.stereotype.Component
class PlannedReads {
    /** Shapes kept per collection version and kind of statement (filters, rules, sorts and pages in use). */
    static final int MAX_SHAPES = 512;

    /** A rendered select and, per field of the collection in order, the position of its column (-1: none). */
    private record Prepared(PreparedSql sql, org.jooq.Field<?>[] columns, String[] names, int[] positions) {
    }

    private final DSLContext dsl;
    private final PlanRenderer renderer;
    private final Cache<Collection, Cache<QueryPlan, Optional<Prepared>>> selects =
            Caffeine.newBuilder().weakKeys().build();
    private final Cache<Collection, Cache<QueryPlan, Optional<PreparedSql>>> counts =
            Caffeine.newBuilder().weakKeys().build();

    PlannedReads(DSLContext dsl, PlanRenderer renderer) {
        this.dsl = dsl;
        this.renderer = renderer;
    }

    /** The records the plan selects, in its order. */
    List<RecordData> select(Collection collection, QueryPlan plan) {
        PlanTemplate template = PlanTemplate.of(plan);
        Prepared prepared = shapes(selects, collection).get(template.shape(),
                shape -> Optional.ofNullable(prepare(collection, template))).orElse(null);
        if (prepared == null) {
            List<RecordData> rows = new ArrayList<>();
            for (Record row : renderer.select(dsl, plan).fetch()) {
                rows.add(RecordStore.toRecord(collection, row));
            }
            return rows;
        }
        return dsl.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(prepared.sql().sql())) {
                prepared.sql().bind(dsl, statement, template);
                try (ResultSet rs = statement.executeQuery()) {
                    Result<Record> result = dsl.fetch(rs, prepared.columns());
                    List<RecordData> rows = new ArrayList<>(result.size());
                    for (Record row : result) {
                        rows.add(toRecord(collection, prepared, row));
                    }
                    return rows;
                }
            }
        });
    }

    /** The first record the plan selects (a by-id plan selects one at most). */
    Optional<RecordData> selectOne(Collection collection, QueryPlan plan) {
        List<RecordData> rows = select(collection, plan);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    /** The number of rows the plan's FROM, joins and WHERE hold, through {@code totals} (cached while exact). */
    long count(Collection collection, QueryPlan plan, ListCounts totals) {
        PlanTemplate template = PlanTemplate.ofCount(plan);
        PreparedSql sql = shapes(counts, collection).get(template.shape(),
                shape -> Optional.ofNullable(renderer.prepareCount(dsl, template))).orElse(null);
        if (sql == null) {
            var count = renderer.count(dsl, plan);
            return totals.total(collection, count.getSQL(), count.getBindValues(),
                    () -> Objects.requireNonNull(count.fetchOne()).value1());
        }
        return totals.total(collection, sql.sql(), template.values(), () -> dsl.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
                sql.bind(dsl, statement, template);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }));
    }

    private static <V> Cache<QueryPlan, V> shapes(Cache<Collection, Cache<QueryPlan, V>> cache,
                                                  Collection collection) {
        return cache.get(collection, c -> Caffeine.newBuilder().maximumSize(MAX_SHAPES).build());
    }

    private Prepared prepare(Collection collection, PlanTemplate template) {
        PreparedSql sql = renderer.prepareSelect(dsl, template);
        if (sql == null) {
            return null;
        }
        org.jooq.Field<?>[] columns = sql.columns();
        Map<String, Integer> byName = new LinkedHashMap<>();
        for (int i = 0; i < columns.length; i++) {
            byName.putIfAbsent(columns[i].getName(), i);
        }
        List<Field> fields = collection.fields();
        String[] names = new String[fields.size()];
        int[] positions = new int[fields.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = fields.get(i).name();
            positions[i] = byName.getOrDefault(names[i], -1);
        }
        return new Prepared(sql, columns, names, positions);
    }

    /** A fetched row as a record, by column position (as {@link RecordStore#toRecord}, without name look-ups). */
    private static RecordData toRecord(Collection collection, Prepared prepared, Record row) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < prepared.names().length; i++) {
            if (prepared.positions()[i] >= 0) {
                values.put(prepared.names()[i], row.get(prepared.positions()[i]));
            }
        }
        return RecordData.of(collection, values);
    }
}
