package dev.basalt.query.internal.resolve;

import dev.basalt.query.internal.ir.Kind;
import dev.basalt.query.internal.ir.Term;
import java.time.Clock;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * PocketBase's datetime macros, read from a clock in UTC: {@code @second .. @year} and {@code @weekday} (0 = Sunday)
 * are numbers, the others datetimes with millisecond precision; period ends are their last millisecond.
 */
public final class Macros {
    private static final LocalTime LAST_MILLI = LocalTime.of(23, 59, 59, 999_000_000);

    private static final Map<String, Function<OffsetDateTime, Object>> MACROS = Map.ofEntries(
            Map.entry("@now", now -> now),
            Map.entry("@second", now -> (double) now.getSecond()),
            Map.entry("@minute", now -> (double) now.getMinute()),
            Map.entry("@hour", now -> (double) now.getHour()),
            Map.entry("@weekday", now -> (double) (now.getDayOfWeek().getValue() % 7)),
            Map.entry("@day", now -> (double) now.getDayOfMonth()),
            Map.entry("@month", now -> (double) now.getMonthValue()),
            Map.entry("@year", now -> (double) now.getYear()),
            Map.entry("@yesterday", now -> now.minusDays(1)),
            Map.entry("@tomorrow", now -> now.plusDays(1)),
            Map.entry("@todayStart", now -> now.truncatedTo(ChronoUnit.DAYS)),
            Map.entry("@todayEnd", now -> now.with(LAST_MILLI)),
            Map.entry("@monthStart", now -> now.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS)),
            Map.entry("@monthEnd", now -> now.withDayOfMonth(now.toLocalDate().lengthOfMonth()).with(LAST_MILLI)),
            Map.entry("@yearStart", now -> now.withDayOfYear(1).truncatedTo(ChronoUnit.DAYS)),
            Map.entry("@yearEnd", now -> now.withMonth(12).withDayOfMonth(31).with(LAST_MILLI)));

    private Macros() {
    }

    /** The value of macro {@code name} (with its {@code @}) now, or empty for an unknown macro. */
    public static Optional<Term.Value> value(String name, Clock clock) {
        Function<OffsetDateTime, Object> macro = MACROS.get(name);
        if (macro == null) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.MILLIS);
        Object value = macro.apply(now);
        return Optional.of(new Term.Value(value, value instanceof Double ? Kind.NUMBER : Kind.DATE));
    }
}
