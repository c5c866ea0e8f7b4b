package dev.basalt.hooks.js;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.QueryPart;
import org.jooq.SQL;
import org.jooq.impl.DSL;
import tools.jackson.databind.JsonNode;

/**
 * Hook code's own SQL (dbx's syntax) as a jOOQ plain SQL part: every {@code {:name}} placeholder becomes a bound
 * value (never text in the statement), {@code {{table}}} and {@code [[table.column]]} quoted names, as dbx quotes
 * them. The rest of the text is the user's SQL, run as it is, as PocketBase runs it.
 */
final class JsSql {
    /** dbx's three markers: a bound parameter, a quoted table name, a quoted column name. */
    private static final Pattern MARKER = Pattern.compile("\\{:(\\w+)}|\\{\\{([^}]+)}}|\\[\\[([^]]+)]]");

    private JsSql() {
    }

    /** {@code sql} with its markers replaced; a placeholder without a value in {@code params} is an error. */
    static SQL of(String sql, Map<String, Object> params) {
        Matcher m = MARKER.matcher(sql == null ? "" : sql);
        StringBuilder template = new StringBuilder();
        List<QueryPart> parts = new ArrayList<>();
        while (m.find()) {
            QueryPart part;
            if (m.group(1) != null) {
                if (!params.containsKey(m.group(1))) {
                    throw new JsDbException("missing the value of the parameter {:" + m.group(1) + "}");
                }
                part = value(params.get(m.group(1)));
            } else {
                part = name(m.group(2) != null ? m.group(2) : m.group(3));
            }
            m.appendReplacement(template, Matcher.quoteReplacement("{" + parts.size() + "}"));
            parts.add(part);
        }
        m.appendTail(template);
        return DSL.sql(template.toString(), parts.toArray(QueryPart[]::new));
    }

    /** A dotted name ({@code posts.title}) as quoted identifiers. */
    static org.jooq.Name name(String dotted) {
        return DSL.name(Arrays.stream(dotted.trim().split("\\.")).map(String::trim).toArray(String[]::new));
    }

    /**
     * A value from hook code, bound: numbers and booleans as they are, null as SQL's {@code NULL}, text without a type
     * ({@link UntypedText}), arrays and objects as their JSON text, untyped too (PocketBase binds them as JSON text).
     */
    static QueryPart value(Object value) {
        if (value == null) {
            return DSL.inline((Object) null);
        }
        if (value instanceof Map<?, ?> || value instanceof List<?> || value instanceof JsonNode) {
            return DSL.val(JsJson.write(value), UntypedText.TYPE);
        }
        if (value instanceof String s) {
            return DSL.val(s, UntypedText.TYPE);
        }
        if (value instanceof Integer i) {
            return DSL.val(i.longValue());
        }
        return DSL.val(value);
    }
}
