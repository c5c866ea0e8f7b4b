package dev.basalt.query.internal.ir;

import java.util.List;

/** A resolved, typed condition of the IR; the renderer maps each case to one jOOQ construct. */
public sealed interface Cond {

    /** Always true. */
    Cond TRUE = new AllOf(List.of());

    /** All items hold (true when empty). */
    record AllOf(List<Cond> items) implements Cond {
        public AllOf {
            items = List.copyOf(items);
        }
    }

    /** At least one item holds (false when empty). */
    record AnyOf(List<Cond> items) implements Cond {
        public AnyOf {
            items = List.copyOf(items);
        }
    }

    /** {@code left op right}; both terms have the same kind except for LIKE patterns (always TEXT). */
    record Compare(Term left, CompareOp op, Term right) implements Cond {
    }

    /** {@code (t = '' OR t IS NULL)}, or negated {@code (t <> '' AND t IS NOT NULL)}; t is TEXT. */
    record IsEmpty(Term term, boolean negated) implements Cond {
    }

    /** {@code t IS NULL}, or negated {@code t IS NOT NULL}. */
    record IsNull(Term term, boolean negated) implements Cond {
    }

    /**
     * A condition over the elements of arrays: with ANY it holds when some combination of elements satisfies the
     * body (EXISTS), with EVERY when all combinations do (NOT EXISTS ... WHERE body IS NOT TRUE).
     */
    record Quantified(Quantifier quantifier, List<Source> sources, Cond body) implements Cond {
        public Quantified {
            sources = List.copyOf(sources);
        }
    }

    /** Rows a {@link Quantified} condition ranges over. */
    sealed interface Source {
    }

    /** An array unnested under {@code alias}; its elements are {@link Term.Element}s. */
    record ArraySource(Term array, String alias) implements Source {
    }

    /**
     * The rows reached through a relation path, LEFT JOINed from the queried table's row so that no related row
     * reads as one row of NULLs (as PocketBase's joins). The i-th link's table is aliased {@code alias_i} (from 1);
     * with {@code elements} set, that column of the last table is unnested too and its elements are
     * {@code Term.Element(alias)}.
     */
    record RelationSource(RelationPath path, String alias, String elements) implements Source {
        /** The alias of the table reached by link {@code index} (1-based). */
        public String linkAlias(int index) {
            return alias + "_" + index;
        }
    }

    /** A condition known without looking at rows (e.g. {@code '' = null}). */
    record Constant(boolean value) implements Cond {
    }

    /** How a {@link Quantified} condition combines its elements. */
    enum Quantifier {
        ANY, EVERY
    }

    /** Comparison operators; DISTINCT and NOT_DISTINCT are the null-safe forms of != and =. */
    enum CompareOp {
        EQ, NEQ, NOT_DISTINCT, DISTINCT, LT, LTE, GT, GTE, LIKE, NOT_LIKE
    }
}
