package dev.basalt.hooks.js.template;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Go's rules for template values: truth, comparison, {@code len}, {@code index} and {@code slice}. */
final class Values {
    private Values() {
    }

    /** HTML a template marks as trusted (PocketBase's {@code raw} function): printed without escaping. */
    record SafeHtml(String html) {
        @Override
        public String toString() {
            return html;
        }
    }

    /** Go's truth: false, 0, nil, and empty strings, lists and maps are false. */
    static boolean truth(Object v) {
        return switch (v) {
            case null -> false;
            case Boolean b -> b;
            case Number n -> n.doubleValue() != 0;
            case String s -> !s.isEmpty();
            case SafeHtml h -> !h.html().isEmpty();
            case Collection<?> c -> !c.isEmpty();
            case Map<?, ?> m -> !m.isEmpty();
            default -> true;
        };
    }

    /** {@code eq}: basic values of one kind (numbers compare by value); nil equals only nil. */
    static boolean equal(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return compareNumbers(x, y) == 0;
        }
        Object x = a instanceof SafeHtml h ? h.html() : a;
        Object y = b instanceof SafeHtml h ? h.html() : b;
        if (x instanceof Collection<?> || x instanceof Map<?, ?> || y instanceof Collection<?> || y instanceof Map<?, ?>) {
            throw new IllegalArgumentException("non-comparable type " + GoFmt.typeName(x instanceof Collection<?>
                    || x instanceof Map<?, ?> ? x : y));
        }
        if (x.getClass() != y.getClass()) {
            throw new IllegalArgumentException("incompatible types for comparison");
        }
        return x.equals(y);
    }

    /** {@code lt} and friends: numbers with numbers, strings with strings. */
    static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return compareNumbers(x, y);
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a == null || b == null || a.getClass() != b.getClass()) {
            throw new IllegalArgumentException("incompatible types for comparison");
        }
        throw new IllegalArgumentException("invalid type for comparison");
    }

    private static int compareNumbers(Number x, Number y) {
        if (x instanceof Double || y instanceof Double || x instanceof Float || y instanceof Float) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return Long.compare(x.longValue(), y.longValue());
    }

    /** Go's {@code len}: bytes of a string (UTF-8), elements of a list or map. */
    static long length(Object v) {
        return switch (v) {
            case String s -> s.getBytes(StandardCharsets.UTF_8).length;
            case SafeHtml h -> h.html().getBytes(StandardCharsets.UTF_8).length;
            case Collection<?> c -> c.size();
            case Map<?, ?> m -> m.size();
            case null -> throw new IllegalArgumentException("len of nil pointer");
            default -> throw new IllegalArgumentException("len of type " + GoFmt.typeName(v));
        };
    }

    /** One step of {@code index}: a list (or string, giving a byte) by number, a map by key. */
    static Object index(Object v, Object key) {
        if (v instanceof Map<?, ?> m) {
            return m.get(key instanceof String ? key : String.valueOf(key));
        }
        if (v instanceof List<?> list) {
            int i = position(key, list.size() - 1);
            return list.get(i);
        }
        if (v instanceof String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            return (long) (bytes[position(key, bytes.length - 1)] & 0xff);
        }
        if (v == null) {
            throw new IllegalArgumentException("index of untyped nil");
        }
        throw new IllegalArgumentException("can't index item of type " + GoFmt.typeName(v));
    }

    /** {@code slice x i j}: a sub-list or a substring (of bytes, as Go). */
    static Object slice(Object v, List<Object> bounds) {
        if (bounds.size() > 2) {
            throw new IllegalArgumentException("too many slice indexes: " + bounds.size());
        }
        if (v instanceof String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            int from = bounds.isEmpty() ? 0 : position(bounds.get(0), bytes.length);
            int to = bounds.size() < 2 ? bytes.length : position(bounds.get(1), bytes.length);
            check(from, to);
            return new String(bytes, from, to - from, StandardCharsets.UTF_8);
        }
        if (v instanceof List<?> list) {
            int from = bounds.isEmpty() ? 0 : position(bounds.get(0), list.size());
            int to = bounds.size() < 2 ? list.size() : position(bounds.get(1), list.size());
            check(from, to);
            return List.copyOf(list.subList(from, to));
        }
        throw new IllegalArgumentException("can't slice item of type " + GoFmt.typeName(v));
    }

    private static void check(int from, int to) {
        if (from > to) {
            throw new IllegalArgumentException("invalid slice index: " + from + " > " + to);
        }
    }

    private static int position(Object key, int max) {
        if (!(key instanceof Number n) || key instanceof Double) {
            throw new IllegalArgumentException("cannot index slice/array with type " + GoFmt.typeName(key));
        }
        long i = n.longValue();
        if (i < 0 || i > max) {
            throw new IllegalArgumentException("index out of range: " + i);
        }
        return (int) i;
    }
}
