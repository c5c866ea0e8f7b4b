package dev.basalt.query;

import java.util.Map;

/**
 * The tables relation paths can reach ({@code author.name}, {@code comments_via_post.message}): supplied by the
 * module that owns the schema, so the compiler never depends on it. A catalog is built for one caller: what it
 * answers for {@link #listable} and {@link #joinGuard} is what that caller may reach.
 */
@FunctionalInterface
public interface TableCatalog {
    /** A catalog with no tables: relation paths do not resolve. */
    TableCatalog EMPTY = name -> null;

    /** The table with this name, or null. */
    TableSchema table(String name);

    /**
     * Whether a caller who may not use hidden columns (a client filter or sort of a non-superuser) may reach this
     * table through a relation path or {@code @collection}: false for tables whose records only superusers may list.
     */
    default boolean listable(String name) {
        return true;
    }

    /**
     * The condition, in the filter language, that a row of this table must meet for such a caller's relation paths,
     * back-relations, {@code @collection} and {@code @request.*} joins to reach it (the table's list rule); null or
     * blank for none. The compiler resolves it as a rule of that table for the same request (hidden columns
     * allowed, no guards of its own), and rows that fail it read exactly like missing ones.
     */
    default String joinGuard(String name) {
        return null;
    }

    /** A catalog of fixed tables by name. */
    static TableCatalog of(Map<String, TableSchema> tables) {
        Map<String, TableSchema> copy = Map.copyOf(tables);
        return copy::get;
    }
}
