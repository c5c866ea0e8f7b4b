package dev.basalt.hooks.js.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Go's fmt for template values: {@code print}, {@code println}, {@code printf} and the %v form of each type. */
final class GoFmt {
    /** Go's %v (strconv's shortest %g) switches a float to exponent form from this decimal exponent on. */
    private static final int SHORTEST_G_EXPONENT = 6;

    private GoFmt() {
    }

    /** {@code fmt.Sprint}: a space between operands when neither is a string. */
    static String sprint(List<Object> args) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (i > 0 && !(a instanceof String) && !(args.get(i - 1) instanceof String)) {
                b.append(' ');
            }
            b.append(value(a));
        }
        return b.toString();
    }

    /** {@code fmt.Sprintln}: spaces always, and a newline. */
    static String sprintln(List<Object> args) {
        List<String> parts = new ArrayList<>();
        args.forEach(a -> parts.add(value(a)));
        return String.join(" ", parts) + "\n";
    }

    /** %v. */
    static String value(Object v) {
        return switch (v) {
            case null -> "<nil>";
            case Double d -> shortest(d, -1);
            case Float f -> shortest(f.doubleValue(), -1);
            case BigDecimal d -> shortest(d.doubleValue(), -1);
            case Map<?, ?> m -> {
                List<String> parts = new ArrayList<>();
                new TreeMap<>(m).forEach((k, x) -> parts.add(value(k) + ":" + value(x)));
                yield "map[" + String.join(" ", parts) + "]";
            }
            case Collection<?> c -> {
                List<String> parts = new ArrayList<>();
                c.forEach(x -> parts.add(value(x)));
                yield "[" + String.join(" ", parts) + "]";
            }
            default -> v.toString();
        };
    }

    /** Go's name of a value's type, for error messages and {@code %T}. */
    static String typeName(Object v) {
        return switch (v) {
            case null -> "<nil>";
            case String s -> "string";
            case Values.SafeHtml h -> "template.HTML";
            case Boolean b -> "bool";
            case Double d -> "float64";
            case Number n -> "int64";
            case Map<?, ?> m -> "map[string]interface {}";
            case Collection<?> c -> "[]interface {}";
            default -> v.getClass().getSimpleName();
        };
    }

    /**
     * strconv's 'g' form: the shortest digits (precision -1, exponent from 10^6 on, as Go's %v) or {@code precision}
     * significant digits (exponent from 10^precision on).
     */
    static String shortest(double d, int precision) {
        if (Double.isNaN(d)) {
            return "NaN";
        } else if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        } else if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        BigDecimal b = new BigDecimal(Double.toString(d));
        if (precision > 0) {
            b = b.round(new java.math.MathContext(precision, java.math.RoundingMode.HALF_EVEN));
        }
        b = b.stripTrailingZeros();
        int exp = b.precision() - b.scale() - 1;
        if (exp < -4 || exp >= (precision > 0 ? precision : SHORTEST_G_EXPONENT)) {
            String digits = b.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (d < 0 ? "-" : "") + mantissa + exponent(exp);
        }
        return b.toPlainString();
    }

    static String exponent(int exp) {
        String e = String.valueOf(Math.abs(exp));
        return "e" + (exp < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
    }

    /** {@code fmt.Sprintf} with the verbs templates use: v s q d f e g t x X o b c T %. */
    static String sprintf(String format, List<Object> args) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            Verb spec = Verb.parse(format, i + 1);
            i = spec.end();
            if (spec.verb() == '%') {
                out.append('%');
            } else if (next >= args.size()) {
                out.append("%!").append(spec.verb()).append("(MISSING)");
            } else {
                out.append(spec.format(args.get(next++)));
            }
        }
        if (next < args.size()) {
            List<String> extra = new ArrayList<>();
            for (Object a : args.subList(next, args.size())) {
                extra.add(typeName(a) + "=" + value(a));
            }
            out.append("%!(EXTRA ").append(String.join(", ", extra)).append(')');
        }
        return out.toString();
    }

    /** Go's %q: a double-quoted string with Go escapes. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        b.append(String.format("\\x%02x", cp));
                    } else {
                        b.appendCodePoint(cp);
                    }
                }
            }
        });
        return b.append('"').toString();
    }
}
