package dev.basalt.query.internal.syntax;

import dev.basalt.query.QueryLimits;
import dev.basalt.query.internal.QueryError;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses PocketBase's sort expression: comma-separated fields, each optionally prefixed by {@code -} (descending) or
 * {@code +} (ascending); {@code @random} sorts randomly. Empty items are skipped.
 */
public final class SortParser {
    private static final Pattern FIELD = Pattern.compile("@?[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*");

    /**
     * One sort item.
     *
     * @param field      the field or {@code @random}
     * @param descending true for a {@code -} prefix
     * @param position   0-based offset of the field name in the sort expression
     */
    public record SortItem(String field, boolean descending, int position) {
    }

    private SortParser() {
    }

    /** The items of {@code sort}; empty for null or blank. */
    public static List<SortItem> parse(String sort) {
        List<SortItem> items = new ArrayList<>();
        if (sort == null) {
            return items;
        }
        int start = 0;
        while (start <= sort.length()) {
            int comma = sort.indexOf(',', start);
            int end = comma < 0 ? sort.length() : comma;
            item(sort, start, end, items);
            if (comma < 0) {
                break;
            }
            start = comma + 1;
        }
        return items;
    }

    private static void item(String sort, int start, int end, List<SortItem> items) {
        int from = start;
        int to = end;
        while (from < to && Character.isWhitespace(sort.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(sort.charAt(to - 1))) {
            to--;
        }
        if (from == to) {
            return;
        }
        boolean descending = false;
        char sign = sort.charAt(from);
        if (sign == '-' || sign == '+') {
            descending = sign == '-';
            from++;
        }
        String field = sort.substring(from, to);
        if (field.length() > QueryLimits.MAX_SORT_FIELD_LENGTH) {
            throw new QueryError("sort field longer than " + QueryLimits.MAX_SORT_FIELD_LENGTH + " characters", from);
        }
        if (!FIELD.matcher(field).matches()) {
            throw new QueryError("invalid sort field " + QueryError.quote(field), from);
        }
        if (items.size() >= QueryLimits.MAX_SORT_FIELDS) {
            throw new QueryError("too many sort fields (at most " + QueryLimits.MAX_SORT_FIELDS + ")", from);
        }
        items.add(new SortItem(field, descending, from));
    }
}
