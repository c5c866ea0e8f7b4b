package dev.basalt.collections.fields;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/** Dates for the field types: submitted values to stored ones, and stored ones in PocketBase's format. */
final class Values {
    /** PocketBase's datetime format: {@code 2006-01-02 15:04:05.000Z}. */
    static final DateTimeFormatter PB_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'");

    private static final DateTimeFormatter FLEXIBLE = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private Values() {
    }

    /**
     * A submitted date; like PocketBase (which ignores scan errors) anything that is not a readable date, a list
     * included, is the empty date rather than an error.
     */
    static OffsetDateTime date(Object input) {
        if (input instanceof OffsetDateTime odt) {
            return odt;
        }
        String text = Casts.text(input);
        return text.isEmpty() ? null : parseDate(text);
    }

    /** Parses PocketBase and ISO 8601 date strings; returns null for blank or unparsable text. */
    static OffsetDateTime parseDate(String s) {
        String t = s.trim();
        if (t.isEmpty()) {
            return null;
        }
        try {
            var parsed = FLEXIBLE.parseBest(t, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
            if (parsed instanceof OffsetDateTime odt) {
                return odt.withOffsetSameInstant(ZoneOffset.UTC);
            }
            if (parsed instanceof LocalDateTime ldt) {
                return ldt.atOffset(ZoneOffset.UTC);
            }
            return ((LocalDate) parsed).atStartOfDay().atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String formatDate(Object stored) {
        if (stored instanceof OffsetDateTime odt) {
            return PB_DATE.format(odt.withOffsetSameInstant(ZoneOffset.UTC));
        }
        return "";
    }
}
