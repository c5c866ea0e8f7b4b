package dev.basalt.query.internal.resolve;

import dev.basalt.query.TableSchema;
import dev.basalt.query.internal.QueryError;
import dev.basalt.query.internal.ir.Cond;
import dev.basalt.query.internal.ir.RelationPath;
import dev.basalt.query.internal.ir.Term;
import dev.basalt.query.internal.syntax.Expr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code @collection.name.field} and {@code @collection.name:alias.field} (joins of any collection, as
 * PocketBase's). With an any-of operator ({@code ?=}, ...) every reference to the same collection and alias reads
 * the same row: the whole expression is wrapped in {@code EXISTS (SELECT 1 FROM (SELECT 1) LEFT JOIN name AS a ON
 * true ... WHERE expression)} (see {@link #wrap}), so {@code @collection.m.user ?= @request.auth.id &&
 * @collection.m.team ?= team} needs one membership row with both. A plain operator means every row of the
 * collection matches (a NOT EXISTS over a fresh join), as PocketBase's multi-match subquery. Deeper paths from the
 * joined row ({@code @collection.m.team.name}) are checked in their own subquery.
 */
final class CollectionRefs {
    private static final Pattern REF = Pattern.compile("@collection\\.(\\w+)(?::(\\w+))?\\.(.+)");
    private static final String ALIAS_PREFIX = "_c";

    private final TableSchema schema;
    private final Reach reach;
    private final Map<String, Cond.RelationSource> shared = new LinkedHashMap<>();

    CollectionRefs(TableSchema schema, Reach reach) {
        this.schema = schema;
        this.reach = reach;
    }

    ResolvedOperand resolve(Expr.Identifier id, boolean anyOf) {
        Matcher m = REF.matcher(id.path());
        if (!m.matches()) {
            throw new QueryError("invalid @collection field " + QueryError.quote(id.path())
                    + ", expected @collection.name.field", id.position());
        }
        TableSchema target = reach.catalog().table(m.group(1));
        if (target == null || !reach.reachable(target.table())) {
            throw new QueryError("unknown collection " + QueryError.quote(m.group(1)) + " in "
                    + QueryError.quote(id.path()), id.position());
        }
        String rest = m.group(3);
        // without hidden access only the rows the collection's guard lets the caller reach are joined
        RelationPath.Start all = new RelationPath.Start(target.table(), null, reach.guard(target.table()));
        if (!anyOf) {
            return RelationPaths.resolve(rest, id.position(), schema.table(), List.of(all), target, reach);
        }
        String key = target.table() + ":" + (m.group(2) == null ? "" : m.group(2));
        Cond.RelationSource source = shared.computeIfAbsent(key, k -> new Cond.RelationSource(
                new RelationPath(schema.table(), List.of(all)), ALIAS_PREFIX + (shared.size() + 1), null));
        TableSchema row = new TableSchema(source.linkAlias(1), target.columns());
        if (rest.indexOf('.') < 0) {
            return RelationPaths.resolve(rest, id.position(), row, reach);
        }
        return asSubquery(RelationPaths.resolve(rest, id.position(), row, reach));
    }

    private static ResolvedOperand asSubquery(ResolvedOperand operand) {
        return switch (operand) {
            case ResolvedOperand.Scalar s when s.term() instanceof Term.Related r ->
                    new ResolvedOperand.Multi(r.path(), r.column(), r.kind(), false);
            case ResolvedOperand.Scalar s when s.term() instanceof Term.Masked(Term.Related r, Term.Related shown) ->
                    new ResolvedOperand.Multi(r.path(), r.column(), r.kind(), false, shown.column());
            case ResolvedOperand.Array a when a.array() instanceof Term.Related r ->
                    new ResolvedOperand.Multi(r.path(), r.column(), r.kind(), false);
            default -> operand;
        };
    }

    /** The expression's condition, inside the EXISTS over the shared rows when any-of references made some. */
    Cond wrap(Cond cond) {
        if (shared.isEmpty()) {
            return cond;
        }
        return new Cond.Quantified(Cond.Quantifier.ANY, new ArrayList<>(shared.values()), cond);
    }
}
