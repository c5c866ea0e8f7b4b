package dev.basalt.query.internal.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * Folds constants out of AND/OR trees and flattens nested ones, e.g. {@code @request.auth.id != '' && x} for a
 * signed-in caller becomes {@code x}. TRUE is {@link Cond#TRUE} (an empty AllOf), FALSE an empty AnyOf.
 */
public final class Simplifier {
    private static final Cond FALSE = new Cond.AnyOf(List.of());

    private Simplifier() {
    }

    /** The simplest equivalent of {@code cond}. */
    public static Cond simplify(Cond cond) {
        return switch (cond) {
            case Cond.AllOf all -> combine(all.items(), true);
            case Cond.AnyOf any -> combine(any.items(), false);
            case Cond.Constant c -> c.value() ? Cond.TRUE : FALSE;
            default -> cond;
        };
    }

    private static Cond combine(List<Cond> items, boolean and) {
        List<Cond> kept = new ArrayList<>();
        for (Cond item : items) {
            Cond s = simplify(item);
            if (isTrue(s) == and && isConstant(s)) {
                continue; // neutral: TRUE in AND, FALSE in OR
            }
            if (isConstant(s)) {
                return s; // absorbing: FALSE in AND, TRUE in OR
            }
            if (and && s instanceof Cond.AllOf nested) {
                kept.addAll(nested.items());
            } else if (!and && s instanceof Cond.AnyOf nested) {
                kept.addAll(nested.items());
            } else {
                kept.add(s);
            }
        }
        if (kept.size() == 1) {
            return kept.getFirst();
        }
        return and ? new Cond.AllOf(kept) : new Cond.AnyOf(kept);
    }

    private static boolean isConstant(Cond c) {
        return (c instanceof Cond.AllOf all && all.items().isEmpty())
                || (c instanceof Cond.AnyOf any && any.items().isEmpty());
    }

    private static boolean isTrue(Cond c) {
        return c instanceof Cond.AllOf all && all.items().isEmpty();
    }
}
