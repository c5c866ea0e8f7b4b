package dev.basalt.query.internal.render;

import static dev.basalt.query.internal.render.TermRenderer.any;
import static dev.basalt.query.internal.render.TermRenderer.text;

import dev.basalt.query.internal.ir.Cond;
import dev.basalt.query.internal.ir.SortKey;
import dev.basalt.query.internal.ir.Term;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** Renders IR conditions and sort keys as jOOQ; each IR case maps to one construct. */
public final class ConditionRenderer {
    private static final char LIKE_ESCAPE = '\\';
    private static final String ONE_ROW_ALIAS = "_one";

    private ConditionRenderer() {
    }

    /** The jOOQ condition of an IR condition. */
    public static Condition render(Cond cond) {
        return switch (cond) {
            case Cond.AllOf all -> all.items().isEmpty()
                    ? DSL.noCondition()
                    : DSL.and(all.items().stream().map(ConditionRenderer::render).toList());
            case Cond.AnyOf any -> any.items().isEmpty()
                    ? DSL.falseCondition()
                    : DSL.or(any.items().stream().map(ConditionRenderer::render).toList());
            case Cond.Compare c -> compare(c);
            case Cond.IsEmpty e -> isEmpty(text(TermRenderer.render(e.term())), e.negated());
            case Cond.IsNull n -> n.negated()
                    ? TermRenderer.render(n.term()).isNotNull()
                    : TermRenderer.render(n.term()).isNull();
            case Cond.Quantified q -> quantified(q);
            case Cond.Constant c -> c.value() ? DSL.trueCondition() : DSL.falseCondition();
        };
    }

    private static Condition compare(Cond.Compare c) {
        Field<Object> l = any(TermRenderer.render(c.left()));
        Field<Object> r = any(TermRenderer.render(c.right()));
        return switch (c.op()) {
            case EQ -> l.eq(r);
            case NEQ -> l.ne(r);
            case NOT_DISTINCT -> l.isNotDistinctFrom(r);
            case DISTINCT -> l.isDistinctFrom(r);
            case LT -> l.lt(r);
            case LTE -> l.le(r);
            case GT -> l.gt(r);
            case GTE -> l.ge(r);
            case LIKE -> text(l).likeIgnoreCase(text(r), LIKE_ESCAPE);
            case NOT_LIKE -> text(l).notLikeIgnoreCase(text(r), LIKE_ESCAPE);
        };
    }

    private static Condition isEmpty(Field<String> f, boolean negated) {
        return negated
                ? f.ne(DSL.inline("")).and(f.isNotNull())
                : f.eq(DSL.inline("")).or(f.isNull());
    }

    private static Condition quantified(Cond.Quantified q) {
        List<Table<?>> sources = new ArrayList<>();
        Table<?> joined = null;
        for (Cond.Source source : q.sources()) {
            switch (source) {
                case Cond.ArraySource a -> {
                    Table<?> unnested = unnest(TermRenderer.render(a.array()), a.alias());
                    if (joined == null) {
                        sources.add(unnested);
                    } else {
                        joined = joined.crossJoin(unnested);
                    }
                }
                case Cond.RelationSource r -> {
                    Table<?> start = joined != null ? joined : sources.isEmpty() ? oneRow()
                            : sources.removeLast();
                    joined = RelationSourceRenderer.join(start, r);
                }
            }
        }
        if (joined != null) {
            sources.add(joined);
        }
        Condition body = render(q.body());
        if (q.quantifier() == Cond.Quantifier.ANY) {
            return DSL.exists(DSL.selectOne().from(sources).where(body));
        }
        // every element combination must satisfy the body; NULL counts as not satisfied
        return DSL.notExists(DSL.selectOne().from(sources).where(DSL.field(body).isDistinctFrom(DSL.inline(true))));
    }

    /** {@code unnest(array) AS alias(v)}. */
    static Table<?> unnest(org.jooq.Field<?> array, String alias) {
        return DSL.unnest(TermRenderer.array(array)).as(DSL.name(alias), DSL.name(TermRenderer.ELEMENT_COLUMN));
    }

    /** A one-row table to LEFT JOIN from, so that missing related rows read as one row of NULLs. */
    static Table<?> oneRow() {
        return DSL.selectOne().asTable(DSL.name(ONE_ROW_ALIAS));
    }

    /** The jOOQ sort field of a sort key: ascending puts NULLs first, descending last (never-NULL keys: no NULLS). */
    public static SortField<?> render(SortKey key) {
        Field<?> f = TermRenderer.render(key.term());
        if (key.term() instanceof Term.Random) {
            return f.asc();
        }
        if (key.notNull()) {
            return key.descending() ? f.desc() : f.asc();
        }
        return key.descending() ? f.desc().nullsLast() : f.asc().nullsFirst();
    }
}
