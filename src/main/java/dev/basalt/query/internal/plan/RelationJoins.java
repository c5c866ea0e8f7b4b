package dev.basalt.query.internal.plan;

import dev.basalt.query.QueryPlan;
import dev.basalt.query.internal.ir.Cond;
import dev.basalt.query.internal.ir.Join;
import dev.basalt.query.internal.ir.Kind;
import dev.basalt.query.internal.ir.RelationPath;
import dev.basalt.query.internal.ir.SortKey;
import dev.basalt.query.internal.ir.Term;
import dev.basalt.query.internal.ir.TermMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan pass that turns the to-one relation paths used by the WHERE and ORDER BY into LEFT JOINs: one join per
 * distinct path prefix (shared by every term that walks it), aliased {@code _j1, _j2, ...}, and each
 * {@link Term.Related} into a column of its join. LEFT JOINs of to-one paths never multiply rows, so the list and
 * its count stay one query each.
 */
final class RelationJoins {
    /** Prefix of join aliases; collection names cannot start with "_" (only system ones, none named like this). */
    static final String ALIAS_PREFIX = "_j";

    private final Map<RelationPath, String> aliases = new LinkedHashMap<>();
    private final List<Join> joins = new ArrayList<>();

    private RelationJoins() {
    }

    static QueryPlan apply(QueryPlan plan) {
        RelationJoins pass = new RelationJoins();
        pass.joins.addAll(plan.joins());
        Cond where = TermMapper.map(plan.where(), pass::bind);
        List<SortKey> order = plan.order().stream().map(k -> TermMapper.map(k, pass::bind)).toList();
        if (pass.joins.size() == plan.joins().size()) {
            return plan;
        }
        return plan.withJoins(pass.joins).withWhere(where).withOrder(order);
    }

    private Term bind(Term term) {
        if (term instanceof Term.Related r) {
            return new Term.Column(alias(r.path()), r.column(), r.kind());
        }
        return term;
    }

    private String alias(RelationPath path) {
        if (path.links().isEmpty()) {
            return path.root();
        }
        String known = aliases.get(path);
        if (known != null) {
            return known;
        }
        String previous = alias(path.parent());
        String alias = ALIAS_PREFIX + (aliases.size() + 1);
        RelationPath.Forward link = (RelationPath.Forward) path.links().getLast();
        Cond on = new Cond.Compare(new Term.Column(alias, "id", Kind.TEXT), Cond.CompareOp.EQ,
                new Term.Column(previous, link.column(), Kind.TEXT));
        aliases.put(path, alias);
        joins.add(new Join(link.table(), alias, on, link.guard()));
        return alias;
    }
}
