package dev.basalt.query.internal.ir;

import java.util.List;

/**
 * A walk from the queried table through relation fields: each link leads to the next table. A path is to-one when
 * every link follows a single relation forward; such paths become LEFT JOINs of the plan, the others EXISTS
 * subqueries of the condition that uses them.
 *
 * @param root  the queried table (the start of every link chain)
 * @param links the steps, at least one
 */
public record RelationPath(String root, List<Link> links) {
    public RelationPath {
        links = List.copyOf(links);
    }

    /** One step of a path; {@link #table()} is the table it arrives at. */
    public sealed interface Link {
        String table();

        /** True when the step can lead to several rows. */
        boolean multiple();

        /** The condition the rows reached must meet (the table's join guard for the caller), or null for none. */
        RowGuard guard();
    }

    /** From a relation column to the related table: {@code table.id = previous.column} (or one of its ids). */
    public record Forward(String column, String table, boolean multiple, RowGuard guard) implements Link {
        /** An unguarded step. */
        public Forward(String column, String table, boolean multiple) {
            this(column, table, multiple, null);
        }
    }

    /**
     * A walk that does not start at the queried row: the rows of {@code table} whose id is one of {@code ids}
     * ({@code @request.auth.*}, {@code @request.body.rel.*}), or every row when {@code ids} is null
     * ({@code @collection.*}). Only the first link of a path.
     */
    public record Start(String table, List<String> ids, RowGuard guard) implements Link {
        public Start {
            ids = ids == null ? null : List.copyOf(ids);
        }

        /** An unguarded start. */
        public Start(String table, List<String> ids) {
            this(table, ids, null);
        }

        @Override
        public boolean multiple() {
            return ids == null || ids.size() != 1;
        }
    }

    /** Back from the current table to the records of {@code table} whose relation {@code column} points at it. */
    public record Back(String table, String column, boolean columnMultiple, RowGuard guard) implements Link {
        /** An unguarded step. */
        public Back(String table, String column, boolean columnMultiple) {
            this(table, column, columnMultiple, null);
        }

        @Override
        public boolean multiple() {
            return true;
        }
    }

    /** True when every step leads to at most one row. */
    public boolean toOne() {
        return links.stream().noneMatch(Link::multiple);
    }

    /** This path without its last step (empty links for a one-step path). */
    public RelationPath parent() {
        return new RelationPath(root, links.subList(0, links.size() - 1));
    }

    /** The table the path arrives at. */
    public String target() {
        return links.isEmpty() ? root : links.getLast().table();
    }
}
