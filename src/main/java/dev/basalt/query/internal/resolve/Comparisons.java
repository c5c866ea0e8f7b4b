package dev.basalt.query.internal.resolve;

import dev.basalt.query.internal.ir.Cond;
import dev.basalt.query.internal.ir.Cond.CompareOp;
import dev.basalt.query.internal.ir.Kind;
import dev.basalt.query.internal.ir.Term;
import dev.basalt.query.internal.ir.TermMapper;
import dev.basalt.query.internal.syntax.Operator;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the typed condition of one comparison, with PocketBase's semantics:
 * <ul>
 * <li>{@code = ''} and {@code = null} match empty values: '' or NULL for text and JSON, NULL for the other kinds;
 *     {@code !=} is the opposite and null-safe ({@code IS DISTINCT FROM}).</li>
 * <li>Operands of different kinds: a literal is coerced to the other side's kind when it has a form of that kind
 *     ('5' for a number, '2024-01-02 10:00:00' for a date, 'true' or 1 for a bool); JSON is compared as a number or
 *     bool against those, else as its text; anything else is compared as text.</li>
 * <li>{@code ~} is a case-insensitive contains (see {@link LikePatterns}).</li>
 * <li>Arrays: {@code ?op} holds when at least one element matches, a plain op when every element matches. An empty
 *     array counts as one empty element, so {@code tags = ''} and {@code tags ?= ''} match it and
 *     {@code tags = 'a'}, {@code tags ?= 'a'} do not (PocketBase's LEFT JOIN behaviour).</li>
 * </ul>
 */
final class Comparisons {
    private static final String LEFT_ALIAS = "e0";
    private static final String RIGHT_ALIAS = "e1";

    private Comparisons() {
    }

    static Cond build(ResolvedOperand left, Operator op, boolean anyOf, ResolvedOperand right) {
        if (!(left instanceof ResolvedOperand.Scalar) || !(right instanceof ResolvedOperand.Scalar)) {
            List<Cond.Source> sources = new ArrayList<>();
            Term l = element(left, LEFT_ALIAS, sources);
            Term r = element(right, RIGHT_ALIAS, sources);
            Cond.Quantifier quantifier = anyOf ? Cond.Quantifier.ANY : Cond.Quantifier.EVERY;
            return new Cond.Quantified(quantifier, sources, scalar(l, op, r));
        }
        return scalar(((ResolvedOperand.Scalar) left).term(), op, ((ResolvedOperand.Scalar) right).term());
    }

    private static Term element(ResolvedOperand operand, String alias, List<Cond.Source> sources) {
        return switch (operand) {
            case ResolvedOperand.Scalar s -> s.term();
            case ResolvedOperand.Array a -> {
                sources.add(new Cond.ArraySource(new Term.BlankIfEmpty(a.array()), alias));
                Term element = new Term.Element(alias);
                yield a.lower() ? new Term.Lower(element) : element;
            }
            case ResolvedOperand.Multi m -> {
                boolean unnest = m.kind() == Kind.TEXT_ARRAY;
                Cond.RelationSource source = new Cond.RelationSource(m.path(), alias, unnest ? m.column() : null);
                sources.add(source);
                String last = source.linkAlias(m.path().links().size());
                Term element = unnest ? new Term.Element(alias) : RelationPaths.masked(
                        new Term.Column(last, m.column(), m.kind()),
                        m.shownIf() == null ? null : new Term.Column(last, m.shownIf(), Kind.BOOL));
                yield m.lower() ? new Term.Lower(textForm(element)) : element;
            }
            case ResolvedOperand.Condition c -> throw new IllegalStateException("resolved by the Resolver");
        };
    }

    /**
     * The comparison of two single values. A {@link Term.Masked} value is compared as itself and the comparison
     * holds only where it is shown: {@code email ~ 'a'} is {@code email LIKE '%a%' AND emailVisibility = true}, as
     * PocketBase adds the visibility to every comparison of a hidden-by-default email.
     */
    static Cond scalar(Term left, Operator op, Term right) {
        List<Term> shown = new ArrayList<>();
        Term l = unmask(left, shown);
        Term r = unmask(right, shown);
        Cond cond = compare(l, op, r);
        if (shown.isEmpty()) {
            return cond;
        }
        List<Cond> all = new ArrayList<>();
        all.add(cond);
        shown.forEach(s -> all.add(new Cond.Compare(s, CompareOp.EQ, new Term.Value(true, Kind.BOOL))));
        return new Cond.AllOf(all);
    }

    private static Term unmask(Term term, List<Term> shown) {
        return TermMapper.map(term, t -> {
            if (t instanceof Term.Masked m) {
                shown.add(m.shown());
                return m.value();
            }
            return t;
        });
    }

    private static Cond compare(Term left, Operator op, Term right) {
        return switch (op) {
            case EQ -> equality(left, right, false);
            case NEQ -> equality(left, right, true);
            case LIKE -> like(left, right, false);
            case NOT_LIKE -> like(left, right, true);
            case GT -> ordering(left, CompareOp.GT, right);
            case GTE -> ordering(left, CompareOp.GTE, right);
            case LT -> ordering(left, CompareOp.LT, right);
            case LTE -> ordering(left, CompareOp.LTE, right);
        };
    }

    private static Cond equality(Term left, Term right, boolean negated) {
        boolean leftEmpty = Term.isEmptyValue(left);
        boolean rightEmpty = Term.isEmptyValue(right);
        if (leftEmpty && rightEmpty) {
            return new Cond.Constant(!negated);
        }
        if (leftEmpty || rightEmpty) {
            return emptiness(leftEmpty ? right : left, negated);
        }
        Pair u = unify(left, right);
        if (Term.isBound(u.left()) || Term.isBound(u.right())) {
            return new Cond.Compare(u.left(), negated ? CompareOp.DISTINCT : CompareOp.EQ, u.right());
        }
        if (u.left().kind() == Kind.TEXT) {
            // '' and NULL are the same empty value: compare coalesced
            return new Cond.Compare(new Term.EmptyIfNull(u.left()), negated ? CompareOp.NEQ : CompareOp.EQ,
                    new Term.EmptyIfNull(u.right()));
        }
        return new Cond.Compare(u.left(), negated ? CompareOp.DISTINCT : CompareOp.NOT_DISTINCT, u.right());
    }

    private static Cond emptiness(Term term, boolean negated) {
        if (term instanceof Term.Value) {
            return new Cond.Constant(negated); // a non-empty value
        }
        return switch (term.kind()) {
            case TEXT -> new Cond.IsEmpty(term, negated);
            case JSON -> new Cond.IsEmpty(new Term.TextOf(term), negated);
            default -> new Cond.IsNull(term, negated);
        };
    }

    private static Cond like(Term left, Term right, boolean negated) {
        CompareOp op = negated ? CompareOp.NOT_LIKE : CompareOp.LIKE;
        Term pattern = switch (right) {
            case Term.Value v when v.value() == null -> null;
            case Term.Value v -> new Term.Value(LikePatterns.contains(BoundValues.asText(v.value())), Kind.TEXT);
            case Term.Lower(Term.Value v) when v.value() == null -> null;
            case Term.Lower(Term.Value v) -> new Term.Lower(
                    new Term.Value(LikePatterns.contains(BoundValues.asText(v.value())), Kind.TEXT));
            default -> new Term.ContainsPattern(textForm(right));
        };
        if (pattern == null) {
            return new Cond.Constant(false); // like NULL is never true
        }
        return new Cond.Compare(textForm(left), op, pattern);
    }

    private static Cond ordering(Term left, CompareOp op, Term right) {
        if (isNullValue(left) || isNullValue(right)) {
            return new Cond.Constant(false); // any order comparison with NULL is unknown
        }
        Pair u = unify(left, right);
        return new Cond.Compare(u.left(), op, u.right());
    }

    private static boolean isNullValue(Term t) {
        return t instanceof Term.Value v && v.value() == null;
    }

    /** The text form of a term: itself for text, {@link Term.TextOf} for columns of other kinds, text for values. */
    static Term textForm(Term term) {
        if (term instanceof Term.Value v) {
            return new Term.Value(BoundValues.asText(v.value()), Kind.TEXT);
        }
        return term.kind() == Kind.TEXT ? term : new Term.TextOf(term);
    }

    record Pair(Term left, Term right) {
    }

    /** Both terms brought to one comparable kind. */
    static Pair unify(Term left, Term right) {
        if (left.kind() == right.kind() && left.kind() != Kind.JSON) {
            return new Pair(left, right);
        }
        if (left.kind() == Kind.JSON || right.kind() == Kind.JSON) {
            return unifyJson(left, right);
        }
        // prefer reading a text literal as the other side's kind, then any literal
        if (left.kind() == Kind.TEXT && left instanceof Term.Value v) {
            var c = BoundValues.coerce(v, right.kind());
            if (c.isPresent()) {
                return new Pair(c.get(), right);
            }
        }
        if (right instanceof Term.Value v) {
            var c = BoundValues.coerce(v, left.kind());
            if (c.isPresent()) {
                return new Pair(left, c.get());
            }
        }
        if (left instanceof Term.Value v) {
            var c = BoundValues.coerce(v, right.kind());
            if (c.isPresent()) {
                return new Pair(c.get(), right);
            }
        }
        return new Pair(textForm(left), textForm(right));
    }

    private static Pair unifyJson(Term left, Term right) {
        boolean jsonLeft = left.kind() == Kind.JSON;
        Term other = jsonLeft ? right : left;
        Term json = jsonLeft ? left : right;
        if (other.kind() == Kind.NUMBER || other.kind() == Kind.BOOL) {
            Term scalar = new Term.JsonScalar(json, other.kind());
            return jsonLeft ? new Pair(scalar, other) : new Pair(other, scalar);
        }
        return new Pair(textForm(left), textForm(right));
    }
}
