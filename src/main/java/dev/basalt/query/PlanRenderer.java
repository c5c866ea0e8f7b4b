package dev.basalt.query;

import dev.basalt.query.internal.ir.Join;
import dev.basalt.query.internal.render.ConditionRenderer;
import dev.basalt.query.internal.render.GuardedTables;
import dev.basalt.query.internal.render.TermRenderer;
import org.jooq.DSLContext;
import org.jooq.JoinType;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.SelectJoinStep;
import org.jooq.SelectQuery;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** Turns a {@link QueryPlan} into jOOQ queries: every value bound, every name through {@link DSL#name}. Thread-safe. */
@Component
public final class PlanRenderer {

    /** {@code SELECT columns FROM table [joins] WHERE ... ORDER BY ... OFFSET/LIMIT}; columns typed by their kind. */
    public SelectQuery<Record> select(DSLContext dsl, QueryPlan plan) {
        SelectQuery<Record> query = dsl.selectQuery();
        if (plan.select().isEmpty()) {
            query.addSelect(DSL.asterisk());
        } else {
            plan.select().forEach(c -> query.addSelect(TermRenderer.render(c)));
        }
        addFrom(query, plan);
        query.addConditions(ConditionRenderer.render(plan.where()));
        plan.order().forEach(k -> query.addOrderBy(ConditionRenderer.render(k)));
        if (!plan.range().isAll()) {
            if (plan.range().limit() >= 0) {
                query.addLimit(plan.range().offset(), plan.range().limit());
            } else {
                query.addOffset(plan.range().offset());
            }
        }
        return query;
    }

    /** {@code SELECT count(*)} with the plan's FROM, joins and WHERE, without order or range. */
    public Select<Record1<Integer>> count(DSLContext dsl, QueryPlan plan) {
        SelectJoinStep<Record1<Integer>> query = dsl.selectCount().from(DSL.table(DSL.name(plan.from())));
        for (Join join : plan.joins()) {
            query = query.leftJoin(joinTable(join)).on(ConditionRenderer.render(join.on()));
        }
        return query.where(ConditionRenderer.render(plan.where()));
    }

    private static void addFrom(SelectQuery<?> query, QueryPlan plan) {
        query.addFrom(DSL.table(DSL.name(plan.from())));
        for (Join join : plan.joins()) {
            query.addJoin(joinTable(join), JoinType.LEFT_OUTER_JOIN, ConditionRenderer.render(join.on()));
        }
    }

    private static Table<?> joinTable(Join join) {
        return GuardedTables.of(join);
    }
}
