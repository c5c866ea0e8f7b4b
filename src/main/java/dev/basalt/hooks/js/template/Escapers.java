package dev.basalt.hooks.js.template;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The escaping functions of Go's text/template ({@code html}, {@code js}, {@code urlquery}) and html/template. */
final class Escapers {
    /** What html/template prints for a value refused in a URL, CSS or attribute-name context. */
    static final String UNSAFE = "ZgotmplZ";
    private static final Pattern SAFE_SCHEME = Pattern.compile("(?i)(https?|mailto)");
    private static final Pattern SAFE_CSS = Pattern.compile("[A-Za-z0-9 #%.,_-]*");
    private static final Pattern SAFE_ATTR_NAME = Pattern.compile("[a-z0-9-]+");

    private Escapers() {
    }

    /** text/template's {@code html}: HTMLEscapeString. */
    static String html(String s) {
        return replace(s, false, false);
    }

    /** html/template's escaper for text and quoted attribute values ({@code +} too). */
    static String htmlText(String s) {
        return replace(s, true, false);
    }

    /** html/template's escaper for unquoted attribute values: white space, = and ` too. */
    static String htmlNoSpace(String s) {
        return replace(s, true, true);
    }

    private static String replace(String s, boolean plus, boolean noSpace) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\0' -> b.append('\uFFFD');
                case '"' -> b.append("&#34;");
                case '\'' -> b.append("&#39;");
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '+' -> b.append(plus ? "&#43;" : "+");
                default -> {
                    if (noSpace && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000b'
                            || c == '=' || c == '`')) {
                        b.append("&#").append((int) c).append(';');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** text/template's {@code js}: JSEscapeString. */
    static String js(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\'' -> b.append("\\'");
                case '"' -> b.append("\\\"");
                case '<', '>', '&', '=' -> b.append(String.format("\\u%04X", (int) c));
                default -> b.append(c < ' ' ? String.format("\\u%04X", (int) c) : String.valueOf(c));
            }
        }
        return b.toString();
    }

    /** html/template's escaper inside a JS string literal. */
    static String jsString(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '/' -> b.append("\\/");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\f' -> b.append("\\f");
                case '"', '&', '\'', '+', '<', '>', '`', '\0', '\u000b', '\u2028', '\u2029' ->
                        b.append(String.format("\\u%04x", (int) c));
                default -> b.append(c < ' ' ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.toString();
    }

    /** html/template's escaper for a JS value: JSON, with the characters that could end the script escaped. */
    static String jsValue(Object v) {
        return switch (v) {
            case null -> " null ";
            case String s -> "\"" + jsString(s) + "\"";
            case Values.SafeHtml h -> "\"" + jsString(h.html()) + "\"";
            case Boolean b -> " " + b + " ";
            case Number n -> " " + GoFmt.value(n) + " ";
            case Map<?, ?> m -> {
                StringBuilder b = new StringBuilder("{");
                m.forEach((k, x) -> b.append(b.length() > 1 ? "," : "").append(jsValue(String.valueOf(k)))
                        .append(':').append(jsValue(x).strip()));
                yield b.append('}').toString();
            }
            case Collection<?> c -> {
                StringBuilder b = new StringBuilder("[");
                c.forEach(x -> b.append(b.length() > 1 ? "," : "").append(jsValue(x).strip()));
                yield b.append(']').toString();
            }
            default -> jsValue(v.toString());
        };
    }

    /** {@code urlquery}: QueryEscape. */
    static String query(String s) {
        return percent(s, false, true);
    }

    /** A URL at the start of an attribute: a scheme other than http(s) or mailto is refused, the rest normalised. */
    static String url(String s) {
        int colon = s.indexOf(':');
        if (colon >= 0) {
            String before = s.substring(0, colon);
            if (!before.contains("/") && !before.contains("?") && !before.contains("#")
                    && !SAFE_SCHEME.matcher(before).matches()) {
                return "#" + UNSAFE;
            }
        }
        return percent(s, true, false);
    }

    /** A later part of a URL (its scheme already written): normalised only. */
    static String urlNormal(String s) {
        return percent(s, true, false);
    }

    /** A part of a URL's query: everything but unreserved characters percent-encoded. */
    static String urlPart(String s) {
        return percent(s, false, false);
    }

    private static String percent(String s, boolean normalize, boolean plusForSpace) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            boolean unreserved = c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0);
            if (unreserved || normalize && "!#$&*+,/:;=?@[]%".indexOf(c) >= 0) {
                b.append(c);
            } else if (plusForSpace && c == ' ') {
                b.append('+');
            } else {
                b.append('%').append(String.format("%02X", (int) c));
            }
        }
        return b.toString();
    }

    /** A CSS value: words, numbers, colours and lengths only. */
    static String css(String s) {
        return SAFE_CSS.matcher(s).matches() ? s : UNSAFE;
    }

    /** An attribute name printed inside a tag: plain names only, no event handlers or styles. */
    static String attrName(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        boolean unsafe = !SAFE_ATTR_NAME.matcher(lower).matches() || lower.startsWith("on") || lower.equals("style")
                || List.of("href", "src", "action", "formaction", "srcdoc").contains(lower);
        return unsafe ? UNSAFE : s;
    }
}
