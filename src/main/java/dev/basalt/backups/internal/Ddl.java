package dev.basalt.backups.internal;

import dev.basalt.backups.internal.Manifest.Column;
import dev.basalt.backups.internal.Manifest.Sequence;
import dev.basalt.backups.internal.Manifest.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Turns the manifest back into DDL. Names are quoted by jOOQ; the SQL fragments the manifest carries (types,
 * defaults, constraint, index and view definitions) are checked first, because a backup zip is input: a type
 * must look like a type, and a fragment may hold one statement only and call no server-side function that reads
 * files, runs programs or changes settings.
 */
final class Ddl {
    private static final DSLContext RENDER = DSL.using(SQLDialect.POSTGRES);
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_ ]*(\\([0-9, ]+\\))?[a-z ]*(\\[\\])*");
    private static final Pattern FORBIDDEN = Pattern.compile(
            "(?i);|\\b(pg_\\w*|lo_\\w*|dblink\\w*|set_config|current_setting|query_to_xml\\w*|xpath\\w*"
                    + "|txid_\\w*)\\s*\\(");
    private static final Pattern INDEX = Pattern.compile("(?s)CREATE (UNIQUE )?INDEX \\S+ ON (ONLY )?\\S+ USING .*");
    private static final Pattern CONSTRAINT = Pattern.compile(
            "(?s)(PRIMARY KEY|UNIQUE|CHECK|FOREIGN KEY|EXCLUDE) .*");

    private Ddl() {
    }

    static String name(String... parts) {
        return RENDER.render(DSL.name(parts));
    }

    /** {@code pg_get_indexdef} always names the schema; strip it so the index lands where the table is. */
    static String unqualifiedIndex(String definition, String schema) {
        // As quote_ident prints it: bare when lower-case letters, digits and underscores (e.g. public).
        String quoted = schema.matches("[a-z_][a-z0-9_]*") ? schema : name(schema);
        return definition.replaceFirst(" ON (ONLY )?" + Pattern.quote(quoted + "."), " ON $1");
    }

    static String withoutSemicolon(String definition) {
        String d = definition.strip();
        return d.endsWith(";") ? d.substring(0, d.length() - 1) : d;
    }

    static String createTable(Table table) {
        List<String> columns = new ArrayList<>();
        for (Column c : table.columns()) {
            StringBuilder sql = new StringBuilder(name(c.name())).append(' ').append(type(c.type()));
            if (c.generated() != null) {
                sql.append(" GENERATED ALWAYS AS (").append(fragment(c.generated())).append(") STORED");
            } else if ("a".equals(c.identity()) || "d".equals(c.identity())) {
                sql.append(" GENERATED ").append("a".equals(c.identity()) ? "ALWAYS" : "BY DEFAULT")
                        .append(" AS IDENTITY");
            } else if (c.defaultValue() != null) {
                sql.append(" DEFAULT ").append(fragment(c.defaultValue()));
            }
            if (c.notNull()) {
                sql.append(" NOT NULL");
            }
            columns.add(sql.toString());
        }
        return "CREATE TABLE " + name(table.name()) + " (" + String.join(", ", columns) + ")";
    }

    static String createSequence(Sequence s) {
        return "CREATE SEQUENCE " + name(s.name()) + " AS " + type(s.type()) + " INCREMENT BY " + s.increment()
                + " MINVALUE " + s.min() + " MAXVALUE " + s.max() + " START WITH " + s.start()
                + (s.cycle() ? " CYCLE" : " NO CYCLE");
    }

    static String addConstraint(String table, Manifest.Constraint c) {
        if (!CONSTRAINT.matcher(c.definition()).matches()) {
            throw new InvalidBackupException("constraint " + c.name() + " of " + table + " is not a constraint");
        }
        return "ALTER TABLE " + name(table) + " ADD CONSTRAINT " + name(c.name()) + " " + fragment(c.definition());
    }

    static String createIndex(String definition) {
        if (!INDEX.matcher(definition).matches()) {
            throw new InvalidBackupException("an index definition is not a CREATE INDEX statement");
        }
        return fragment(definition);
    }

    static String createView(Manifest.View v) {
        return "CREATE VIEW " + name(v.name()) + " AS " + fragment(v.definition());
    }

    private static String type(String type) {
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new InvalidBackupException("column type " + type + " is not a type name");
        }
        return type;
    }

    /** A checked fragment; literals and quoted names are left out of the check (data, e.g. a default). */
    private static String fragment(String sql) {
        String bare = sql.replaceAll("'(?:[^']|'')*'", "''").replaceAll("\"(?:[^\"]|\"\")*\"", "\"\"");
        if (FORBIDDEN.matcher(bare).find()) {
            throw new InvalidBackupException("a definition holds a statement or function a restore does not run");
        }
        return sql;
    }
}
