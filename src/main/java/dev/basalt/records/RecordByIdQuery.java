package dev.basalt.records;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.basalt.collections.Collection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
    /**
     * The SQL (and its {@code FOR UPDATE} form), the selected columns and, per bind marker, whether it takes the
     * guard's value (else the id).
     */
    private record Rendered(String sql, String lockingSql, Field<?>[] columns, boolean[] guardBinds) {
    }

    private static final String ID_MARK = "\u0000id";
    private static final String GUARD_MARK = "\u0000guard";
    private final DSLContext dsl;
    private final Cache<Collection, Rendered> rendered = Caffeine.newBuilder().weakKeys().build();
    private final Cache<Collection, Map<RowGuard, Rendered>> guarded = Caffeine.newBuilder().weakKeys().build();

    RecordByIdQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The row with this id, or empty. */
    Optional<Record> fetch(Collection collection, String id) {
        return fetch(collection, id, false);
    }

    /** The row with this id, or empty; {@code lock}: {@code FOR UPDATE} (within the caller's transaction). */
    Optional<Record> fetch(Collection collection, String id, boolean lock) {
        Rendered r = rendered.get(collection, this::render);
        return run(r, lock ? r.lockingSql() : r.sql(), id, null);
    }

    /** The row with this id while {@code guard} holds for {@code value}, or empty; rendered once per guard. */
    Optional<Record> fetch(Collection collection, String id, RowGuard guard, String value) {
        Rendered r = guarded.get(collection, c -> new ConcurrentHashMap<>())
                .computeIfAbsent(guard, g -> render(collection, g));
        return run(r, r.sql(), id, value);
    }

    private Optional<Record> run(Rendered r, String sql, String id, String guardValue) {
        return dsl.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < r.guardBinds().length; i++) {
                    statement.setString(i + 1, r.guardBinds()[i] ? guardValue : id);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    return Optional.ofNullable(dsl.fetchOne(rows, r.columns()));
                }
            }
        });
    }

    private Rendered render(Collection collection) {
        return render(collection, null);
    }

    /** Renders the read; the bind values' order is read from jOOQ (marker values), not assumed. */
    private Rendered render(Collection collection, RowGuard guard) {
        List<SelectField<?>> columns = RecordStore.columns(collection);
        var where = RecordTables.id(collection).eq(DSL.param("id", ID_MARK));
        var query = dsl.select(columns).from(RecordTables.table(collection))
                .where(guard == null ? where : where.and(guard.condition().apply(DSL.param("guard", GUARD_MARK))))
                .limit(DSL.inline(1));
        List<Object> binds = query.getBindValues();
        boolean[] guardBinds = new boolean[binds.size()];
        for (int i = 0; i < guardBinds.length; i++) {
            if (!ID_MARK.equals(binds.get(i)) && !GUARD_MARK.equals(binds.get(i))) {
                throw new IllegalStateException("unexpected bind value in a by-id read");
            }
            guardBinds[i] = GUARD_MARK.equals(binds.get(i));
        }
        return new Rendered(dsl.render(query), dsl.render(query.forUpdate()),
                columns.stream().map(f -> (Field<?>) f).toArray(Field<?>[]::new), guardBinds);
    }
}
