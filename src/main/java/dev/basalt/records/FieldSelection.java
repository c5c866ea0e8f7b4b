package dev.basalt.records;

import dev.basalt.shared.FieldError;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code fields} query parameter: which top-level keys of a record to return ({@code *} for all), each
 * optionally with PocketBase's {@code :excerpt(max, withEllipsis)} modifier, which returns plain text (HTML tags
 * stripped, whitespace collapsed) cut to {@code max} characters.
 */
public final class FieldSelection {
    /** Every key, unchanged. */
    public static final FieldSelection ALL = new FieldSelection(null);
    private static final Pattern EXCERPT = Pattern.compile("^excerpt\\(\\s*(\\d+)\\s*(?:,\\s*(true|false)\\s*)?\\)$");
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private record Excerpt(int max, boolean ellipsis) {
    }

    /** Selected key to its excerpt (null for none), or null for all keys. */
    private final Map<String, Excerpt> selected;
    /** Selections inside the values of keys given as paths ({@code expand.author.name}). */
    private final Map<String, Map<String, Excerpt>> nested = new LinkedHashMap<>();

    private FieldSelection(Map<String, Excerpt> selected) {
        this.selected = selected;
    }

    /**
     * Parses the parameter; blank means all keys. A dotted item selects inside a key's value, e.g.
     * {@code expand.author.name} keeps only {@code name} of {@code expand.author} (objects or arrays of objects).
     */
    public static FieldSelection parse(String fields) {
        if (fields == null || fields.isBlank()) {
            return ALL;
        }
        Map<String, Excerpt> out = new LinkedHashMap<>();
        for (String part : splitTopLevel(fields)) {
            String item = part.trim();
            if (item.isEmpty()) {
                continue;
            }
            int colon = item.indexOf(':');
            String name = colon < 0 ? item : item.substring(0, colon);
            Excerpt excerpt = null;
            if (colon >= 0) {
                Matcher m = EXCERPT.matcher(item.substring(colon + 1).trim());
                if (!m.matches()) {
                    throw RecordErrors.INVALID_FIELDS.exception(Map.of("fields",
                            new FieldError("validation_invalid_fields", "Unknown modifier in \"" + item + "\".")));
                }
                excerpt = new Excerpt(Integer.parseInt(m.group(1)), "true".equals(m.group(2)));
            }
            out.put(name, excerpt);
        }
        return out.isEmpty() ? ALL : of(out);
    }

    private static FieldSelection of(Map<String, Excerpt> items) {
        Map<String, Excerpt> top = new LinkedHashMap<>();
        Map<String, Map<String, Excerpt>> nested = new LinkedHashMap<>();
        items.forEach((name, excerpt) -> {
            int dot = name.indexOf('.');
            if (dot > 0) {
                nested.computeIfAbsent(name.substring(0, dot), k -> new LinkedHashMap<>())
                        .put(name.substring(dot + 1), excerpt);
            } else {
                top.put(name, excerpt);
            }
        });
        FieldSelection selection = new FieldSelection(top);
        selection.nested.putAll(nested);
        return selection;
    }

    /** Keeps only the selected keys of a record's JSON and applies excerpts, in place. */
    public Map<String, Object> apply(Map<String, Object> json) {
        if (selected == null) {
            return json;
        }
        Excerpt starred = selected.get("*");
        boolean all = selected.containsKey("*");
        for (Iterator<Map.Entry<String, Object>> it = json.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Object> e = it.next();
            Map<String, Excerpt> inner = nested.get(e.getKey());
            if (!all && !selected.containsKey(e.getKey()) && inner == null) {
                it.remove();
                continue;
            }
            if (inner != null) {
                applyInside(of(inner), e.getValue());
                continue;
            }
            Excerpt excerpt = selected.containsKey(e.getKey()) ? selected.get(e.getKey()) : starred;
            if (excerpt != null && e.getValue() instanceof String s) {
                e.setValue(excerpt(s, excerpt));
            }
        }
        return json;
    }

    @SuppressWarnings("unchecked")
    private static void applyInside(FieldSelection selection, Object value) {
        if (value instanceof Map<?, ?> map) {
            selection.apply((Map<String, Object>) map);
        } else if (value instanceof java.util.List<?> list) {
            list.forEach(item -> applyInside(selection, item));
        }
    }

    private static String excerpt(String html, Excerpt e) {
        String text = SPACES.matcher(TAGS.matcher(html).replaceAll(" ")).replaceAll(" ").trim();
        if (text.codePointCount(0, text.length()) <= e.max()) {
            return text;
        }
        String cut = text.substring(0, text.offsetByCodePoints(0, e.max())).trim();
        return e.ellipsis() ? cut + "..." : cut;
    }

    /** Splits on commas outside parentheses, so {@code excerpt(200,true)} stays whole. */
    private static Iterable<String> splitTopLevel(String s) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (c == ',' && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }
}
