package dev.basalt.query;

import java.util.Objects;

/**
 * A column of the queried table as the compiler sees it.
 *
 * @param name     the column name (also the name used in filters)
 * @param kind     how its values are stored and compared
 * @param hidden   true when filters may use it only if they are allowed hidden columns (rules, superusers)
 * @param relation for relation columns, the name of the related table (looked up in a {@link TableCatalog}),
 *                 otherwise null; a TEXT column holds one id, a TEXT_ARRAY column several
 */
public record ColumnInfo(String name, ColumnKind kind, boolean hidden, String relation) {
    public ColumnInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    /** A column that is not a relation. */
    public ColumnInfo(String name, ColumnKind kind, boolean hidden) {
        this(name, kind, hidden, null);
    }

    /** A visible column. */
    public static ColumnInfo of(String name, ColumnKind kind) {
        return new ColumnInfo(name, kind, false);
    }

    /** A visible relation column to {@code table}; multiple relations are TEXT_ARRAY. */
    public static ColumnInfo relation(String name, String table, boolean multiple) {
        return new ColumnInfo(name, multiple ? ColumnKind.TEXT_ARRAY : ColumnKind.TEXT, false, table);
    }
}
