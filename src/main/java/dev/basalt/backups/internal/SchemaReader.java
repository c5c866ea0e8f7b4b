package dev.basalt.backups.internal;

import dev.basalt.backups.internal.Manifest.Column;
import dev.basalt.backups.internal.Manifest.Constraint;
import dev.basalt.backups.internal.Manifest.Sequence;
import dev.basalt.backups.internal.Manifest.View;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Reads the definition of every table, sequence and view of a schema from {@code pg_catalog}, in a form that
 * replays on another PostgreSQL major version: structured columns, and {@code pg_get_constraintdef},
 * {@code pg_get_indexdef} and {@code pg_get_viewdef} text. Run inside the snapshot transaction with the schema as
 * the only {@code search_path} entry, so names of the schema print unqualified.
 */
final class SchemaReader {
    private final DSLContext tx;
    private final String schema;

    SchemaReader(DSLContext tx, String schema) {
        this.tx = tx;
        this.schema = schema;
    }

    /** Ordinary tables, oldest first: {@code oid} and name. */
    List<Record> tables() {
        return tx.resultQuery("""
                SELECT c.oid::bigint AS oid, c.relname::text AS name FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = {0} AND c.relkind = 'r' ORDER BY c.oid""", DSL.val(schema)).fetch();
    }

    List<Column> columns(long table) {
        return tx.resultQuery("""
                SELECT a.attname::text AS name, format_type(a.atttypid, a.atttypmod) AS type,
                       a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS def,
                       a.attidentity::text AS identity, a.attgenerated::text AS generated
                FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                WHERE a.attrelid = {0}::oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum""",
                DSL.val(table)).fetch(r -> {
                    boolean generated = "s".equals(r.get("generated", String.class));
                    String def = r.get("def", String.class);
                    String identity = r.get("identity", String.class);
                    return new Column(r.get("name", String.class), r.get("type", String.class),
                            r.get("not_null", Boolean.class), generated ? null : def,
                            identity == null ? "" : identity, generated ? def : null);
                });
    }

    /** Primary keys, unique, check, exclusion and foreign keys (NOT NULL is part of the columns). */
    List<Constraint> constraints(long table) {
        return tx.resultQuery("""
                SELECT conname::text AS name, contype::text AS type, pg_get_constraintdef(oid) AS def
                FROM pg_constraint WHERE conrelid = {0}::oid AND contype IN ('p', 'u', 'c', 'x', 'f')
                ORDER BY CASE contype WHEN 'p' THEN 0 WHEN 'f' THEN 2 ELSE 1 END, oid""", DSL.val(table))
                .fetch(r -> new Constraint(r.get("name", String.class), r.get("type", String.class),
                        r.get("def", String.class)));
    }

    /** Indexes that no constraint owns, as {@code CREATE INDEX} statements without the schema. */
    List<String> indexes(long table) {
        return tx.resultQuery("""
                SELECT pg_get_indexdef(x.indexrelid) AS def FROM pg_index x
                WHERE x.indrelid = {0}::oid AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                    WHERE c.conindid = x.indexrelid AND c.conrelid = x.indrelid AND c.contype IN ('p', 'u', 'x'))
                ORDER BY x.indexrelid""", DSL.val(table))
                .fetch(r -> Ddl.unqualifiedIndex(r.get("def", String.class), schema));
    }

    List<Sequence> sequences() {
        return tx.resultQuery("""
                SELECT s.sequencename::text AS name, format_type(s.data_type, NULL) AS type, s.start_value,
                       s.increment_by, s.min_value, s.max_value, s.cycle, s.last_value,
                       (SELECT t.relname || '.' || a.attname FROM pg_depend d
                          JOIN pg_class t ON t.oid = d.refobjid
                          JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
                         WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                           AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')) AS owned_by,
                       EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                           AND d.objid = c.oid AND d.deptype = 'i') AS identity
                FROM pg_sequences s
                JOIN pg_namespace n ON n.nspname = s.schemaname
                JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = s.sequencename
                WHERE s.schemaname = {0} ORDER BY c.oid""", DSL.val(schema))
                .fetch(r -> new Sequence(r.get("name", String.class), r.get("type", String.class),
                        r.get("start_value", Long.class), r.get("increment_by", Long.class),
                        r.get("min_value", Long.class), r.get("max_value", Long.class),
                        r.get("cycle", Boolean.class), r.get("last_value", Long.class),
                        r.get("owned_by", String.class), r.get("identity", Boolean.class)));
    }

    /** Views, oldest first (a restore retries those that read a newer one). */
    List<View> views() {
        return tx.resultQuery("""
                SELECT c.relname::text AS name, pg_get_viewdef(c.oid, true) AS def FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = {0} AND c.relkind = 'v' ORDER BY c.oid""", DSL.val(schema))
                .fetch(r -> new View(r.get("name", String.class), Ddl.withoutSemicolon(r.get("def", String.class))));
    }
}
