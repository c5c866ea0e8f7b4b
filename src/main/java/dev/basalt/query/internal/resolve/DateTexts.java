package dev.basalt.query.internal.resolve;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;

/** PocketBase's datetime text form ({@code 2024-01-02 10:00:00.000Z}, UTC) and the looser forms filters may use. */
public final class DateTexts {
    /** The text form of a datetime, as PocketBase prints it (the SQL side uses the same pattern). */
    public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private static final int DATE_LENGTH = 10;
    private static final DateTimeFormatter PARSER = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart()
            .appendLiteral(' ')
            .appendPattern("HH:mm")
            .optionalStart().appendLiteral(':').appendPattern("ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalStart().parseLenient().appendOffset("+HH:MM", "Z").parseStrict().optionalEnd()
            .optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
            .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    private DateTexts() {
    }

    /** The text form of a datetime. */
    public static String format(OffsetDateTime value) {
        return FORMAT.format(value);
    }

    /**
     * Parses {@code yyyy-MM-dd}, optionally followed by {@code T} or a space and {@code HH:mm[:ss[.fraction]]} and an
     * offset ({@code Z}, {@code +01:00}); without an offset the time is UTC. Empty when the text is no such datetime.
     */
    public static Optional<OffsetDateTime> parse(String text) {
        String s = text.trim();
        if (s.length() > DATE_LENGTH && s.charAt(DATE_LENGTH) == 'T') {
            s = s.substring(0, DATE_LENGTH) + ' ' + s.substring(DATE_LENGTH + 1);
        }
        try {
            TemporalAccessor parsed = PARSER.parse(s);
            LocalDateTime local = LocalDateTime.from(parsed);
            ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS))
                    : ZoneOffset.UTC;
            return Optional.of(OffsetDateTime.of(local, offset).withOffsetSameInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
