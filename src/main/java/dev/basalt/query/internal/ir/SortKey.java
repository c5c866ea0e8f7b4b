package dev.basalt.query.internal.ir;

/** One ORDER BY item: ascending sorts empty (NULL) values first, descending last, like PocketBase on SQLite. */
public record SortKey(Term term, boolean descending) {
}
