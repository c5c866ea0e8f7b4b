package dev.basalt.query.internal.render;

import dev.basalt.query.internal.ir.Term;
import dev.basalt.query.internal.ir.TimeFormat;
import dev.basalt.query.internal.ir.TimeStep;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * {@code strftime} in PostgreSQL, always in UTC: the time becomes a {@code timestamp} (without zone) at UTC, so
 * {@code to_char}, {@code date_trunc}, {@code extract} and interval arithmetic do not depend on the session's
 * time zone; each SQLite substitution is one {@code to_char} pattern or {@code extract} expression, joined with
 * {@code ||} so a NULL time gives NULL (the resolver turns it into ''). Patterns are the compiler's constants;
 * modifier amounts are bound.
 */
final class TimeRenderer {
    /** SQLite's Julian day of the Unix epoch (days since noon, 4714 BC). */
    private static final double UNIX_EPOCH_JULIAN_DAY = 2440587.5;
    /** SQLite's 'auto' reads numbers up to this Julian day (9999-12-31) as Julian days, larger ones as seconds. */
    private static final double AUTO_JULIAN_MAX = 5373484.5;
    private static final int SECONDS_PER_DAY = 86_400;
    /** Digits after the point of %J: SQLite prints it with 16 significant digits, 7 of them before the point. */
    private static final int JULIAN_DECIMALS = 9;
    /** The substitutions that are plain to_char patterns. */
    private static final Map<Character, String> PATTERNS = Map.ofEntries(
            Map.entry('d', "DD"), Map.entry('f', "SS.MS"), Map.entry('F', "YYYY-MM-DD"), Map.entry('G', "IYYY"),
            Map.entry('g', "IY"), Map.entry('H', "HH24"), Map.entry('I', "HH12"), Map.entry('j', "DDD"),
            Map.entry('m', "MM"), Map.entry('M', "MI"), Map.entry('p', "AM"), Map.entry('P', "am"),
            Map.entry('R', "HH24:MI"), Map.entry('S', "SS"), Map.entry('T', "HH24:MI:SS"), Map.entry('u', "ID"),
            Map.entry('V', "IW"), Map.entry('Y', "YYYY"));

    private TimeRenderer() {
    }

    static Field<String> strftime(Term.Strftime s) {
        Field<LocalDateTime> time = utc(s.time());
        for (TimeStep step : s.steps()) {
            time = step(time, step);
        }
        Field<String> text = null;
        for (TimeFormat.Part part : s.format()) {
            Field<String> piece = switch (part) {
                case TimeFormat.Literal l -> DSL.val(l.text());
                case TimeFormat.Spec spec -> substitution(time, spec.letter());
            };
            text = text == null ? piece : DSL.field("({0} || {1})", SQLDataType.CLOB, text, piece);
        }
        // an empty format: '' for a time, NULL for none, as SQLite
        return text != null ? text : DSL.when(time.isNotNull(), DSL.inline(""));
    }

    /** A point in time as a UTC timestamp without zone. */
    static Field<LocalDateTime> utc(Term t) {
        return DSL.field("({0} at time zone 'UTC')", SQLDataType.LOCALDATETIME, TermRenderer.render(t));
    }

    /** A number of Julian days or Unix seconds as a {@code timestamptz}. */
    static Field<?> fromNumber(Term.TimeOfNumber n) {
        Field<Double> number = TermRenderer.number(TermRenderer.render(n.number()));
        Field<Double> fromJulian = number.minus(DSL.inline(UNIX_EPOCH_JULIAN_DAY)).times(DSL.inline(SECONDS_PER_DAY));
        Field<Double> seconds = switch (n.epoch()) {
            case JULIAN -> fromJulian;
            case UNIX -> number;
            case AUTO -> DSL.when(number.between(DSL.inline(0d), DSL.inline(AUTO_JULIAN_MAX)), fromJulian)
                    .else_(number);
        };
        return DSL.function("to_timestamp", SQLDataType.TIMESTAMPWITHTIMEZONE, seconds);
    }

    private static Field<LocalDateTime> step(Field<LocalDateTime> t, TimeStep step) {
        return switch (step) {
            case TimeStep.AddSeconds a -> DSL.field("({0} + {1} * interval '1 second')", SQLDataType.LOCALDATETIME,
                    t, DSL.val(a.seconds()));
            // PostgreSQL's month arithmetic stops at the month's end, which is SQLite's 'floor'
            case TimeStep.AddMonths m when m.clamp() -> DSL.field("({0} + {1} * interval '1 month')",
                    SQLDataType.LOCALDATETIME, t, DSL.val(m.months()));
            // SQLite's default: the same offset from the first of the target month, so a day past its end overflows
            case TimeStep.AddMonths m -> DSL.field(
                    "(date_trunc('month', {0}) + {1} * interval '1 month' + ({0} - date_trunc('month', {0})))",
                    SQLDataType.LOCALDATETIME, t, DSL.val(m.months()));
            case TimeStep.StartOf s -> DSL.field("date_trunc({0}, {1})", SQLDataType.LOCALDATETIME,
                    DSL.inline(s.unit().name().toLowerCase(Locale.ROOT)), t);
            case TimeStep.Weekday w -> DSL.field(
                    "({0} + ((({1} - extract(dow from {0})::int) + 7) % 7) * interval '1 day')",
                    SQLDataType.LOCALDATETIME, t, DSL.val(w.day()));
        };
    }

    private static Field<String> substitution(Field<LocalDateTime> t, char letter) {
        String pattern = PATTERNS.get(letter);
        if (pattern != null) {
            return toChar(t, pattern);
        }
        return switch (letter) {
            case 'e' -> spacePadded(toChar(t, "FMDD"));
            case 'k' -> spacePadded(toChar(t, "FMHH24"));
            case 'l' -> spacePadded(toChar(t, "FMHH12"));
            case 's' -> DSL.field("floor(extract(epoch from {0}))::bigint::text", SQLDataType.CLOB, t);
            case 'w' -> DSL.field("extract(dow from {0})::int::text", SQLDataType.CLOB, t);
            // weeks of the year: days before the first Sunday (U) or Monday (W) are week 00
            case 'U' -> DSL.field("lpad(((extract(doy from {0})::int + 6 - extract(dow from {0})::int) / 7)::text,"
                    + " 2, '0')", SQLDataType.CLOB, t);
            case 'W' -> DSL.field("lpad(((extract(doy from {0})::int + 6 - (extract(dow from {0})::int + 6) % 7)"
                    + " / 7)::text, 2, '0')", SQLDataType.CLOB, t);
            case 'J' -> DSL.field("rtrim(rtrim(round((extract(epoch from {0}) / " + SECONDS_PER_DAY + " + "
                    + UNIX_EPOCH_JULIAN_DAY + ")::numeric, " + JULIAN_DECIMALS + ")::text, '0'), '.')",
                    SQLDataType.CLOB, t);
            default -> throw new IllegalStateException("unknown strftime substitution %" + letter);
        };
    }

    private static Field<String> toChar(Field<LocalDateTime> t, String pattern) {
        return DSL.field("to_char({0}, {1})", SQLDataType.CLOB, t, DSL.inline(pattern));
    }

    private static Field<String> spacePadded(Field<String> f) {
        return DSL.field("lpad({0}, 2, ' ')", SQLDataType.CLOB, f);
    }
}
