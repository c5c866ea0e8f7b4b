package dev.basalt.query;

import dev.basalt.query.internal.ir.Cond;
import dev.basalt.query.internal.ir.Join;
import dev.basalt.query.internal.ir.RowRange;
import dev.basalt.query.internal.ir.SortKey;
import dev.basalt.query.internal.ir.Term;
import java.util.List;
import java.util.Objects;

/**
 * A compiled query, independent of SQL syntax: built by {@link QueryCompiler} through small plan-to-plan passes and
 * turned into jOOQ by {@link PlanRenderer}. Immutable; other modules treat it as opaque.
 *
 * @param select the columns to fetch (empty: every column)
 * @param from   the queried table
 * @param joins  joined tables (none until relations are supported)
 * @param where  the condition rows must meet
 * @param order  the ORDER BY items
 * @param range  the rows to return
 */
public record QueryPlan(List<Term.Column> select, String from, List<Join> joins, Cond where, List<SortKey> order,
                        RowRange range) {
    public QueryPlan {
        select = List.copyOf(select);
        Objects.requireNonNull(from, "from");
        joins = List.copyOf(joins);
        Objects.requireNonNull(where, "where");
        order = List.copyOf(order);
        Objects.requireNonNull(range, "range");
    }

    /** The plan of {@code SELECT select FROM from}: no joins, no condition, no order, every row. */
    public static QueryPlan of(List<Term.Column> select, String from) {
        return new QueryPlan(select, from, List.of(), Cond.TRUE, List.of(), RowRange.ALL);
    }

    public QueryPlan withJoins(List<Join> value) {
        return new QueryPlan(select, from, value, where, order, range);
    }

    public QueryPlan withWhere(Cond value) {
        return new QueryPlan(select, from, joins, value, order, range);
    }

    public QueryPlan withOrder(List<SortKey> value) {
        return new QueryPlan(select, from, joins, where, value, range);
    }

    public QueryPlan withRange(RowRange value) {
        return new QueryPlan(select, from, joins, where, order, value);
    }
}
