package dev.basalt.query.internal.plan;

import dev.basalt.query.PageRequest;
import dev.basalt.query.TableSchema;
import dev.basalt.query.internal.ir.Cond;
import dev.basalt.query.internal.ir.RowRange;
import dev.basalt.query.internal.ir.Simplifier;
import dev.basalt.query.internal.ir.SortKey;
import java.util.ArrayList;
import java.util.List;

/** The planning passes. */
public final class PlanPasses {

    private PlanPasses() {
    }

    /** ANDs the conditions into the plan's WHERE. */
    public static PlanPass applyFilters(List<Cond> conditions) {
        return plan -> {
            if (conditions.isEmpty()) {
                return plan;
            }
            List<Cond> items = new ArrayList<>();
            if (!plan.where().equals(Cond.TRUE)) {
                items.add(plan.where());
            }
            items.addAll(conditions);
            return plan.withWhere(items.size() == 1 ? items.getFirst() : new Cond.AllOf(items));
        };
    }

    /** Folds constants out of the WHERE (see {@link Simplifier}). */
    public static PlanPass simplifyWhere() {
        return plan -> plan.withWhere(Simplifier.simplify(plan.where()));
    }

    /** Appends the sort keys to the plan's ORDER BY. */
    public static PlanPass applySort(List<SortKey> keys) {
        return plan -> {
            if (keys.isEmpty()) {
                return plan;
            }
            List<SortKey> order = new ArrayList<>(plan.order());
            order.addAll(keys);
            return plan.withOrder(order);
        };
    }

    /** Completes the ORDER BY to a total order on {@code schema}'s key (see {@link TotalOrder}). */
    public static PlanPass totalOrder(TableSchema schema) {
        return new TotalOrder(schema);
    }

    /** LEFT JOINs the to-one relation paths the plan's terms walk (see {@link RelationJoins}). */
    public static PlanPass joinRelations() {
        return RelationJoins::apply;
    }

    /** Limits the plan to one page; null leaves every row. */
    public static PlanPass applyPage(PageRequest page) {
        return plan -> page == null ? plan : plan.withRange(new RowRange(page.offset(), page.perPage()));
    }
}
