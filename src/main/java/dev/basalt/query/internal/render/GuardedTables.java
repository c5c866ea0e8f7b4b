package dev.basalt.query.internal.render;

import dev.basalt.query.internal.ir.Join;
import dev.basalt.query.internal.ir.RowGuard;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * A joined table under its alias: the table itself, or with a {@link RowGuard} only its rows that meet the guard,
 * {@code (SELECT t.* FROM t LEFT JOIN ... WHERE guard) AS alias}. The sub-select is not correlated to anything
 * outside (the guard reads its own row and bound values), so its aliases cannot clash with the outer query's, and
 * PostgreSQL flattens it into the outer join.
 */
public final class GuardedTables {
    private GuardedTables() {
    }

    /** The table {@code name} as {@code alias}, limited to the rows {@code guard} lets through (null: all). */
    public static Table<?> of(String name, RowGuard guard, String alias) {
        if (guard == null) {
            return DSL.table(DSL.name(name)).as(DSL.name(alias));
        }
        Table<?> self = DSL.table(DSL.name(name));
        Table<?> from = self;
        for (Join join : guard.joins()) {
            from = from.leftJoin(of(join.table(), join.guard(), join.alias())).on(ConditionRenderer.render(join.on()));
        }
        return DSL.select(self.asterisk()).from(from).where(ConditionRenderer.render(guard.where()))
                .asTable(DSL.name(alias));
    }

    /** The table of a planned join. */
    public static Table<?> of(Join join) {
        return of(join.table(), join.guard(), join.alias());
    }
}
