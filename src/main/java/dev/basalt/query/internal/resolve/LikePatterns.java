package dev.basalt.query.internal.resolve;

/**
 * The ILIKE pattern of a {@code ~} value, as PocketBase builds it: a value with an unescaped {@code %} is used as
 * written (the caller controls the wildcards); any other value has its unescaped {@code \}, {@code %} and {@code _}
 * escaped and is wrapped in {@code %...%} (contains). The escape character is the backslash.
 */
public final class LikePatterns {
    private static final String SPECIAL = "\\%_";

    private LikePatterns() {
    }

    /** The pattern for the value {@code value}. */
    public static String contains(String value) {
        if (hasUnescapedPercent(value)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 4).append('%');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() && SPECIAL.indexOf(value.charAt(i + 1)) >= 0) {
                out.append(c).append(value.charAt(i + 1)); // already escaped
                i++;
            } else if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.append('%').toString();
    }

    private static boolean hasUnescapedPercent(String value) {
        boolean escaped = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && !escaped) {
                return true;
            }
            escaped = c == '\\' && !escaped;
        }
        return false;
    }
}
