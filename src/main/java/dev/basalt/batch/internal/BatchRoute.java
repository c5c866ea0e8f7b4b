package dev.basalt.batch.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a sub-request asks for: the record action, the collection (id or name), the record id and the query
 * parameters. Only the four record write actions PocketBase allows in a batch are routes.
 *
 * @param action     create, update, upsert or delete
 * @param collection collection id or name (URL-decoded)
 * @param id         record id for update and delete, else null
 * @param query      decoded query parameters (first value of each)
 */
record BatchRoute(Action action, String collection, String id, Map<String, String> query) {
    /** The record actions a batch may run. */
    enum Action { CREATE, UPDATE, UPSERT, DELETE }

    private static final Pattern RECORDS = Pattern.compile("^/api/collections/([^/?]+)/records(?:\\?(.*))?$");
    private static final Pattern RECORD = Pattern.compile("^/api/collections/([^/?]+)/records/([^/?]+)(?:\\?(.*))?$");

    /** The route of a method and URL, or empty when a batch cannot run it. */
    static Optional<BatchRoute> match(String method, String url) {
        if (method == null || url == null) {
            return Optional.empty();
        }
        Matcher many = RECORDS.matcher(url);
        if (many.matches()) {
            Action action = switch (method) {
                case "POST" -> Action.CREATE;
                case "PUT" -> Action.UPSERT;
                default -> null;
            };
            return action == null ? Optional.empty()
                    : Optional.of(new BatchRoute(action, decode(many.group(1)), null, query(many.group(2))));
        }
        Matcher one = RECORD.matcher(url);
        if (one.matches()) {
            Action action = switch (method) {
                case "PATCH" -> Action.UPDATE;
                case "DELETE" -> Action.DELETE;
                default -> null;
            };
            return action == null ? Optional.empty() : Optional.of(
                    new BatchRoute(action, decode(one.group(1)), decode(one.group(2)), query(one.group(3))));
        }
        return Optional.empty();
    }

    private static Map<String, String> query(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.putIfAbsent(key, value);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
