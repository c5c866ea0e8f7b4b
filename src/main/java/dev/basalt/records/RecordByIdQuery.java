package dev.basalt.records;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.basalt.collections.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.impl.DSL;

/**
 * The hottest read, a record by primary key, rendered by jOOQ once per collection version and then run with
 * the id bound. Building and rendering the statement cost more CPU than the database spends on it; the SQL
 * text is jOOQ's own rendering of identifiers from the schema (never request text), and the id is always a
 * bind value. Entries are keyed by the {@link Collection} instance (identity, weakly held): a schema change
 * brings a new instance, so a stale statement is never used.
 */
final class RecordByIdQuery {
    private record Rendered(String sql, Field<?>[] columns) {
    }

    private final DSLContext dsl;
    private final Cache<Collection, Rendered> rendered = Caffeine.newBuilder().weakKeys().build();

    RecordByIdQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The row with this id, or empty. */
    Optional<Record> fetch(Collection collection, String id) {
        Rendered r = rendered.get(collection, this::render);
        return Optional.ofNullable(dsl.resultQuery(r.sql(), id).coerce(r.columns()).fetchOne());
    }

    private Rendered render(Collection collection) {
        List<SelectField<?>> columns = RecordStore.columns(collection);
        String sql = dsl.render(dsl.select(columns).from(RecordTables.table(collection))
                .where(RecordTables.id(collection).eq(DSL.param("id", String.class))).limit(DSL.inline(1)));
        return new Rendered(sql, columns.stream().map(f -> (Field<?>) f).toArray(Field<?>[]::new));
    }
}
