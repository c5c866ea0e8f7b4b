package dev.basalt.collections.internal;

import dev.basalt.collections.CollectionDraft;
import dev.basalt.shared.ApiException;
import dev.basalt.testing.TestDatabase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/** A fresh migrated database with a registry and service on it, plus helpers to look at the real schema. */
final class SchemaTestSupport {
    final DataSource dataSource;
    final DSLContext dsl;
    final InMemoryCollectionRegistry registry;
    final SchemaChangeService service;

    SchemaTestSupport() {
        dataSource = TestDatabase.newDataSource();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").table("_migrations")
                .load().migrate();
        dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
        registry = new InMemoryCollectionRegistry(dsl);
        service = new SchemaChangeService(dsl, registry);
    }

    /** Column name to PostgreSQL type (udt_name, e.g. text, _text, float8, bool, timestamptz, jsonb). */
    Map<String, String> columns(String table) {
        Map<String, String> out = new LinkedHashMap<>();
        dsl.select(DSL.field(DSL.name("column_name"), String.class), DSL.field(DSL.name("udt_name"), String.class))
                .from(DSL.table(DSL.name("information_schema", "columns")))
                .where(DSL.field(DSL.name("table_schema"), String.class).eq(DSL.currentSchema()))
                .and(DSL.field(DSL.name("table_name"), String.class).eq(table))
                .orderBy(DSL.field(DSL.name("ordinal_position")))
                .forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    /** Index name to its definition as PostgreSQL prints it. */
    Map<String, String> indexes(String table) {
        Map<String, String> out = new LinkedHashMap<>();
        dsl.select(DSL.field(DSL.name("indexname"), String.class), DSL.field(DSL.name("indexdef"), String.class))
                .from(DSL.table(DSL.name("pg_catalog", "pg_indexes")))
                .where(DSL.field(DSL.name("schemaname"), String.class).eq(DSL.currentSchema()))
                .and(DSL.field(DSL.name("tablename"), String.class).eq(table))
                .forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    boolean tableExists(String table) {
        return !columns(table).isEmpty();
    }

    void insert(String table, Map<String, Object> values) {
        var insert = dsl.insertInto(DSL.table(DSL.name(table)));
        var step = insert.set(DSL.field(DSL.name("id")), values.get("id"));
        for (var e : values.entrySet()) {
            if (!e.getKey().equals("id")) {
                step = step.set(DSL.field(DSL.name(e.getKey())), e.getValue());
            }
        }
        step.execute();
    }

    List<Object> column(String table, String column) {
        return dsl.select(DSL.field(DSL.name(column))).from(DSL.table(DSL.name(table)))
                .orderBy(DSL.field(DSL.name("id"))).fetch(r -> {
                    Object v = r.get(0);
                    try {
                        return v instanceof java.sql.Array a ? a.getArray() : v;
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    int count(String table) {
        return dsl.fetchCount(DSL.table(DSL.name(table)));
    }

    static CollectionDraft draft(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return CollectionDraft.of(m);
    }

    static Map<String, Object> field(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /** Runs a call expected to fail with 400 and returns the error. */
    static ApiException badRequest(Runnable call) {
        try {
            call.run();
        } catch (ApiException e) {
            if (e.status() != 400) {
                throw new AssertionError("expected 400 but got " + e.status() + " " + e.getMessage(), e);
            }
            return e;
        }
        throw new AssertionError("expected a 400 ApiException");
    }
}
