package dev.basalt.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the caller sent, for {@code @request.method}, {@code @request.context}, {@code @request.query.*},
 * {@code @request.headers.*} and {@code @request.body.*}.
 *
 * @param method  the HTTP method, upper case ({@code GET}, {@code POST}, ...)
 * @param context one of {@link #CONTEXTS}: why the rule is checked ({@code default} for the records API)
 * @param query   query parameters (the first value of each)
 * @param headers headers by normalized name (lower case, {@code -} as {@code _}), the first value of each
 * @param body    the submitted body (String, Number, Boolean, List, Map or null values); empty when none
 */
public record RequestInfo(String method, String context, Map<String, String> query, Map<String, String> headers,
                          Map<String, Object> body) {
    /** PocketBase's request contexts. */
    public static final Set<String> CONTEXTS = Set.of("default", "oauth2", "otp", "password", "realtime",
            "protectedFile");
    /** The context of ordinary API requests. */
    public static final String DEFAULT_CONTEXT = "default";
    /** No request data: a GET in the default context. */
    public static final RequestInfo NONE = new RequestInfo("GET", DEFAULT_CONTEXT, Map.of(), Map.of(), Map.of());

    public RequestInfo {
        method = method == null ? "GET" : method.toUpperCase(Locale.ROOT);
        context = context == null ? DEFAULT_CONTEXT : context;
        if (!CONTEXTS.contains(context)) {
            throw new IllegalArgumentException("Unknown request context " + context);
        }
        query = copy(query);
        headers = copy(headers);
        body = copy(body);
    }

    /** A header name as rules write it: lower case, {@code -} as {@code _}. */
    public static String headerKey(String name) {
        return name.toLowerCase(Locale.ROOT).replace('-', '_');
    }

    /** A copy with this method and body. */
    public RequestInfo withBody(String newMethod, Map<String, Object> newBody) {
        return new RequestInfo(newMethod, context, query, headers, newBody);
    }

    /** A copy in this context. */
    public RequestInfo withContext(String newContext) {
        return new RequestInfo(method, newContext, query, headers, body);
    }

    private static <V> Map<String, V> copy(Map<String, V> map) {
        // null values are meaningful in a body ("field": null), so Map.copyOf cannot be used
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
