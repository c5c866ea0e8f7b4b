package dev.basalt.collections.fields;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Conversions shared by the field types: submitted values to stored ones, and dates to PocketBase's format. */
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

    static String text(Object input, String field) {
        if (input == null) {
            return "";
        }
        if (input instanceof String s) {
            return s;
        }
        if (input instanceof Number || input instanceof Boolean) {
            return String.valueOf(input);
        }
        if (input instanceof List<?> list && list.size() == 1) {
            return text(list.getFirst(), field);
        }
        throw new FieldValueException("validation_invalid_value", "Must be a string.");
    }

    static Double number(Object input) {
        if (input == null) {
            return 0d;
        }
        if (input instanceof Number n) {
            return n.doubleValue();
        }
        if (input instanceof String s) {
            String t = s.trim();
            if (t.isEmpty()) {
                return 0d;
            }
            try {
                double d = Double.parseDouble(t);
                if (!Double.isFinite(d)) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                throw new FieldValueException("validation_invalid_number", "Must be a valid number.");
            }
        }
        if (input instanceof List<?> list && list.size() == 1) {
            return number(list.getFirst());
        }
        throw new FieldValueException("validation_invalid_number", "Must be a valid number.");
    }

    static Boolean bool(Object input) {
        if (input == null) {
            return false;
        }
        if (input instanceof Boolean b) {
            return b;
        }
        if (input instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (input instanceof String s) {
            return switch (s.trim().toLowerCase()) {
                case "true", "1", "on", "yes" -> true;
                case "false", "0", "off", "no", "" -> false;
                default -> throw new FieldValueException("validation_invalid_bool", "Must be a boolean.");
            };
        }
        if (input instanceof List<?> list && list.size() == 1) {
            return bool(list.getFirst());
        }
        throw new FieldValueException("validation_invalid_bool", "Must be a boolean.");
    }

    static OffsetDateTime date(Object input) {
        if (input == null) {
            return null;
        }
        if (input instanceof OffsetDateTime odt) {
            return odt;
        }
        if (input instanceof List<?> list && list.size() == 1) {
            return date(list.getFirst());
        }
        if (!(input instanceof String s)) {
            throw new FieldValueException("validation_invalid_date", "Must be a valid date.");
        }
        OffsetDateTime parsed = parseDate(s);
        if (parsed == null && !s.isBlank()) {
            throw new FieldValueException("validation_invalid_date", "Must be a valid date.");
        }
        return parsed;
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

    /** A submitted value as a list of strings (a single value becomes a one-element list; blanks dropped). */
    static List<String> strings(Object input) {
        List<String> out = new ArrayList<>();
        if (input == null) {
            return out;
        }
        if (input instanceof Collection<?> c) {
            for (Object o : c) {
                String s = text(o, "");
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        } else if (input instanceof String[] arr) {
            for (String s : arr) {
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        } else {
            String s = text(input, "");
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
