package dev.basalt.query.internal.ir;

import java.util.List;

/**
 * The condition a row of {@code table} must meet before a relation path may reach it (the table's join guard, see
 * {@link dev.basalt.query.TableCatalog#joinGuard}): a planned sub-query of its own, its to-one paths already LEFT
 * JOINs. Rendered as {@code (SELECT table.* FROM table joins WHERE where)} in place of the joined table, so a row
 * the guard hides reads exactly like a missing one.
 *
 * @param table the guarded table
 * @param joins the LEFT JOINs of the guard's own to-one relation paths
 * @param where the guard, columns qualified by {@code table}
 */
public record RowGuard(String table, List<Join> joins, Cond where) {
    public RowGuard {
        joins = List.copyOf(joins);
    }
}
