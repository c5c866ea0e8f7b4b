package dev.basalt.query.internal.ir;

/**
 * One date arithmetic step of a {@code strftime} modifier, applied in UTC in the order written (SQLite's
 * modifiers, as PocketBase passes them to SQLite).
 */
public sealed interface TimeStep {

    /** {@code NNN days|hours|minutes|seconds} and {@code ±HH:MM[:SS[.SSS]]}: an exact shift. */
    record AddSeconds(double seconds) implements TimeStep {
    }

    /**
     * {@code NNN months|years} (years as 12 months). SQLite moves the month and lets a day past its end overflow
     * into the next month (Jan 31 + 1 month = Mar 2 or 3); with a following {@code floor} modifier it stops at the
     * month's last day instead ({@code clamp}).
     */
    record AddMonths(int months, boolean clamp) implements TimeStep {
    }

    /** {@code start of day|month|year}. */
    record StartOf(Unit unit) implements TimeStep {
    }

    /** {@code weekday N}: forward to the next day whose weekday is N (0 = Sunday), unless it is already. */
    record Weekday(int day) implements TimeStep {
    }

    /** The units {@link StartOf} truncates to. */
    enum Unit {
        DAY, MONTH, YEAR
    }
}
