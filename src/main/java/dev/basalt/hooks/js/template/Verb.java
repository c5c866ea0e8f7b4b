package dev.basalt.hooks.js.template;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** One {@code %[flags][width][.precision]verb} of a Go format string, and how it prints a value. */
record Verb(boolean minus, boolean plus, boolean zero, boolean space, int width, int precision, char verb, int end) {
    static Verb parse(String f, int from) {
        int i = from;
        boolean minus = false;
        boolean plus = false;
        boolean zero = false;
        boolean space = false;
        for (; i < f.length() && "-+0 #".indexOf(f.charAt(i)) >= 0; i++) {
            switch (f.charAt(i)) {
                case '-' -> minus = true;
                case '+' -> plus = true;
                case '0' -> zero = true;
                case ' ' -> space = true;
                default -> { }
            }
        }
        int width = -1;
        int start = i;
        while (i < f.length() && Character.isDigit(f.charAt(i))) {
            i++;
        }
        if (i > start) {
            width = Integer.parseInt(f.substring(start, i));
        }
        int precision = -1;
        if (i < f.length() && f.charAt(i) == '.') {
            start = ++i;
            while (i < f.length() && Character.isDigit(f.charAt(i))) {
                i++;
            }
            precision = i > start ? Integer.parseInt(f.substring(start, i)) : 0;
        }
        char verb = i < f.length() ? f.charAt(i) : '!';
        return new Verb(minus, plus, zero, space, width, precision, verb, Math.min(i, f.length() - 1));
    }

    String format(Object v) {
        String s = switch (verb) {
            case 'v' -> v instanceof Double d && precision >= 0 ? GoFmt.shortest(d, precision) : GoFmt.value(v);
            case 's' -> v instanceof String || v instanceof Values.SafeHtml ? cut(v.toString()) : typed(v, GoFmt.value(v));
            case 'q' -> v instanceof String str ? GoFmt.quote(str) : bad(v);
            case 't' -> v instanceof Boolean ? v.toString() : bad(v);
            case 'd' -> integer(v) ? signed(String.valueOf(((Number) v).longValue())) : bad(v);
            case 'x', 'X', 'o', 'b' -> radix(v);
            case 'c' -> integer(v) ? new String(Character.toChars((int) ((Number) v).longValue())) : bad(v);
            case 'f', 'F', 'e', 'g' -> v instanceof Double d ? signed(floating(d)) : bad(v);
            case 'T' -> GoFmt.typeName(v);
            default -> "%!" + verb + "(" + GoFmt.typeName(v) + "=" + GoFmt.value(v) + ")";
        };
        return pad(s);
    }

    private String typed(Object v, String s) {
        return v instanceof Number || v instanceof Boolean || v == null ? bad(v) : s;
    }

    private String cut(String s) {
        return precision >= 0 && precision < s.length() ? s.substring(0, precision) : s;
    }

    private static boolean integer(Object v) {
        return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte;
    }

    private String radix(Object v) {
        if (v instanceof String s && (verb == 'x' || verb == 'X')) {
            StringBuilder b = new StringBuilder();
            for (byte x : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                b.append(String.format("%02x", x));
            }
            return verb == 'X' ? b.toString().toUpperCase(Locale.ROOT) : b.toString();
        }
        if (!integer(v)) {
            return bad(v);
        }
        long n = ((Number) v).longValue();
        int base = switch (verb) { case 'o' -> 8; case 'b' -> 2; default -> 16; };
        String digits = Long.toString(Math.abs(n), base);
        return signed((n < 0 ? "-" : "") + (verb == 'X' ? digits.toUpperCase(Locale.ROOT) : digits));
    }

    private String floating(double d) {
        return switch (verb) {
            case 'e' -> {
                String s = String.format(Locale.ROOT, "%." + (precision < 0 ? 6 : precision) + "e", d);
                int e = s.indexOf('e');
                yield s.substring(0, e) + GoFmt.exponent(Integer.parseInt(s.substring(e + 1)));
            }
            case 'g' -> GoFmt.shortest(d, precision == 0 ? 1 : precision);
            default -> new BigDecimal(d).setScale(precision < 0 ? 6 : precision, RoundingMode.HALF_EVEN).toPlainString();
        };
    }

    private String signed(String s) {
        if (!s.startsWith("-") && (plus || space)) {
            return (plus ? "+" : " ") + s;
        }
        return s;
    }

    private String bad(Object v) {
        return "%!" + verb + "(" + GoFmt.typeName(v) + "=" + GoFmt.value(v) + ")";
    }

    private String pad(String s) {
        int missing = width - s.codePointCount(0, s.length());
        if (missing <= 0) {
            return s;
        }
        if (minus) {
            return s + " ".repeat(missing);
        }
        if (zero && "dfFeExXob".indexOf(verb) >= 0) {
            boolean sign = s.startsWith("-") || s.startsWith("+");
            return (sign ? s.substring(0, 1) : "") + "0".repeat(missing) + (sign ? s.substring(1) : s);
        }
        return " ".repeat(missing) + s;
    }
}
