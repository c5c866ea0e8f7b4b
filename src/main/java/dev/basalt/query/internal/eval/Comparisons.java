package dev.basalt.query.internal.eval;

import dev.basalt.query.internal.ir.Cond.CompareOp;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.regex.Pattern;

/** SQL comparisons of in-memory values: NULL propagation, the null-safe forms, and ILIKE with {@code \} escapes. */
final class Comparisons {
    private Comparisons() {
    }

    static Boolean compare(Object l, CompareOp op, Object r) {
        return switch (op) {
            case NOT_DISTINCT -> l == null || r == null ? l == r : order(l, r) == 0;
            case DISTINCT -> l == null || r == null ? l != r : order(l, r) != 0;
            case LIKE, NOT_LIKE -> {
                if (l == null || r == null) {
                    yield null;
                }
                boolean matches = like(Texts.text(l), Texts.text(r));
                yield op == CompareOp.LIKE == matches;
            }
            default -> {
                if (l == null || r == null) {
                    yield null;
                }
                int c = order(l, r);
                yield switch (op) {
                    case EQ -> c == 0;
                    case NEQ -> c != 0;
                    case LT -> c < 0;
                    case LTE -> c <= 0;
                    case GT -> c > 0;
                    default -> c >= 0;
                };
            }
        };
    }

    /** Order of two non-null values of one kind; text only for equality (the support check ensures that). */
    private static int order(Object l, Object r) {
        if (l instanceof Number a && r instanceof Number b) {
            double x = a.doubleValue();
            double y = b.doubleValue();
            return x == y ? 0 : Double.compare(x, y); // PostgreSQL: -0 = 0, NaN equals NaN and sorts last
        }
        if (l instanceof OffsetDateTime a && r instanceof OffsetDateTime b) {
            return a.toInstant().compareTo(b.toInstant());
        }
        if (l instanceof Boolean a && r instanceof Boolean b) {
            return Boolean.compare(a, b);
        }
        if (l instanceof String a && r instanceof String b) {
            return Objects.equals(a, b) ? 0 : 1;
        }
        throw new RowEvaluator.NotInMemory();
    }

    /** {@code text ILIKE pattern ESCAPE '\'}, for ASCII text and patterns. */
    static boolean like(String text, String pattern) {
        Texts.requireAscii(text);
        Texts.requireAscii(pattern);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '\\') {
                throw new RowEvaluator.NotInMemory(); // PostgreSQL rejects a trailing escape
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(text).matches();
    }
}
