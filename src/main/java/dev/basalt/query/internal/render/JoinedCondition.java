package dev.basalt.query.internal.render;

import dev.basalt.query.internal.ir.Cond;
import dev.basalt.query.internal.ir.Join;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * A condition that needs LEFT JOINs but must stand alone (e.g. a rule in the WHERE of an UPDATE):
 * {@code EXISTS (SELECT 1 FROM (SELECT 1) LEFT JOIN ... WHERE cond)}, the joins correlated to the outer table.
 * The joins are to-one, so the subquery has exactly one row and the EXISTS holds exactly when the condition does.
 */
public final class JoinedCondition {
    private JoinedCondition() {
    }

    /** The condition, wrapped as above when there are joins. */
    public static Condition render(List<Join> joins, Cond where) {
        if (joins.isEmpty()) {
            return ConditionRenderer.render(where);
        }
        Table<?> from = ConditionRenderer.oneRow();
        for (Join join : joins) {
            from = from.leftJoin(GuardedTables.of(join)).on(ConditionRenderer.render(join.on()));
        }
        return DSL.exists(DSL.selectOne().from(from).where(ConditionRenderer.render(where)));
    }
}
