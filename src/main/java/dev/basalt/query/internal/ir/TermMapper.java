package dev.basalt.query.internal.ir;

import java.util.List;
import java.util.function.UnaryOperator;

/** Rewrites every term of a condition or sort key bottom-up (used by plan passes, e.g. to bind relation paths). */
public final class TermMapper {
    private TermMapper() {
    }

    /** The condition with {@code f} applied to each of its terms, inner terms first. */
    public static Cond map(Cond cond, UnaryOperator<Term> f) {
        return switch (cond) {
            case Cond.AllOf all -> new Cond.AllOf(all.items().stream().map(c -> map(c, f)).toList());
            case Cond.AnyOf any -> new Cond.AnyOf(any.items().stream().map(c -> map(c, f)).toList());
            case Cond.Compare c -> new Cond.Compare(map(c.left(), f), c.op(), map(c.right(), f));
            case Cond.IsEmpty e -> new Cond.IsEmpty(map(e.term(), f), e.negated());
            case Cond.IsNull n -> new Cond.IsNull(map(n.term(), f), n.negated());
            case Cond.Quantified q -> new Cond.Quantified(q.quantifier(), sources(q.sources(), f), map(q.body(), f));
            case Cond.Constant c -> c;
        };
    }

    /** The sort key with {@code f} applied to its term. */
    public static SortKey map(SortKey key, UnaryOperator<Term> f) {
        return new SortKey(map(key.term(), f), key.descending(), key.notNull());
    }

    private static List<Cond.Source> sources(List<Cond.Source> sources, UnaryOperator<Term> f) {
        return sources.stream().map(s -> switch (s) {
            case Cond.ArraySource a -> (Cond.Source) new Cond.ArraySource(map(a.array(), f), a.alias());
            case Cond.RelationSource r -> r;
        }).toList();
    }

    /** The term with {@code f} applied to it and its inner terms, inner terms first. */
    public static Term map(Term term, UnaryOperator<Term> f) {
        Term mapped = switch (term) {
            case Term.TextOf t -> new Term.TextOf(map(t.inner(), f));
            case Term.Lower l -> new Term.Lower(map(l.inner(), f));
            case Term.JsonScalar j -> new Term.JsonScalar(map(j.json(), f), j.kind());
            case Term.Length l -> new Term.Length(map(l.array(), f));
            case Term.BlankIfEmpty b -> new Term.BlankIfEmpty(map(b.array(), f));
            case Term.ContainsPattern p -> new Term.ContainsPattern(map(p.inner(), f));
            case Term.EmptyIfNull e -> new Term.EmptyIfNull(map(e.inner(), f));
            case Term.Masked m -> new Term.Masked(map(m.value(), f), map(m.shown(), f));
            case Term.JsonMember j -> new Term.JsonMember(map(j.json(), f), j.keys());
            case Term.GeoDistance g -> new Term.GeoDistance(map(g.lonA(), f), map(g.latA(), f), map(g.lonB(), f),
                    map(g.latB(), f));
            case Term.Strftime s -> new Term.Strftime(s.format(), map(s.time(), f), s.steps());
            case Term.TimeOfNumber t -> new Term.TimeOfNumber(map(t.number(), f), t.epoch());
            default -> term;
        };
        return f.apply(mapped);
    }
}
