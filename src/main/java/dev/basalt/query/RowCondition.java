package dev.basalt.query;

import dev.basalt.query.internal.eval.RowEvaluator;
import dev.basalt.query.internal.ir.Cond;
import dev.basalt.query.internal.plan.PlanPasses;
import dev.basalt.query.internal.render.JoinedCondition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;

/**
 * A compiled condition over the rows of one table that can be checked two ways with the same result: as SQL, or in
 * memory against one row's values (when it reads only that row and bound request values). Immutable, thread-safe.
 */
public final class RowCondition {
    private final Cond cond;
    private final String table;
    private final boolean inMemory;

    RowCondition(Cond cond, String table) {
        this.cond = cond;
        this.table = table;
        this.inMemory = RowEvaluator.supports(cond, table);
    }

    /**
     * The condition as jOOQ, columns qualified by the table name; relation paths become an EXISTS over their LEFT
     * JOINs, correlated to the table (as {@link QueryCompiler#condition}).
     */
    public Condition sql() {
        QueryPlan plan = PlanPasses.joinRelations().apply(QueryPlan.of(List.of(), table).withWhere(cond));
        return JoinedCondition.render(plan.joins(), plan.where());
    }

    /** True when {@link #test} can decide without the database (for most rows). */
    public boolean inMemory() {
        return inMemory;
    }

    /** True for the condition that holds for every row. */
    public boolean always() {
        return cond.equals(Cond.TRUE);
    }

    /**
     * Whether the row satisfies the condition, as SQL would decide (NULL is false); empty when only the database can
     * decide (not {@link #inMemory()}, or a value only PostgreSQL formats or folds the same way).
     *
     * @param row column values by name, in the Java types of the columns' kinds
     */
    public Optional<Boolean> test(Map<String, Object> row) {
        return inMemory ? RowEvaluator.evaluate(cond, table, row) : Optional.empty();
    }
}
