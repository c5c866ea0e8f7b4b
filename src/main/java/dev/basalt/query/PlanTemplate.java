package dev.basalt.query;

import dev.basalt.query.internal.ir.Cond;
import dev.basalt.query.internal.ir.Join;
import dev.basalt.query.internal.ir.RowGuard;
import dev.basalt.query.internal.ir.RowRange;
import dev.basalt.query.internal.ir.SortKey;
import dev.basalt.query.internal.ir.Term;
import dev.basalt.query.internal.ir.TermMapper;
import dev.basalt.query.internal.render.TermRenderer;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DataType;

/**
 * A plan split in two: its {@link #shape()}, the plan with every bound value replaced by a numbered slot, and the
 * values themselves, in slot order. Two plans with equal shapes render to the same SQL text (the renderer reads no
 * slot's value), so the shape is an exact key for SQL rendered once ({@link PlanRenderer#prepareSelect}); the
 * values, caller's and filter's alike, are only ever bound. Values the renderer does not slot (e.g. the keys of a
 * JSON path) stay in the shape, so they are part of the key.
 *
 * @param shape  the plan with slots for values (compared by value: records all the way down)
 * @param values the slots' values
 * @param types  the slots' SQL types, from their kinds (the shape holds the kinds too)
 */
public record PlanTemplate(QueryPlan shape, List<Object> values, List<DataType<?>> types) {
    public PlanTemplate {
        values = java.util.Collections.unmodifiableList(new ArrayList<>(values)); // values may be null
        types = List.copyOf(types);
    }

    /** The template of a plan: its values lifted into slots, in a fixed walk order. */
    public static PlanTemplate of(QueryPlan plan) {
        Lifter lifter = new Lifter();
        List<Join> joins = plan.joins().stream().map(lifter::join).toList();
        Cond where = lifter.cond(plan.where());
        List<SortKey> order = plan.order().stream().map(k -> TermMapper.map(k, lifter::term)).toList();
        QueryPlan shape = new QueryPlan(plan.select(), plan.from(), joins, where, order, plan.range());
        return new PlanTemplate(shape, lifter.values, lifter.types);
    }

    /** The template of the plan's count: its FROM, joins and WHERE (no order, every row). */
    public static PlanTemplate ofCount(QueryPlan plan) {
        return of(plan.withOrder(List.of()).withRange(RowRange.ALL));
    }

    /** Replaces each bound value by the next slot, remembering the value and its SQL type. */
    private static final class Lifter {
        private final List<Object> values = new ArrayList<>();
        private final List<DataType<?>> types = new ArrayList<>();

        Term term(Term term) {
            if (term instanceof Term.Value v && !(v.value() instanceof Slot)) {
                values.add(v.value());
                types.add(TermRenderer.dataType(v.kind()));
                return new Term.Value(new Slot(values.size() - 1), v.kind());
            }
            return term;
        }

        Cond cond(Cond cond) {
            return TermMapper.map(cond, this::term);
        }

        Join join(Join join) {
            RowGuard g = join.guard();
            RowGuard guard = g == null ? null
                    : new RowGuard(g.table(), g.joins().stream().map(this::join).toList(), cond(g.where()));
            return new Join(join.table(), join.alias(), cond(join.on()), guard);
        }
    }

    /**
     * The value of a slotted {@code Term.Value}: rendered as a named bind marker, {@link #name()}, whose value is
     * bound when the statement runs.
     *
     * @param index the slot's position in {@link PlanTemplate#values()}
     */
    public record Slot(int index) {
        /** The prefix of slot markers' names (found after a ':' in the SQL rendered with named markers). */
        public static final String PREFIX = "basalt_slot_";

        /** The name of the slot's bind marker. */
        public String name() {
            return PREFIX + index;
        }
    }
}
