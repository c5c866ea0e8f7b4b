package dev.basalt.query.internal.resolve;

import dev.basalt.query.internal.QueryError;
import dev.basalt.query.internal.ir.Kind;
import dev.basalt.query.internal.ir.Term;
import dev.basalt.query.internal.syntax.Expr;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The functions a filter can call: {@code strftime} (see {@link StrftimeCall}) and {@code geoDistance(lonA, latA, lonB, latB)} is the haversine distance in
 * kilometres between two points; each argument is a number, a placeholder, a number field or a JSON value such as a
 * geoPoint's {@code location.lon} (a JSON value that is not a number reads as NULL, and so does the distance), or
 * {@code null}. Multi-valued arguments are refused.
 */
final class FilterFunctions {
    /** The name of the distance function, as PocketBase spells it. */
    static final String GEO_DISTANCE = "geoDistance";
    private static final int GEO_DISTANCE_ARGUMENTS = 4;

    private FilterFunctions() {
    }

    /** The term of a call; {@code operands} resolves each argument. */
    static ResolvedOperand call(Expr.FunctionCall call, Function<Expr.Operand, ResolvedOperand> operands,
                                Clock clock) {
        if (call.name().equals(StrftimeCall.NAME)) {
            return StrftimeCall.resolve(call, operands, clock);
        }
        if (!call.name().equals(GEO_DISTANCE)) {
            throw new QueryError("unknown function " + QueryError.quote(call.name()), call.position());
        }
        if (call.arguments().size() != GEO_DISTANCE_ARGUMENTS) {
            throw new QueryError(GEO_DISTANCE + " takes 4 arguments (lonA, latA, lonB, latB), got "
                    + call.arguments().size(), call.position());
        }
        List<Term> numbers = new ArrayList<>();
        for (Expr.Operand argument : call.arguments()) {
            numbers.add(number(argument, operands.apply(argument)));
        }
        return new ResolvedOperand.Scalar(new Term.GeoDistance(numbers.get(0), numbers.get(1), numbers.get(2),
                numbers.get(3)));
    }

    private static Term number(Expr.Operand argument, ResolvedOperand resolved) {
        if (!(resolved instanceof ResolvedOperand.Scalar scalar)) {
            throw new QueryError(GEO_DISTANCE + " needs single values, not the multi-valued "
                    + describe(argument), argument.position());
        }
        Term term = scalar.term();
        if (term instanceof Term.Value v) {
            if (v.value() == null) {
                return new Term.Value(null, Kind.NUMBER);
            }
            return BoundValues.coerce(v, Kind.NUMBER).orElseThrow(() -> notNumber(argument));
        }
        return switch (term.kind()) {
            case NUMBER -> term;
            case JSON -> new Term.JsonScalar(term, Kind.NUMBER);
            default -> throw notNumber(argument);
        };
    }

    private static QueryError notNumber(Expr.Operand argument) {
        return new QueryError(GEO_DISTANCE + " needs numbers, but " + describe(argument) + " is not a number",
                argument.position());
    }

    private static String describe(Expr.Operand argument) {
        return switch (argument) {
            case Expr.Identifier id -> QueryError.quote(id.text());
            case Expr.Placeholder p -> QueryError.quote("{:" + p.name() + "}");
            case Expr.StringLit s -> QueryError.quote("'" + s.value() + "'");
            default -> "argument at position " + argument.position();
        };
    }
}
