package dev.basalt.query.internal.resolve;

import dev.basalt.query.internal.ir.Cond;
import dev.basalt.query.internal.ir.Kind;
import dev.basalt.query.internal.ir.RelationPath;
import dev.basalt.query.internal.ir.Term;

/** A resolved comparison operand: one value, or an array whose elements are compared one by one. */
sealed interface ResolvedOperand {

    /** A single-valued operand. */
    record Scalar(Term term) implements ResolvedOperand {
    }

    /** A multi-valued operand ({@code text[]} column or array value); {@code lower} lowercases each element. */
    record Array(Term array, boolean lower) implements ResolvedOperand {
    }

    /**
     * A column reached through a multi-valued relation path: compared element by element like an array, each
     * related row (or each element, when the column is an array itself) being one element. {@code shownIf}, when
     * set, is the BOOL column of the same row that must be true for the element to be compared (see
     * {@link Term.Masked}).
     */
    record Multi(RelationPath path, String column, Kind kind, boolean lower, String shownIf)
            implements ResolvedOperand {
        Multi(RelationPath path, String column, Kind kind, boolean lower) {
            this(path, column, kind, lower, null);
        }
    }

    /**
     * A yes/no operand that is itself a condition ({@code @request.body.f:changed}): compared only with
     * {@code true} or {@code false}, it becomes {@code whenTrue} or {@code whenFalse}.
     */
    record Condition(Cond whenTrue, Cond whenFalse) implements ResolvedOperand {
    }
}
