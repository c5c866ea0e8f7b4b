package dev.basalt.query.internal.plan;

import dev.basalt.query.ColumnInfo;
import dev.basalt.query.QueryPlan;
import dev.basalt.query.TableSchema;
import dev.basalt.query.internal.ir.Kind;
import dev.basalt.query.internal.ir.SortKey;
import dev.basalt.query.internal.ir.Term;
import dev.basalt.query.internal.resolve.Resolver;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a list order total, so that LIMIT/OFFSET pages neither repeat nor skip rows (PostgreSQL moves a row on
 * update, and ties or a missing ORDER BY then come back in another order): without a sort, the table's default
 * order; then its key column, unless the order already contains it. The key takes the direction of the last sort
 * key, so that one index on {@code (sort column, key)} serves the order in both directions.
 */
final class TotalOrder implements PlanPass {
    private final TableSchema schema;

    TotalOrder(TableSchema schema) {
        this.schema = schema;
    }

    @Override
    public QueryPlan apply(QueryPlan plan) {
        ColumnInfo key = schema.key() == null ? null : schema.column(schema.key());
        if (key == null) {
            return plan;
        }
        List<SortKey> order = new ArrayList<>(plan.order());
        if (order.isEmpty()) {
            for (String name : schema.defaultOrder()) {
                ColumnInfo column = schema.column(name);
                if (column != null && !name.equals(key.name())) {
                    order.add(new SortKey(column(column), false));
                }
            }
        } else if (order.stream().anyMatch(k -> k.notNull() && Resolver.isKey(k.term(), schema))) {
            return plan;
        }
        boolean descending = !order.isEmpty() && order.getLast().descending()
                && !(order.getLast().term() instanceof Term.Random);
        order.add(new SortKey(column(key), descending, true));
        return plan.withOrder(order);
    }

    private Term.Column column(ColumnInfo column) {
        return new Term.Column(schema.table(), column.name(), Kind.of(column.kind()));
    }
}
