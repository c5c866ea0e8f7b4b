package dev.basalt.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The table being queried: its SQL name and its columns by name, in column order.
 *
 * @param table   the table name (one unqualified SQL name)
 * @param columns the columns by name
 */
public record TableSchema(String table, Map<String, ColumnInfo> columns) {
    public TableSchema {
        Objects.requireNonNull(table, "table");
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(columns, "columns")));
    }

    /** A schema from a list of columns, keeping their order. */
    public static TableSchema of(String table, List<ColumnInfo> columns) {
        Map<String, ColumnInfo> byName = new LinkedHashMap<>();
        for (ColumnInfo c : columns) {
            byName.put(c.name(), c);
        }
        return new TableSchema(table, byName);
    }

    /** The column with this exact name, or null. */
    public ColumnInfo column(String name) {
        return columns.get(name);
    }
}
