package dev.basalt.records;

import dev.basalt.query.PageRequest;

/**
 * The list query parameters of the records API (the answer's {@code fields} and {@code expand} are the
 * {@link RecordRequest}'s shape). Paging is normalised by {@link PageRequest} (PocketBase's
 * defaults and limits); unparsable numbers fall back to the defaults, as in PocketBase.
 */
public record ListParams(PageRequest page, String sort, String filter, boolean skipTotal) {

    /** Parses raw query parameter values (any may be null). */
    public static ListParams parse(String page, String perPage, String sort, String filter, String skipTotal) {
        boolean skip = skipTotal != null && (skipTotal.equals("1") || skipTotal.equalsIgnoreCase("true"));
        return new ListParams(new PageRequest(intOr(page, 1), intOr(perPage, 0)), sort == null ? "" : sort,
                filter == null ? "" : filter, skip);
    }

    private static int intOr(String s, int fallback) {
        if (s == null || s.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
