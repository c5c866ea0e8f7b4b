package dev.basalt.collections.fields;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * PocketBase's loose conversions of submitted values (Go's {@code spf13/cast}, {@code strconv} and PocketBase's
 * {@code list.ToUniqueStringSlice} and form reader), so that a body means in Basalt what it means in PocketBase:
 * a value of the wrong type is converted to the field's zero value instead of being refused.
 */
public final class Casts {
    /** Strings Go's {@code strconv.ParseBool} reads as true; every other string is false. */
    private static final Set<String> TRUE_TEXT = Set.of("1", "t", "T", "TRUE", "true", "True");
    private static final Pattern SPECIAL = Pattern.compile("[+-]?(?i:inf|infinity)|(?i:nan)");
    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?(?=[0-9_]*\\.?[0-9_]*[0-9])[0-9_]*\\.?[0-9_]*([eE][+-]?[0-9][0-9_]*)?");
    private static final Pattern HEX = Pattern.compile(
            "[+-]?0[xX](?=[0-9a-fA-F_]*\\.?[0-9a-fA-F_]*[0-9a-fA-F])[0-9a-fA-F_]*\\.?[0-9a-fA-F_]*[pP][+-]?[0-9][0-9_]*");
    /** PocketBase's form reader turns only strings of these characters into numbers. */
    private static final Pattern FORM_NUMBER = Pattern.compile("[-.0-9]+");
    /** Go's json package rejects trailing content after the value. */
    static final JsonMapper STRICT_JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private Casts() {
    }

    /** {@code cast.ToString}: numbers in full decimal, bools as true/false, lists, objects and null as "". */
    public static String text(Object input) {
        return switch (input) {
            case String s -> s;
            case Boolean b -> b.toString();
            case Number n -> formatNumber(n.doubleValue());
            case null, default -> "";
        };
    }

    /**
     * {@code cast.ToFloat64}: numbers as given, bools as 1/0, text through Go's {@code strconv.ParseFloat} (so
     * {@code "inf"} and {@code "nan"} give infinity and NaN), anything unreadable as 0.
     */
    public static double number(Object input) {
        return switch (input) {
            case Number n -> n.doubleValue();
            case Boolean b -> b ? 1 : 0;
            case String s -> {
                Double d = parseFloat(s);
                yield d == null ? 0 : d;
            }
            case null, default -> 0;
        };
    }

    /** {@code cast.ToBool}: numbers other than 0, and text that {@code strconv.ParseBool} reads as true. */
    public static boolean bool(Object input) {
        return switch (input) {
            case Boolean b -> b;
            case Number n -> n.doubleValue() != 0;
            case String s -> TRUE_TEXT.contains(s);
            case null, default -> false;
        };
    }

    /** Go's {@code strconv.FormatFloat(d, 'f', -1, 64)}: the shortest digits that read back as d, no exponent. */
    public static String formatNumber(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }

    /**
     * Go's {@code strconv.ParseFloat(s, 64)}: decimal or hexadecimal (with a {@code p} exponent) floats, digit
     * separators {@code _} between digits, {@code inf}/{@code infinity} (signed) and {@code nan} in any case. Null for
     * text Go refuses, and for numbers beyond the double range (Go's range error).
     */
    public static Double parseFloat(String s) {
        if (SPECIAL.matcher(s).matches()) {
            boolean nan = Character.toLowerCase(s.charAt(0)) == 'n';
            return nan ? Double.NaN : s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (!(DECIMAL.matcher(s).matches() || HEX.matcher(s).matches()) || (s.indexOf('_') >= 0 && !underscoresOk(s))) {
            return null;
        }
        double d = Double.parseDouble(s.replace("_", ""));
        return Double.isInfinite(d) ? null : d;
    }

    /** Go's rule for {@code _}: only between two digits, or between a base prefix and a digit. */
    private static boolean underscoresOk(String s) {
        String t = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
        char saw = '^';
        int i = 0;
        boolean hex = false;
        if (t.length() >= 2 && t.charAt(0) == '0' && "bBoOxX".indexOf(t.charAt(1)) >= 0) {
            i = 2;
            saw = '0';
            hex = Character.toLowerCase(t.charAt(1)) == 'x';
        }
        for (; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isDigit(c) || (hex && "abcdefABCDEF".indexOf(c) >= 0)) {
                saw = '0';
            } else if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
            } else {
                if (saw == '_') {
                    return false;
                }
                saw = '!';
            }
        }
        return saw != '_';
    }

    /**
     * A multipart/urlencoded value as PocketBase's form reader infers it: {@code "true"}/{@code "false"} become
     * bools, a numeric string becomes a number only when the number prints back as the same string (so
     * {@code "0.0"}, {@code "007"}, {@code "1e3"} stay text), everything else stays text.
     */
    public static Object formValue(String raw) {
        switch (raw) {
            case "" -> {
                return raw;
            }
            case "true" -> {
                return Boolean.TRUE;
            }
            case "false" -> {
                return Boolean.FALSE;
            }
            default -> {
                char first = raw.charAt(0);
                if ((first == '-' || (first >= '0' && first <= '9')) && FORM_NUMBER.matcher(raw).matches()) {
                    Double d = parseFloat(raw);
                    if (d != null && formatNumber(d).equals(raw)) {
                        return d;
                    }
                }
                return raw;
            }
        }
    }

    /**
     * PocketBase's {@code list.ToUniqueStringSlice}: a string containing {@code [} is read as a JSON array of
     * strings when it is one; a list's items are cast to text (an object or nested list among them empties the
     * whole list); blanks and repeats are dropped, first occurrence kept.
     */
    public static List<String> uniqueStrings(Object input) {
        List<String> raw = switch (input) {
            case null -> List.of();
            case String s when s.isEmpty() -> List.of();
            case String s when s.contains("[") -> jsonStrings(s);
            case String s -> List.of(s);
            case String[] arr -> List.of(arr);
            case Collection<?> c -> items(c);
            case Map<?, ?> m -> List.of();
            default -> List.of(text(input));
        };
        Set<String> unique = new LinkedHashSet<>();
        for (String s : raw) {
            if (s != null && !s.isEmpty()) {
                unique.add(s);
            }
        }
        return List.copyOf(unique);
    }

    private static List<String> items(Collection<?> c) {
        List<String> out = new ArrayList<>();
        for (Object o : c) {
            if (o instanceof Collection<?> || o instanceof Map<?, ?> || o instanceof Object[]) {
                return List.of();
            }
            out.add(text(o));
        }
        return out;
    }

    /** Go's {@code json.Unmarshal} into {@code []string}, falling back to the text itself as the one item. */
    private static List<String> jsonStrings(String s) {
        JsonNode node;
        try {
            node = STRICT_JSON.readTree(s);
        } catch (JacksonException e) {
            return List.of(s);
        }
        if (node == null || !node.isArray()) {
            return node != null && node.isNull() ? List.of() : List.of(s);
        }
        List<String> out = new ArrayList<>();
        boolean mismatch = false;
        for (JsonNode item : node) {
            if (item.isString()) {
                out.add(item.asString());
            } else {
                // Go leaves a mistyped item empty and reports the error: PocketBase then adds the text itself.
                mismatch |= !item.isNull();
            }
        }
        if (mismatch) {
            out.add(s);
        }
        return out;
    }
}
