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

    /** Length of a {@link #PB_DATE} text for a four-digit year. */
    private static final int PB_DATE_LENGTH = 24;
    private static final int MAX_FAST_YEAR = 9999;
    private static final int NANOS_PER_MILLI = 1_000_000;

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
            return formatUtc(odt.withOffsetSameInstant(ZoneOffset.UTC));
        }
        return "";
    }

    /**
     * {@link #PB_DATE} written by hand for years 1 to 9999 (every record's dates; the formatter was half of a record's
     * JSON rendering in a list's profile, issue 20), the formatter itself for other years.
     */
    static String formatUtc(OffsetDateTime utc) {
        int year = utc.getYear();
        if (year < 1 || year > MAX_FAST_YEAR) {
            return PB_DATE.format(utc);
        }
        char[] c = new char[PB_DATE_LENGTH];
        digits(c, 0, year, 4);
        c[4] = '-';
        digits(c, 5, utc.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, utc.getDayOfMonth(), 2);
        c[10] = ' ';
        digits(c, 11, utc.getHour(), 2);
        c[13] = ':';
        digits(c, 14, utc.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, utc.getSecond(), 2);
        c[19] = '.';
        digits(c, 20, utc.getNano() / NANOS_PER_MILLI, 3); // truncated, as the pattern's SSS
        c[23] = 'Z';
        return new String(c);
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
