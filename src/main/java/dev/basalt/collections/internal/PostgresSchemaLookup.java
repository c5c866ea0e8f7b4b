package dev.basalt.collections.internal;

import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** Reads relation names of the current schema from PostgreSQL's catalog. */
final class PostgresSchemaLookup implements SchemaLookup {
    private static final Table<?> REL = DSL.table(DSL.name("pg_catalog", "pg_class")).as("rel");
    private static final Table<?> NS = DSL.table(DSL.name("pg_catalog", "pg_namespace")).as("ns");
    private static final Table<?> IDX = DSL.table(DSL.name("pg_catalog", "pg_index")).as("idx");
    private static final Table<?> OWNER = DSL.table(DSL.name("pg_catalog", "pg_class")).as("owner");

    private final DSLContext dsl;

    PostgresSchemaLookup(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<Relation> relations(String name) {
        var relName = DSL.field(DSL.name("rel", "relname"), String.class);
        var relKind = DSL.field(DSL.name("rel", "relkind"), String.class);
        var ownerName = DSL.field(DSL.name("owner", "relname"), String.class);
        return dsl.select(relName, relKind, ownerName)
                .from(REL)
                .join(NS).on(DSL.field(DSL.name("ns", "oid")).eq(DSL.field(DSL.name("rel", "relnamespace"))))
                .leftJoin(IDX).on(DSL.field(DSL.name("idx", "indexrelid")).eq(DSL.field(DSL.name("rel", "oid"))))
                .leftJoin(OWNER).on(DSL.field(DSL.name("owner", "oid")).eq(DSL.field(DSL.name("idx", "indrelid"))))
                .where(DSL.field(DSL.name("ns", "nspname"), String.class).eq(DSL.currentSchema()))
                .and(DSL.lower(relName).eq(name.toLowerCase(Locale.ROOT)))
                .fetch(r -> new Relation(r.get(relName), "i".equals(r.get(relKind)) || "I".equals(r.get(relKind)),
                        r.get(ownerName)));
    }
}
