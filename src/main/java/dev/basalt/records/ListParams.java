package dev.basalt.records;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The list query parameters, normalised as PocketBase does: page at least 1, perPage 1..{@link #MAX_PER_PAGE}
 * (default {@link #DEFAULT_PER_PAGE}).
 */
public record ListParams(int page, int perPage, String sort, String filter, Set<String> fields, boolean skipTotal) {
    /** Page size when none is given. */
    public static final int DEFAULT_PER_PAGE = 30;
    /** Largest page size; larger requests are clamped. */
    public static final int MAX_PER_PAGE = 1000;

    /** Parses raw query parameter values (any may be null). */
    public static ListParams parse(String page, String perPage, String sort, String filter, String fields,
                                   String skipTotal) {
        int p = Math.max(1, intOr(page, 1));
        int pp = intOr(perPage, DEFAULT_PER_PAGE);
        pp = pp <= 0 ? DEFAULT_PER_PAGE : Math.min(pp, MAX_PER_PAGE);
        boolean skip = skipTotal != null && (skipTotal.equals("1") || skipTotal.equalsIgnoreCase("true"));
        return new ListParams(p, pp, sort == null ? "" : sort, filter == null ? "" : filter, fieldSet(fields), skip);
    }

    /** The {@code fields} parameter as a set of top-level names, or null for all fields. */
    public static Set<String> fieldSet(String fields) {
        if (fields == null || fields.isBlank()) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream(fields.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.contains(":") ? s.substring(0, s.indexOf(':')) : s)
                .forEach(out::add);
        return out;
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
