package dev.basalt.query;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values a filter may read besides columns.
 *
 * @param auth         values for {@code @request.auth.*}: empty when anonymous; otherwise the keys {@code id},
 *                     {@code collectionId}, {@code collectionName} plus the auth record's other fields (String,
 *                     Number, Boolean, OffsetDateTime, String[] or List for multi-values, null)
 * @param placeholders values for {@code {:name}} placeholders (same value types)
 * @param clock        the clock of the datetime macros ({@code @now}, ...), read in UTC
 * @param info         what the caller sent: method, context, query, headers, body
 */
public record RequestContext(Map<String, Object> auth, Map<String, Object> placeholders, Clock clock,
                             RequestInfo info) {
    public RequestContext {
        auth = copy(auth);
        placeholders = copy(placeholders);
        clock = clock == null ? Clock.systemUTC() : clock;
        info = info == null ? RequestInfo.NONE : info;
    }

    /** A context without request data ({@link RequestInfo#NONE}). */
    public RequestContext(Map<String, Object> auth, Map<String, Object> placeholders, Clock clock) {
        this(auth, placeholders, clock, RequestInfo.NONE);
    }

    /** No auth, no placeholders, the system clock. */
    public static RequestContext anonymous() {
        return new RequestContext(Map.of(), Map.of(), Clock.systemUTC());
    }

    private static Map<String, Object> copy(Map<String, Object> map) {
        // null values are meaningful (an empty date field), so Map.copyOf cannot be used
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
