package dev.basalt.crons.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;
import org.springframework.scheduling.support.CronExpression;

/**
 * A PocketBase cron expression ({@code minute hour day-of-month month day-of-week}, or one of the macros
 * {@code @yearly @annually @monthly @weekly @daily @midnight @hourly}) evaluated in UTC with Spring's
 * {@link CronExpression}, which wants a leading seconds field.
 */
public final class CronSchedule {
    private static final int POCKETBASE_FIELDS = 5;
    private static final Set<String> MACROS = Set.of("@yearly", "@annually", "@monthly", "@weekly", "@daily",
            "@midnight", "@hourly");
    private final String text;
    private final CronExpression expression;

    private CronSchedule(String text, CronExpression expression) {
        this.text = text;
        this.expression = expression;
    }

    /** Parses an expression; {@link IllegalArgumentException} with the reason when it is not valid. */
    public static CronSchedule parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The cron expression is empty.");
        }
        String trimmed = text.trim();
        if (MACROS.contains(trimmed)) {
            return new CronSchedule(trimmed, CronExpression.parse(trimmed));
        }
        String[] fields = trimmed.split("\\s+");
        if (fields.length != POCKETBASE_FIELDS) {
            throw new IllegalArgumentException("A cron expression has 5 fields (minute hour day month weekday), got "
                    + fields.length + ": " + trimmed);
        }
        return new CronSchedule(trimmed, CronExpression.parse("0 " + String.join(" ", fields)));
    }

    /** The expression as registered. */
    public String text() {
        return text;
    }

    /** Whether a run is due at this minute (an instant with zero seconds). */
    public boolean dueAt(Instant minute) {
        ZonedDateTime at = minute.atZone(ZoneOffset.UTC);
        ZonedDateTime next = expression.next(at.minusSeconds(1));
        return at.equals(next);
    }
}
