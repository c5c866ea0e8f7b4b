package dev.basalt.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The table being queried: its SQL name, its columns by name in column order, and what makes its list order total.
 *
 * @param table        the table name (one unqualified SQL name)
 * @param columns      the columns by name
 * @param key          the unique, never-NULL column (a record's {@code id}) that ends every list order so that
 *                     paging neither repeats nor skips rows; null for none
 * @param defaultOrder the columns a list without a sort is ordered by, ascending, before {@code key} (a record's
 *                     {@code created}: insertion order, as PocketBase's rowid order on SQLite)
 */
public record TableSchema(String table, Map<String, ColumnInfo> columns, String key, List<String> defaultOrder) {
    public TableSchema {
        Objects.requireNonNull(table, "table");
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(columns, "columns")));
        defaultOrder = defaultOrder == null ? List.of() : List.copyOf(defaultOrder);
    }

    /** A table without a key or default order. */
    public TableSchema(String table, Map<String, ColumnInfo> columns) {
        this(table, columns, null, List.of());
    }

    /** A schema from a list of columns, keeping their order. */
    public static TableSchema of(String table, List<ColumnInfo> columns) {
        Map<String, ColumnInfo> byName = new LinkedHashMap<>();
        for (ColumnInfo c : columns) {
            byName.put(c.name(), c);
        }
        return new TableSchema(table, byName);
    }

    /** This table with a key column and a default order (see the record components). */
    public TableSchema ordered(String keyColumn, List<String> order) {
        return new TableSchema(table, columns, keyColumn, order);
    }

    /** The column with this exact name, or null. */
    public ColumnInfo column(String name) {
        return columns.get(name);
    }
}
