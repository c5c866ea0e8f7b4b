package dev.basalt.query.internal.eval;

import dev.basalt.query.internal.ir.Kind;
import dev.basalt.query.internal.resolve.DateTexts;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Text forms and array elements of in-memory values, exactly as PostgreSQL produces them (or not in memory). */
final class Texts {
    /** Beyond these magnitudes PostgreSQL prints numbers in exponent form, which is not reproduced here. */
    private static final double MAX_PLAIN = 1e15;
    private static final double MIN_PLAIN_FRACTION = 1e-3;
    private static final double MAX_PLAIN_FRACTION = 1e7;

    private Texts() {
    }

    /** A text value (null stays null); anything else cannot be read as text here. */
    static String text(Object v) {
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw new RowEvaluator.NotInMemory();
    }

    /** The text form of a value of this kind, as the SQL cast or to_char produces it. */
    static String textOf(Object v, Kind kind) {
        if (v == null) {
            return null;
        }
        return switch (kind) {
            case TEXT, NULL -> text(v);
            case DATE -> DateTexts.format((OffsetDateTime) v);
            case BOOL -> ((Boolean) v) ? "true" : "false";
            case NUMBER -> number(((Number) v).doubleValue());
            default -> throw new RowEvaluator.NotInMemory();
        };
    }

    private static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new RowEvaluator.NotInMemory();
        }
        double abs = Math.abs(d);
        if (d == Math.rint(d) && abs < MAX_PLAIN) {
            return Long.toString((long) d);
        }
        if (abs >= MIN_PLAIN_FRACTION && abs < MAX_PLAIN_FRACTION) {
            return Double.toString(d);
        }
        throw new RowEvaluator.NotInMemory();
    }

    /** Lower case; only ASCII text, since the database folds other letters by its locale. */
    static String lower(String s) {
        if (s == null) {
            return null;
        }
        requireAscii(s);
        return s.toLowerCase(Locale.ROOT);
    }

    static void requireAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7f) {
                throw new RowEvaluator.NotInMemory();
            }
        }
    }

    /** The elements of an array value (none for null), as unnest yields them. */
    static List<Object> elements(Object v) {
        if (v == null) {
            return List.of();
        }
        if (v instanceof Object[] array) {
            return Arrays.asList(array);
        }
        if (v instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        throw new RowEvaluator.NotInMemory();
    }
}
