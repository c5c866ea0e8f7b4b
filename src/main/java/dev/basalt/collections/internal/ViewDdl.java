package dev.basalt.collections.internal;

import dev.basalt.collections.Collection;
import dev.basalt.collections.fields.Field;
import dev.basalt.collections.fields.TextField;
import dev.basalt.query.ColumnKind;
import dev.basalt.shared.FieldError;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Name;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.postgresql.PGResultSetMetaData;
import org.postgresql.util.PSQLException;

/**
 * A view collection's PostgreSQL VIEW. {@link #inspect} proves a query inside a savepoint: PostgreSQL parses it
 * as a VIEW (which refuses data-modifying statements), the functions it calls must not be volatile (no side
 * effects; see {@link #ALLOWED_VOLATILE}), and it runs once in a READ ONLY transaction with a statement timeout;
 * everything is rolled back to the savepoint. The result columns give the fields ({@link ViewFields}). The VIEW
 * itself selects the query's columns cast to the fields' column types, so records read like any table's.
 */
final class ViewDdl {
    /** Volatile functions that only compute a value. */
    static final Set<String> ALLOWED_VOLATILE = Set.of("random", "gen_random_uuid", "clock_timestamp",
            "timeofday", "random_normal");
    /** How long the proving run of a query may take. */
    static final int PROBE_TIMEOUT_MS = 5_000;
    private static final String SAVEPOINT = "basalt_view_probe";
    private static final Name PROBE_VIEW = DSL.name("_basalt_view_probe");
    private static final Name SOURCE = DSL.name("_src");
    /**
     * The volatile functions the probe view calls, read from its stored query tree (built-in functions have no
     * pg_depend rows): function calls, aggregates, window functions and operators' functions.
     */
    private static final String VOLATILE_FUNCTIONS = """
            WITH calls AS (
                SELECT m[1] AS kind, m[2]::oid AS ref FROM pg_rewrite r,
                    regexp_matches(r.ev_action::text, ':(funcid|opfuncid|aggfnoid|winfnoid|opno) ([0-9]+)', 'g') AS m
                WHERE r.ev_class = to_regclass(?))
            SELECT DISTINCT p.proname FROM calls
            LEFT JOIN pg_operator o ON calls.kind = 'opno' AND o.oid = calls.ref
            JOIN pg_proc p ON p.oid = CASE WHEN calls.kind = 'opno' THEN o.oprcode::oid ELSE calls.ref END
            WHERE p.provolatile = 'v'""";

    private final DSLContext dsl;

    ViewDdl(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Proves the (textually checked) query and returns the fields of its columns; nothing stays changed. */
    List<Field> inspect(String query, List<Collection> collections) {
        dsl.execute("SAVEPOINT " + SAVEPOINT);
        try {
            dsl.query("CREATE VIEW {0} AS {1}", PROBE_VIEW, DSL.sql(query)).execute();
            List<String> volatileFunctions = dsl.resultQuery(VOLATILE_FUNCTIONS, "\"" + PROBE_VIEW.last() + "\"")
                    .fetch(0, String.class).stream().filter(f -> !ALLOWED_VOLATILE.contains(f)).toList();
            if (!volatileFunctions.isEmpty()) {
                throw ViewQueryText.invalid("validation_invalid_view_query",
                        "The view query must not call functions with side effects: " + volatileFunctions + ".");
            }
            dsl.execute("SET TRANSACTION READ ONLY");
            dsl.execute("SET LOCAL statement_timeout = " + PROBE_TIMEOUT_MS);
            try (Cursor<Record> cursor = dsl.resultQuery("SELECT * FROM ({0}) AS {1} LIMIT 1", DSL.sql(query),
                    SOURCE).fetchLazy()) {
                // Read the columns first: a cursor that runs out of rows closes its result set (and metadata).
                List<Field> fields = columns(cursor.resultSet().getMetaData(), collections);
                cursor.fetchNext();
                return fields;
            }
        } catch (InvalidCollectionException e) {
            throw e;
        } catch (RuntimeException | SQLException e) {
            throw ViewQueryText.invalid("validation_invalid_view_query", "Invalid view query: " + reason(e));
        } finally {
            dsl.execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT);
        }
    }

    private static List<Field> columns(ResultSetMetaData md, List<Collection> collections) throws SQLException {
        PGResultSetMetaData pg = md.unwrap(PGResultSetMetaData.class);
        List<Field> fields = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            fields.add(ViewFields.field(md.getColumnLabel(i), md.getColumnTypeName(i), pg.getBaseTableName(i),
                    pg.getBaseColumnName(i), collections));
        }
        return fields;
    }

    /**
     * The first {@code limit} rows of a proven query, read as its VIEW would read them (one value per field, as
     * stored); READ ONLY with the probe's statement timeout, so call it in a transaction of its own.
     */
    List<Map<String, Object>> sample(String query, List<Field> fields, int limit) {
        List<SelectField<?>> select = new ArrayList<>();
        for (Field f : fields) {
            select.add(column(f).as(DSL.name(f.name())));
        }
        dsl.execute("SET TRANSACTION READ ONLY");
        dsl.execute("SET LOCAL statement_timeout = " + PROBE_TIMEOUT_MS);
        try {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Record r : dsl.select(select).from(DSL.table("({0})", DSL.sql(query)).as(SOURCE)).limit(limit)
                    .fetch()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (Field f : fields) {
                    row.put(f.name(), r.get(f.name()));
                }
                rows.add(row);
            }
            return rows;
        } catch (RuntimeException e) {
            throw ViewQueryText.invalid("validation_invalid_view_query", "Invalid view query: " + reason(e));
        }
    }

    /** Creates the VIEW of a checked view collection. */
    void create(Collection c) {
        List<SelectField<?>> select = new ArrayList<>();
        for (Field f : c.fields()) {
            select.add(column(f).as(DSL.name(f.name())));
        }
        try {
            dsl.createView(DSL.name(c.name()))
                    .as(dsl.select(select).from(DSL.table("({0})", DSL.sql(c.viewQuery())).as(SOURCE)))
                    .execute();
        } catch (RuntimeException e) {
            throw DatabaseErrors.translate(e, ViewQueryText.KEY, "Failed to create the view");
        }
    }

    /** Replaces the VIEW of a changed view collection (its columns may differ, so drop and create). */
    void replace(Collection old, Collection now) {
        drop(old);
        create(now);
    }

    void drop(Collection c) {
        try {
            dsl.dropView(DSL.name(c.name())).execute();
        } catch (RuntimeException e) {
            throw DatabaseErrors.translate(e, "name", "Failed to drop the view");
        }
    }

    /** The query's column cast to the field's column type; empty text, numbers and bools as the tables store them. */
    static org.jooq.Field<?> column(Field f) {
        org.jooq.Field<Object> source = DSL.field(DSL.name(SOURCE.last(), f.name()));
        ColumnKind kind = f instanceof TextField t && t.primaryKey() ? ColumnKind.TEXT : f.kind();
        return switch (kind) {
            case TEXT -> DSL.coalesce(DSL.cast(source, SQLDataType.CLOB), DSL.inline(""));
            case NUMBER -> DSL.coalesce(DSL.cast(source, SQLDataType.DOUBLE), DSL.inline(0d));
            case BOOL -> DSL.coalesce(DSL.cast(source, SQLDataType.BOOLEAN), DSL.inline(false));
            case DATE -> DSL.cast(source, SQLDataType.TIMESTAMPWITHTIMEZONE);
            case JSON -> DSL.function(DSL.name("to_jsonb"), SQLDataType.JSONB, source);
            case TEXT_ARRAY -> DSL.coalesce(DSL.cast(source, SQLDataType.CLOB.array()),
                    DSL.cast(DSL.inline("{}"), SQLDataType.CLOB.array()));
        };
    }

    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException p && p.getServerErrorMessage() != null
                    && p.getServerErrorMessage().getMessage() != null) {
                String m = p.getServerErrorMessage().getMessage();
                return m.length() > 200 ? m.substring(0, 200) + "..." : m;
            }
        }
        return "the database refused it.";
    }
}
