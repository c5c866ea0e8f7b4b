package dev.basalt.backups.internal;

import dev.basalt.backups.internal.Manifest.Column;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Session settings that make {@code COPY} text the same on every server and client (dates in ISO and UTC,
 * floats exact, bytea in hex), and a {@code search_path} of just the schema being read or loaded.
 */
final class Session {
    private Session() {
    }

    static void prepare(DSLContext tx, String schema) {
        tx.execute("SET LOCAL search_path TO {0}", DSL.name(schema));
        tx.execute("SET LOCAL DateStyle TO 'ISO, YMD'");
        tx.execute("SET LOCAL TimeZone TO 'UTC'");
        tx.execute("SET LOCAL IntervalStyle TO 'postgres'");
        tx.execute("SET LOCAL extra_float_digits TO 3");
        tx.execute("SET LOCAL bytea_output TO 'hex'");
    }

    /** The columns {@code COPY} reads or writes: all but the generated ones. */
    static String columnList(List<Column> columns) {
        return columns.stream().filter(c -> c.generated() == null).map(c -> Ddl.name(c.name()))
                .collect(Collectors.joining(", "));
    }
}
