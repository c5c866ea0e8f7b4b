package dev.basalt.query.internal.ir;

/**
 * One ORDER BY item: ascending sorts empty (NULL) values first, descending last, like PocketBase on SQLite. A
 * {@code notNull} key (the table's key column) keeps PostgreSQL's default NULL placement instead, which is the one
 * its primary key index has, so that the index serves the order in both directions.
 */
public record SortKey(Term term, boolean descending, boolean notNull) {

    /** A key on a term that may be NULL. */
    public SortKey(Term term, boolean descending) {
        this(term, descending, false);
    }
}
