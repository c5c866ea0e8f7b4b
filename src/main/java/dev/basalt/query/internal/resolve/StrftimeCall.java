package dev.basalt.query.internal.resolve;

import dev.basalt.query.internal.QueryError;
import dev.basalt.query.internal.ir.Kind;
import dev.basalt.query.internal.ir.Term;
import dev.basalt.query.internal.ir.TimeFormat;
import dev.basalt.query.internal.ir.TimeStep;
import dev.basalt.query.internal.syntax.Expr;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PocketBase's {@code strftime(format, [time, modifiers...])} (SQLite's function; a NULL result reads as '').
 * {@code format} is a string literal ({@link TimeFormat}); {@code time} is a date/autodate field, a number field
 * or number (a Julian day, or Unix seconds after {@code 'unixepoch'}), a datetime text ({@code YYYY-MM-DD[
 * HH:MM[:SS[.SSS]]][Z|±HH:MM]}, {@code HH:MM[:SS]} on 2000-01-01, {@code now}) or a value of the request;
 * without one it is now. Modifiers are string literals: {@code ±NNN days|hours|minutes|seconds|months|years},
 * {@code ±HH:MM[:SS[.SSS]]}, {@code start of day|month|year}, {@code weekday N}, {@code unixepoch},
 * {@code julianday}, {@code auto} (first, after a number), {@code floor}/{@code ceiling} (after months or years),
 * and {@code utc}, {@code localtime}, {@code subsec}, {@code subsecond}, which change nothing here (Basalt's time
 * is UTC, fractions are kept). Text fields, JSON and multi-valued operands are refused.
 */
final class StrftimeCall {
    /** The name, as PocketBase spells it. */
    static final String NAME = "strftime";
    private static final Pattern AMOUNT = Pattern.compile(
            "([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))\\s*(day|hour|minute|second|month|year)s?");
    private static final Pattern SHIFT = Pattern.compile("([+-])(\\d{2}):(\\d{2})(?::(\\d{2}(?:\\.\\d+)?))?");
    private static final Pattern START_OF = Pattern.compile("start\\s+of\\s+(day|month|year)");
    private static final Pattern WEEKDAY = Pattern.compile("weekday\\s+([0-6])");
    private static final Pattern CLOCK_TIME = Pattern.compile("\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final String CLOCK_TIME_DATE = "2000-01-01 ";
    private static final int SECONDS_PER_HOUR = 3600;
    private static final int SECONDS_PER_MINUTE = 60;
    private static final int MONTHS_PER_YEAR = 12;
    private static final double SECONDS_PER_DAY = 86_400;

    private StrftimeCall() {
    }

    static ResolvedOperand resolve(Expr.FunctionCall call, Function<Expr.Operand, ResolvedOperand> operands,
                                   Clock clock) {
        List<Expr.Operand> args = call.arguments();
        if (args.isEmpty()) {
            throw new QueryError(NAME + " needs a format", call.position());
        }
        if (!(args.getFirst() instanceof Expr.StringLit format)) {
            throw new QueryError(NAME + " expects the first argument to be a format string",
                    args.getFirst().position());
        }
        List<TimeFormat.Part> parts;
        try {
            parts = TimeFormat.parse(format.value());
        } catch (IllegalArgumentException e) {
            throw new QueryError(NAME + ": " + e.getMessage(), format.position());
        }
        List<String> modifiers = new ArrayList<>();
        for (Expr.Operand m : args.subList(Math.min(2, args.size()), args.size())) {
            if (!(m instanceof Expr.StringLit s)) {
                throw new QueryError(NAME + " modifiers must be string literals", m.position());
            }
            modifiers.add(s.value().strip().toLowerCase(Locale.ROOT));
        }
        Term.TimeOfNumber.Epoch epoch = epoch(modifiers);
        Term time = args.size() < 2 ? now(clock) : time(args.get(1), operands.apply(args.get(1)), epoch, clock);
        if (epoch != null && time.kind() != Kind.NULL && !(time instanceof Term.TimeOfNumber)) {
            throw new QueryError(NAME + ": '" + modifiers.getFirst() + "' needs a number as the time value",
                    args.get(1).position());
        }
        List<TimeStep> steps = steps(epoch == null ? modifiers : modifiers.subList(1, modifiers.size()),
                args.get(Math.min(2, args.size() - 1)).position());
        if (time.kind() == Kind.NULL) {
            return new ResolvedOperand.Scalar(new Term.Value("", Kind.TEXT));
        }
        return new ResolvedOperand.Scalar(new Term.EmptyIfNull(new Term.Strftime(parts, time, steps)));
    }

    /** How a numeric time value counts, when the first modifier says so. */
    private static Term.TimeOfNumber.Epoch epoch(List<String> modifiers) {
        if (modifiers.isEmpty()) {
            return null;
        }
        return switch (modifiers.getFirst()) {
            case "unixepoch" -> Term.TimeOfNumber.Epoch.UNIX;
            case "julianday" -> Term.TimeOfNumber.Epoch.JULIAN;
            case "auto" -> Term.TimeOfNumber.Epoch.AUTO;
            default -> null;
        };
    }

    private static Term now(Clock clock) {
        return new Term.Value(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MILLIS), Kind.DATE);
    }

    /** The time value as a DATE term, a NUMBER read as time, or a NULL value. */
    private static Term time(Expr.Operand argument, ResolvedOperand resolved, Term.TimeOfNumber.Epoch epoch,
                             Clock clock) {
        if (!(resolved instanceof ResolvedOperand.Scalar scalar)) {
            throw new QueryError(NAME + " needs a single time value, not a multi-valued one", argument.position());
        }
        Term term = scalar.term();
        if (term instanceof Term.Value v) {
            return boundTime(v, epoch, clock);
        }
        return switch (term.kind()) {
            case DATE -> term;
            case NUMBER -> new Term.TimeOfNumber(term, epoch == null ? Term.TimeOfNumber.Epoch.JULIAN : epoch);
            default -> throw new QueryError(NAME + " needs a date field, a number or a datetime text as its time"
                    + " value, not a " + term.kind().name().toLowerCase(Locale.ROOT) + " value",
                    argument.position());
        };
    }

    private static Term boundTime(Term.Value v, Term.TimeOfNumber.Epoch epoch, Clock clock) {
        Object value = v.value();
        Term.TimeOfNumber.Epoch counted = epoch == null ? Term.TimeOfNumber.Epoch.JULIAN : epoch;
        if (value instanceof Double d) {
            return new Term.TimeOfNumber(new Term.Value(d, Kind.NUMBER), counted);
        }
        if (value instanceof OffsetDateTime) {
            return v;
        }
        if (value instanceof String s) {
            String text = s.strip();
            if (text.equalsIgnoreCase("now")) {
                return now(clock);
            }
            if (NUMBER.matcher(text).matches()) {
                return new Term.TimeOfNumber(new Term.Value(Double.parseDouble(text), Kind.NUMBER), counted);
            }
            String dated = CLOCK_TIME.matcher(text).matches() ? CLOCK_TIME_DATE + text : text;
            Optional<OffsetDateTime> parsed = DateTexts.parse(dated);
            if (parsed.isPresent()) {
                return new Term.Value(parsed.get(), Kind.DATE);
            }
        }
        return new Term.Value(null, Kind.NULL); // SQLite: not a time value, NULL; PocketBase: ''
    }

    private static List<TimeStep> steps(List<String> modifiers, int position) {
        List<TimeStep> steps = new ArrayList<>();
        for (String m : modifiers) {
            Matcher amount = AMOUNT.matcher(m);
            Matcher shift = SHIFT.matcher(m);
            Matcher startOf = START_OF.matcher(m);
            Matcher weekday = WEEKDAY.matcher(m);
            if (amount.matches()) {
                steps.add(amount(Double.parseDouble(amount.group(1)), amount.group(2), position));
            } else if (shift.matches()) {
                double seconds = Integer.parseInt(shift.group(2)) * SECONDS_PER_HOUR
                        + Integer.parseInt(shift.group(3)) * SECONDS_PER_MINUTE
                        + (shift.group(4) == null ? 0 : Double.parseDouble(shift.group(4)));
                steps.add(new TimeStep.AddSeconds(shift.group(1).equals("-") ? -seconds : seconds));
            } else if (startOf.matches()) {
                steps.add(new TimeStep.StartOf(TimeStep.Unit.valueOf(startOf.group(1).toUpperCase(Locale.ROOT))));
            } else if (weekday.matches()) {
                steps.add(new TimeStep.Weekday(Integer.parseInt(weekday.group(1))));
            } else if (m.equals("floor")) {
                if (!steps.isEmpty() && steps.getLast() instanceof TimeStep.AddMonths a) {
                    steps.set(steps.size() - 1, new TimeStep.AddMonths(a.months(), true));
                }
            } else if (!List.of("ceiling", "utc", "localtime", "subsec", "subsecond").contains(m)) {
                throw new QueryError(NAME + ": unsupported modifier '" + m + "'", position);
            }
        }
        return steps;
    }

    private static TimeStep amount(double n, String unit, int position) {
        if (unit.equals("month") || unit.equals("year")) {
            if (n != Math.rint(n) || Math.abs(n) > Integer.MAX_VALUE / MONTHS_PER_YEAR) {
                throw new QueryError(NAME + ": month and year modifiers must be whole numbers", position);
            }
            return new TimeStep.AddMonths((int) n * (unit.equals("year") ? MONTHS_PER_YEAR : 1), false);
        }
        double seconds = switch (unit) {
            case "day" -> n * SECONDS_PER_DAY;
            case "hour" -> n * SECONDS_PER_HOUR;
            case "minute" -> n * SECONDS_PER_MINUTE;
            default -> n;
        };
        return new TimeStep.AddSeconds(seconds);
    }
}
