package dev.basalt.query.internal.resolve;

import dev.basalt.query.internal.QueryError;
import dev.basalt.query.internal.ir.Kind;
import dev.basalt.query.internal.ir.Term;
import java.util.Set;

/**
 * The value modifiers that apply to any operand: {@code :lower} (lowercase, element by element for multi-valued
 * operands), {@code :length} (number of elements of a multi-valued operand) and {@code :each} (compare each element;
 * a single submitted value counts as one element). {@code :isset} and {@code :changed} are request modifiers,
 * resolved by {@link RequestPaths}.
 */
final class Modifiers {
    /** Every modifier of the rule language. */
    static final Set<String> ALL = Set.of("lower", "length", "each", "isset", "changed");

    private Modifiers() {
    }

    static ResolvedOperand apply(ResolvedOperand operand, String modifier, int position) {
        return switch (modifier) {
            case "lower" -> lower(operand, position);
            case "length" -> length(operand, position);
            case "each" -> each(operand, position);
            case "isset", "changed" -> throw new QueryError("modifier " + QueryError.quote(":" + modifier)
                    + " is only for @request.body.* fields", position);
            default -> throw new QueryError("unknown modifier " + QueryError.quote(":" + modifier), position);
        };
    }

    private static ResolvedOperand lower(ResolvedOperand operand, int position) {
        return switch (operand) {
            case ResolvedOperand.Scalar s -> new ResolvedOperand.Scalar(new Term.Lower(Comparisons.textForm(s.term())));
            case ResolvedOperand.Array a -> new ResolvedOperand.Array(a.array(), true);
            case ResolvedOperand.Multi m -> new ResolvedOperand.Multi(m.path(), m.column(), m.kind(), true, m.shownIf());
            case ResolvedOperand.Condition c -> throw new QueryError("modifier \":lower\" needs a value", position);
        };
    }

    private static ResolvedOperand length(ResolvedOperand operand, int position) {
        return switch (operand) {
            case ResolvedOperand.Array a when !a.lower() -> new ResolvedOperand.Scalar(new Term.Length(a.array()));
            case ResolvedOperand.Scalar s when s.term() instanceof Term.Value v ->
                    new ResolvedOperand.Scalar(new Term.Value(v.value() == null ? 0.0 : 1.0, Kind.NUMBER));
            default -> throw new QueryError("modifier \":length\" needs a multi-valued field", position);
        };
    }

    private static ResolvedOperand each(ResolvedOperand operand, int position) {
        return switch (operand) {
            case ResolvedOperand.Array a -> a;
            case ResolvedOperand.Multi m -> m;
            case ResolvedOperand.Scalar s when s.term() instanceof Term.Value v -> new ResolvedOperand.Array(
                    new Term.Value(v.value() == null ? new String[0] : new String[] {BoundValues.asText(v.value())},
                            Kind.TEXT_ARRAY), false);
            default -> throw new QueryError("modifier \":each\" needs a multi-valued field", position);
        };
    }
}
