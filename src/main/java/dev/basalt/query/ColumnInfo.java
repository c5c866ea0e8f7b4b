package dev.basalt.query;

import java.util.Objects;

/**
 * A column of the queried table as the compiler sees it.
 *
 * @param name   the column name (also the name used in filters)
 * @param kind   how its values are stored and compared
 * @param hidden true when filters may use it only if they are allowed hidden columns (rules, superusers)
 */
public record ColumnInfo(String name, ColumnKind kind, boolean hidden) {
    public ColumnInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    /** A visible column. */
    public static ColumnInfo of(String name, ColumnKind kind) {
        return new ColumnInfo(name, kind, false);
    }
}
