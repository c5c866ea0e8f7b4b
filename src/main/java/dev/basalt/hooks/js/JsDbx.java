package dev.basalt.hooks.js;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * {@code $dbx} expressions (PocketBase's dbx builders, sent by the JS API as {@code {__dbx: kind, ...}} objects) as
 * jOOQ conditions, every value bound. An empty expression ({@code and()} of nothing, {@code notIn} of no values) is
 * no condition at all, as in dbx; {@code in} of no values matches nothing. {@code like} compares without case, as
 * SQLite's LIKE (PocketBase's database) does for ASCII.
 */
final class JsDbx {
    /** The escape character of LIKE patterns (dbx escapes {@code %}, {@code _} and itself with it). */
    private static final char ESCAPE = '\\';

    private JsDbx() {
    }

    /** Every expression ANDed; null when there is none. */
    static Condition all(List<?> expressions) {
        return join(expressions, true);
    }

    /** One expression; null when it is empty. */
    @SuppressWarnings("unchecked")
    static Condition of(Object expression) {
        if (!(expression instanceof Map<?, ?> raw) || !(raw.get("__dbx") instanceof String kind)) {
            throw new JsDbException("not a $dbx expression: " + JsJson.write(expression));
        }
        Map<String, Object> e = (Map<String, Object>) raw;
        List<?> values = e.get("values") instanceof List<?> l ? l : List.of();
        return switch (kind) {
            case "exp" -> String.valueOf(e.getOrDefault("sql", "")).isBlank() ? null
                    : DSL.condition(JsSql.of(String.valueOf(e.get("sql")), params(e.get("params"))));
            case "hash" -> hash(params(e.get("data")));
            case "and" -> join(values, true);
            case "or" -> join(values, false);
            case "not" -> negate(of(e.get("item")));
            case "in" -> in(column(e), values);
            case "notIn" -> values.isEmpty() ? null : negate(in(column(e), values));
            case "like", "notLike", "orLike", "orNotLike" -> like(column(e), values, kind);
            case "between" -> column(e).between(bound(e.get("from")), bound(e.get("to")));
            case "notBetween" -> column(e).notBetween(bound(e.get("from")), bound(e.get("to")));
            case "exists" -> DSL.condition("exists ({0})", JsSql.of(sql(e.get("item")), params(item(e).get("params"))));
            case "notExists" -> DSL.condition("not exists ({0})", JsSql.of(sql(e.get("item")),
                    params(item(e).get("params"))));
            default -> throw new JsDbException("unknown $dbx expression " + kind);
        };
    }

    private static Condition join(List<?> expressions, boolean and) {
        List<Condition> parts = new ArrayList<>();
        for (Object x : expressions) {
            Condition c = x == null ? null : of(x);
            if (c != null) {
                parts.add(c);
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        return and ? DSL.and(parts) : DSL.or(parts);
    }

    private static Condition negate(Condition c) {
        return c == null ? null : DSL.not(c);
    }

    /** {@code {column: value}}: equal, {@code IS NULL} for null, {@code IN} for a list; in key order, as dbx. */
    private static Condition hash(Map<String, Object> data) {
        List<Condition> parts = new ArrayList<>();
        new TreeMap<>(data).forEach((key, value) -> {
            Field<Object> column = DSL.field(JsSql.name(key));
            if (value instanceof Map<?, ?> m && m.containsKey("__dbx")) {
                Condition c = of(value);
                if (c != null) {
                    parts.add(c);
                }
            } else if (value instanceof List<?> list) {
                parts.add(in(column, list));
            } else {
                parts.add(value == null ? column.isNull() : column.eq(bound(value)));
            }
        });
        return parts.isEmpty() ? null : DSL.and(parts);
    }

    private static Condition in(Field<Object> column, List<?> values) {
        if (values.isEmpty()) {
            return DSL.falseCondition();
        }
        if (values.size() == 1) {
            return values.get(0) == null ? column.isNull() : column.eq(bound(values.get(0)));
        }
        return column.in(values.stream().map(JsDbx::bound).toList());
    }

    private static Condition like(Field<Object> column, List<?> values, String kind) {
        List<Condition> parts = new ArrayList<>();
        for (Object v : values) {
            String pattern = "%" + String.valueOf(v).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                    + "%";
            Field<String> text = column.cast(String.class);
            parts.add(kind.contains("Not") ? text.notLikeIgnoreCase(pattern, ESCAPE)
                    : text.likeIgnoreCase(pattern, ESCAPE));
        }
        if (parts.isEmpty()) {
            return null;
        }
        return kind.startsWith("or") ? DSL.or(parts) : DSL.and(parts);
    }

    @SuppressWarnings("unchecked")
    private static Field<Object> bound(Object value) {
        return (Field<Object>) (Object) DSL.field("{0}", Object.class, JsSql.value(value));
    }

    private static Field<Object> column(Map<String, Object> e) {
        return DSL.field(JsSql.name(String.valueOf(e.getOrDefault("col", ""))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> item(Map<String, Object> e) {
        return e.get("item") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static String sql(Object item) {
        return item instanceof Map<?, ?> m && "exp".equals(m.get("__dbx")) ? String.valueOf(m.get("sql"))
                : failNotExp();
    }

    private static String failNotExp() {
        throw new JsDbException("$dbx.exists takes a $dbx.exp(...) subquery");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> params(Object params) {
        return params instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
