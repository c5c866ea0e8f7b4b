package dev.basalt.query.internal.plan;

import dev.basalt.query.QueryPlan;

/** One step of planning: a pure function from plan to plan. */
@FunctionalInterface
public interface PlanPass {

    QueryPlan apply(QueryPlan plan);

    /** This pass, then {@code next}. */
    default PlanPass then(PlanPass next) {
        return plan -> next.apply(apply(plan));
    }
}
