package dev.basalt.realtime.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A parsed subscription: {@code topic[?options=JSON]} where options are {@code {"query":{...},"headers":{...}}}
 * (values as strings, header names in snake_case). Unreadable options count as none, as in PocketBase.
 *
 * @param name    the subscription as sent (the SSE event name)
 * @param topic   the part before {@code ?}
 * @param query   the options' query values
 * @param headers the options' header values
 */
record Subscription(String name, String topic, Map<String, String> query, Map<String, String> headers) {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String OPTIONS = "options";

    static Subscription parse(String name) {
        int q = name.indexOf('?');
        String topic = q < 0 ? name : name.substring(0, q);
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        if (q >= 0) {
            String options = param(name.substring(q + 1));
            if (options != null && !options.isBlank()) {
                try {
                    JsonNode json = JSON.readTree(options);
                    copy(json.get("query"), query, false);
                    copy(json.get("headers"), headers, true);
                } catch (JacksonException | IllegalArgumentException e) {
                    query.clear();
                    headers.clear();
                }
            }
        }
        return new Subscription(name, topic, Map.copyOf(query), Map.copyOf(headers));
    }

    /** True for {@code collection/*} (and the deprecated bare {@code collection}). */
    boolean wholeCollection() {
        return topic.endsWith("/*") || topic.indexOf('/') < 0;
    }

    private static String param(String queryString) {
        for (String pair : queryString.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(OPTIONS)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void copy(JsonNode from, Map<String, String> to, boolean snakeCaseKeys) {
        if (from == null || !from.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> e : from.properties()) {
            JsonNode v = e.getValue();
            String value = v == null || v.isNull() ? "" : v.isValueNode() ? v.asString() : v.toString();
            to.put(snakeCaseKeys ? snakeCase(e.getKey()) : e.getKey(), value);
        }
    }

    /** {@code X-Token} becomes {@code x_token}, {@code userAgent} becomes {@code user_agent}. */
    static String snakeCase(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(name.charAt(i - 1))) {
                out.append('_');
            }
            out.append(Character.isLetterOrDigit(c) ? c : '_');
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
