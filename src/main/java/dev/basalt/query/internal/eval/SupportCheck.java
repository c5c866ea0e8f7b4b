package dev.basalt.query.internal.eval;

import dev.basalt.query.internal.ir.Cond;
import dev.basalt.query.internal.ir.Kind;
import dev.basalt.query.internal.ir.Term;

/** Decides before evaluation whether {@link RowEvaluator} can evaluate a condition (see its rules). */
final class SupportCheck {
    private SupportCheck() {
    }

    static boolean condition(Cond c, String table) {
        return switch (c) {
            case Cond.AllOf all -> all.items().stream().allMatch(i -> condition(i, table));
            case Cond.AnyOf any -> any.items().stream().allMatch(i -> condition(i, table));
            case Cond.Compare cmp -> compare(cmp, table);
            case Cond.IsEmpty e -> term(e.term(), table);
            case Cond.IsNull n -> term(n.term(), table);
            case Cond.Quantified q -> q.sources().stream().allMatch(s -> source(s, table))
                    && condition(q.body(), table);
            case Cond.Constant k -> true;
        };
    }

    /** Unnested arrays of the row are evaluated in memory; rows reached through relations need the database. */
    private static boolean source(Cond.Source s, String table) {
        return switch (s) {
            case Cond.ArraySource a -> term(a.array(), table);
            case Cond.RelationSource r -> false;
        };
    }

    private static boolean compare(Cond.Compare c, String table) {
        if (!term(c.left(), table) || !term(c.right(), table)) {
            return false;
        }
        Kind kind = c.left().kind() == Kind.NULL ? c.right().kind() : c.left().kind();
        boolean ordering = switch (c.op()) {
            case LT, LTE, GT, GTE -> true;
            default -> false;
        };
        // text order depends on the database collation; arrays and JSON compare in ways only SQL defines
        return !(ordering && kind == Kind.TEXT) && kind != Kind.TEXT_ARRAY && kind != Kind.JSON;
    }

    private static boolean term(Term t, String table) {
        return switch (t) {
            case Term.Column c -> c.table().equals(table) && c.kind() != Kind.JSON;
            case Term.Related r -> false;
            case Term.JsonMember j -> false;
            case Term.GeoDistance g -> false;
            case Term.Strftime f -> false;
            case Term.TimeOfNumber n -> false;
            case Term.Value v -> v.kind() != Kind.JSON;
            case Term.TextOf x -> x.inner().kind() != Kind.JSON && x.inner().kind() != Kind.TEXT_ARRAY
                    && term(x.inner(), table);
            case Term.Lower l -> term(l.inner(), table);
            case Term.Element e -> true;
            case Term.Length l -> term(l.array(), table);
            case Term.BlankIfEmpty b -> term(b.array(), table);
            case Term.ContainsPattern p -> term(p.inner(), table);
            case Term.EmptyIfNull e -> term(e.inner(), table);
            case Term.JsonScalar j -> false;
            case Term.Random r -> false;
            case Term.Masked m -> false;
        };
    }
}
