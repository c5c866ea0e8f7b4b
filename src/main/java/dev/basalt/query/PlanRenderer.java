package dev.basalt.query;

import dev.basalt.query.internal.ir.Join;
import dev.basalt.query.internal.render.ConditionRenderer;
import dev.basalt.query.internal.render.GuardedTables;
import dev.basalt.query.internal.render.TermRenderer;
import dev.basalt.query.internal.ir.RowRange;
import org.jooq.DSLContext;
import org.jooq.Field;
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
        return select(dsl, plan, false);
    }

    /**
     * The select of a template's shape, rendered once: null when it cannot be (then build it with
     * {@link #select(DSLContext, QueryPlan)} from the plan each time). The shape's slots are bind markers.
     */
    public PreparedSql prepareSelect(DSLContext dsl, PlanTemplate template) {
        if (template.shape().select().isEmpty()) {
            return null; // SELECT *: no typed columns to read the rows with
        }
        SelectQuery<Record> query = select(dsl, template.shape(), true);
        RowRange range = template.shape().range();
        return PreparedSql.of(dsl, query, new PreparedSql.QueryPlanRange(range.offset(), range.limit()),
                query.getSelect().toArray(Field<?>[]::new));
    }

    /** The count of a template's shape, rendered once; null when it cannot be (as {@link #prepareSelect}). */
    public PreparedSql prepareCount(DSLContext dsl, PlanTemplate template) {
        return PreparedSql.of(dsl, count(dsl, template.shape()), new PreparedSql.QueryPlanRange(0, -1),
                new Field<?>[0]);
    }

    private SelectQuery<Record> select(DSLContext dsl, QueryPlan plan, boolean namedRange) {
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
            long offset = plan.range().offset();
            long limit = plan.range().limit();
            if (namedRange && limit >= 0) {
                query.addLimit(DSL.param(PreparedSql.OFFSET, offset), DSL.param(PreparedSql.LIMIT, limit));
            } else if (namedRange) {
                query.addOffset(DSL.param(PreparedSql.OFFSET, offset));
            } else if (limit >= 0) {
                query.addLimit(offset, limit);
            } else {
                query.addOffset(offset);
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
