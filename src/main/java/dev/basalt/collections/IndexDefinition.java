package dev.basalt.collections;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An index of a collection, parsed from the SQL-like string PocketBase stores in {@code indexes}, e.g.
 * {@code CREATE UNIQUE INDEX `idx_title` ON `posts` (`title` COLLATE NOCASE, `created` DESC) WHERE `title` != ''}.
 * The string is never executed: the index is built from this record. Supported: plain column names with
 * optional {@code COLLATE NOCASE} (indexed as {@code lower(column)}) and {@code ASC}/{@code DESC}, and a WHERE of
 * {@code column op literal} or {@code column IS [NOT] NULL} terms joined by AND.
 *
 * @param unique  true for UNIQUE indexes
 * @param name    the index name (global in the database)
 * @param table   the table named in the definition (always the collection's name once normalized)
 * @param columns the indexed columns, in order
 * @param where   the partial index terms, all of which must hold (empty for a full index)
 */
public record IndexDefinition(boolean unique, String name, String table, List<Column> columns, List<Condition> where) {
    /** PostgreSQL's identifier limit, in bytes. */
    public static final int MAX_NAME_BYTES = 63;

    public IndexDefinition {
        columns = List.copyOf(columns);
        where = where == null ? List.of() : List.copyOf(where);
    }

    /**
     * An indexed column.
     *
     * @param name       the column (field) name
     * @param nocase     true for {@code COLLATE NOCASE}: the index is on {@code lower(column)}
     * @param descending true for {@code DESC}
     */
    public record Column(String name, boolean nocase, boolean descending) {
    }

    /**
     * One term of a partial index's WHERE.
     *
     * @param column   the column compared
     * @param operator one of {@code = != < <= > >=}, or {@code IS} / {@code IS NOT} with a null value
     * @param value    a {@code String}, a {@code BigDecimal}, a {@code Boolean}, or null for IS [NOT] NULL
     */
    public record Condition(String column, String operator, Object value) {
        String toSql() {
            String col = quote(column);
            if (value == null) {
                return col + " " + operator + " NULL";
            }
            return col + " " + operator + " " + literal(value);
        }
    }

    /**
     * Parses an index definition.
     *
     * @throws IllegalArgumentException with a message safe to show when the text is not a supported definition
     */
    public static IndexDefinition parse(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("The index definition is empty.");
        }
        return new IndexParser(sql).parse();
    }

    /** The same index on another table (indexes follow their collection's name). */
    public IndexDefinition withTable(String newTable) {
        return new IndexDefinition(unique, name, newTable, columns, where);
    }

    /** True when this is a UNIQUE index on exactly this one column (case-insensitive), partial or not. */
    public boolean isSingleColumnUnique(String column) {
        return unique && columns.size() == 1 && columns.getFirst().name().equalsIgnoreCase(column);
    }

    /** True when the index name fits PostgreSQL's identifier limit. */
    public boolean nameFits() {
        return name.getBytes(StandardCharsets.UTF_8).length <= MAX_NAME_BYTES;
    }

    /** The normalized definition, as stored and returned to clients. */
    public String toSql() {
        return "CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + quote(name) + " ON " + quote(table) + " " + body();
    }

    /** The definition without its name and table: two indexes with the same shape are duplicates. */
    public String shape() {
        return (unique ? "UNIQUE " : "") + body();
    }

    private String body() {
        String cols = columns.stream()
                .map(c -> quote(c.name()) + (c.nocase() ? " COLLATE NOCASE" : "") + (c.descending() ? " DESC" : ""))
                .collect(Collectors.joining(", ", "(", ")"));
        if (where.isEmpty()) {
            return cols;
        }
        return cols + " WHERE " + where.stream().map(Condition::toSql).collect(Collectors.joining(" AND "));
    }

    private static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    private static String literal(Object value) {
        if (value instanceof String s) {
            return "'" + s.replace("'", "''") + "'";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString().toUpperCase(Locale.ROOT);
    }
}
