package dev.basalt.query.internal.resolve;

import dev.basalt.query.QueryPlan;
import dev.basalt.query.TableCatalog;
import dev.basalt.query.TableSchema;
import dev.basalt.query.internal.QueryError;
import dev.basalt.query.internal.ir.Cond;
import dev.basalt.query.internal.ir.RowGuard;
import dev.basalt.query.internal.ir.Simplifier;
import dev.basalt.query.internal.plan.PlanPasses;
import dev.basalt.query.internal.syntax.Parser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one expression may reach besides its own row: the catalog's tables, hidden columns or not, and for a caller
 * without hidden access (a client filter or sort of a non-superuser) the {@link RowGuard} of every table a path
 * arrives at. A guard is the table's {@link TableCatalog#joinGuard} resolved as a rule of that table for the same
 * request: hidden columns allowed and no guards of its own, as PocketBase evaluates the joined collection's list
 * rule, so guards never nest and their paths stay within {@code QueryLimits.MAX_RELATION_DEPTH}. A guard that does
 * not compile (a stale rule) hides every row. One instance per expression; guards are resolved once per table.
 */
final class Reach {
    private static final Cond HIDE_ALL = new Cond.Constant(false);

    private final TableCatalog catalog;
    private final boolean allowHidden;
    private final RequestValues request;
    private final Map<String, Optional<RowGuard>> guards = new HashMap<>();

    Reach(TableCatalog catalog, boolean allowHidden, RequestValues request) {
        this.catalog = catalog;
        this.allowHidden = allowHidden;
        this.request = request;
    }

    TableCatalog catalog() {
        return catalog;
    }

    boolean allowHidden() {
        return allowHidden;
    }

    /** Whether a table may be reached: always with hidden access, otherwise only listable tables. */
    boolean reachable(String table) {
        return allowHidden || catalog.listable(table);
    }

    /** The guard on rows of {@code table} reached by a path, or null when every row may be reached. */
    RowGuard guard(String table) {
        if (allowHidden) {
            return null;
        }
        return guards.computeIfAbsent(table, this::compile).orElse(null);
    }

    private Optional<RowGuard> compile(String table) {
        String expression = catalog.joinGuard(table);
        TableSchema schema = catalog.table(table);
        if (!catalog.listable(table)) {
            // paths check listable tables themselves; this covers the starts (@request.auth.*, @request.body.*)
            return Optional.of(new RowGuard(table, List.of(), HIDE_ALL));
        }
        if (expression == null || expression.isBlank()) {
            return Optional.empty();
        }
        if (schema == null) {
            return Optional.of(new RowGuard(table, List.of(), HIDE_ALL));
        }
        Cond where;
        try {
            where = Parser.parse(expression).map(ast -> new Resolver(schema, request, true, catalog).resolve(ast))
                    .map(Simplifier::simplify).orElse(Cond.TRUE);
        } catch (QueryError e) {
            where = HIDE_ALL;
        }
        if (where.equals(Cond.TRUE)) {
            return Optional.empty();
        }
        QueryPlan plan = PlanPasses.joinRelations().apply(QueryPlan.of(List.of(), table).withWhere(where));
        return Optional.of(new RowGuard(table, plan.joins(), plan.where()));
    }
}
