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
 * @param shownIf  the BOOL column of the same table that must be true on a row for a caller without hidden access
 *                 to compare or sort by this column there (an auth record's {@code email}: {@code emailVisibility});
 *                 null when the column is always readable
 */
public record ColumnInfo(String name, ColumnKind kind, boolean hidden, String relation, String shownIf) {
    public ColumnInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    /** A column readable on every row. */
    public ColumnInfo(String name, ColumnKind kind, boolean hidden, String relation) {
        this(name, kind, hidden, relation, null);
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
