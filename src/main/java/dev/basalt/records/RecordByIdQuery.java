package dev.basalt.records;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.basalt.collections.Collection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
 * <p>
 * The statement runs on the JDBC connection of jOOQ's connection provider (so inside the caller's transaction,
 * if any) and jOOQ reads the row with the columns' own data types: as a plain SQL query, jOOQ re-parsed the
 * rendered text for bind markers, re-bound and read the result's metadata on every call, about a third of the
 * read's CPU besides the database round trip.
 */
final class RecordByIdQuery {
    private record Rendered(String sql, String lockingSql, Field<?>[] columns) {
    }

    private final DSLContext dsl;
    private final Cache<Collection, Rendered> rendered = Caffeine.newBuilder().weakKeys().build();

    RecordByIdQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The row with this id, or empty; {@code lock}: {@code FOR UPDATE} (within the caller's transaction). */
    Optional<Record> fetch(Collection collection, String id, boolean lock) {
        Rendered r = rendered.get(collection, this::render);
        return dsl.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(lock ? r.lockingSql() : r.sql())) {
                statement.setString(1, id);
                try (ResultSet rows = statement.executeQuery()) {
                    return Optional.ofNullable(dsl.fetchOne(rows, r.columns()));
                }
            }
        });
    }

    private Rendered render(Collection collection) {
        List<SelectField<?>> columns = RecordStore.columns(collection);
        var select = dsl.select(columns).from(RecordTables.table(collection))
                .where(RecordTables.id(collection).eq(DSL.param("id", String.class))).limit(DSL.inline(1));
        return new Rendered(dsl.render(select), dsl.render(select.forUpdate()), columns.stream().map(f -> (Field<?>) f).toArray(Field<?>[]::new));
    }
}
