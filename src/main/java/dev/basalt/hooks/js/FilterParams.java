package dev.basalt.hooks.js;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds PocketBase's filter placeholders ({@code title = {:title}}) to values, as {@code dbx.Params} does: text
 * becomes a quoted literal with its quotes escaped, numbers and booleans stay literals, null is {@code null}.
 */
final class FilterParams {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{:([A-Za-z0-9_]+)}");

    private FilterParams() {
    }

    static String bind(String filter, Map<String, Object> params) {
        if (filter == null || params.isEmpty()) {
            return filter == null ? "" : filter;
        }
        Matcher m = PLACEHOLDER.matcher(filter);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String literal = params.containsKey(name) ? literal(params.get(name)) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(literal));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String literal(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return "'" + value.toString().replace("'", "\\'") + "'";
    }
}
