package dev.basalt.query.internal.resolve;

import dev.basalt.query.internal.ir.Kind;
import dev.basalt.query.internal.ir.Term;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns Java values (placeholders, auth fields, literals) into bound IR values and coerces them between kinds. */
public final class BoundValues {
    private static final Pattern NUMBER = Pattern.compile("\\s*-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?\\s*");
    private static final double LARGEST_EXACT_LONG = 1e15;

    private BoundValues() {
    }

    /** The bound value of a Java value, its kind following its type. */
    public static Term.Value of(Object value) {
        return switch (value) {
            case null -> new Term.Value(null, Kind.NULL);
            case String s -> new Term.Value(withoutNul(s), Kind.TEXT);
            case Number n -> new Term.Value(n.doubleValue(), Kind.NUMBER);
            case Boolean b -> new Term.Value(b, Kind.BOOL);
            case OffsetDateTime d -> date(d);
            case ZonedDateTime d -> date(d.toOffsetDateTime());
            case Instant i -> date(i.atOffset(ZoneOffset.UTC));
            case LocalDateTime d -> date(d.atOffset(ZoneOffset.UTC));
            case LocalDate d -> date(d.atStartOfDay().atOffset(ZoneOffset.UTC));
            case String[] a -> new Term.Value(Arrays.stream(a).map(e -> e == null ? null : withoutNul(e))
                    .toArray(String[]::new), Kind.TEXT_ARRAY);
            case Collection<?> c -> new Term.Value(c.stream().map(e -> e == null ? "" : withoutNul(String.valueOf(e)))
                    .toArray(String[]::new), Kind.TEXT_ARRAY);
            default -> new Term.Value(withoutNul(String.valueOf(value)), Kind.TEXT);
        };
    }

    /** Request values (query, body, placeholders) without NUL characters, which PostgreSQL text cannot hold. */
    private static String withoutNul(String s) {
        return s.indexOf('\0') < 0 ? s : s.replace("\0", "");
    }

    private static Term.Value date(OffsetDateTime d) {
        return new Term.Value(d.withOffsetSameInstant(ZoneOffset.UTC), Kind.DATE);
    }

    /** The text form of a scalar value: numbers without a needless fraction, datetimes as PocketBase prints them. */
    public static String asText(Object value) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Double d -> formatNumber(d);
            case OffsetDateTime d -> DateTexts.format(d);
            default -> String.valueOf(value);
        };
    }

    private static String formatNumber(double d) {
        if (d == Math.rint(d) && Math.abs(d) < LARGEST_EXACT_LONG) {
            return Long.toString((long) d);
        }
        return Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : Double.toString(d);
    }

    /** {@code value} as a value of kind {@code target}, when it has a meaningful form of that kind. */
    public static Optional<Term.Value> coerce(Term.Value value, Kind target) {
        if (value.kind() == target) {
            return Optional.of(value);
        }
        Object v = value.value();
        return switch (target) {
            case TEXT -> value.kind() == Kind.TEXT_ARRAY
                    ? Optional.empty()
                    : Optional.of(new Term.Value(asText(v), Kind.TEXT));
            case NUMBER -> v instanceof String s && NUMBER.matcher(s).matches()
                    ? Optional.of(new Term.Value(Double.parseDouble(s.trim()), Kind.NUMBER))
                    : Optional.empty();
            case BOOL -> toBool(v).map(b -> new Term.Value(b, Kind.BOOL));
            case DATE -> v instanceof String s
                    ? DateTexts.parse(s).map(d -> new Term.Value(d, Kind.DATE))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Optional<Boolean> toBool(Object v) {
        if (v instanceof Double d && (d == 0 || d == 1)) {
            return Optional.of(d == 1);
        }
        if (v instanceof String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "true", "1" -> Optional.of(true);
                case "false", "0" -> Optional.of(false);
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }
}
