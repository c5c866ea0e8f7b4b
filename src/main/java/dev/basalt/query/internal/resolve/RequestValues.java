package dev.basalt.query.internal.resolve;

import dev.basalt.query.RequestContext;
import dev.basalt.query.RequestInfo;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/**
 * The request-time values a filter can read: {@code @request.auth.*}, placeholders and the macros' clock. For rule
 * validation (no request yet) every {@code @request.auth.*} key is accepted and reads as missing.
 */
public final class RequestValues {
    /** Auth keys that read as "" (not null) for anonymous requests. */
    private static final Set<String> ANONYMOUS_BLANK_KEYS = Set.of("id", "collectionId", "collectionName");

    private final Map<String, Object> auth;
    private final Map<String, Object> placeholders;
    private final Clock clock;
    private final RequestInfo info;
    private final boolean validation;

    private RequestValues(Map<String, Object> auth, Map<String, Object> placeholders, Clock clock, RequestInfo info,
                          boolean validation) {
        this.auth = auth;
        this.placeholders = placeholders;
        this.clock = clock;
        this.info = info;
        this.validation = validation;
    }

    /** The values of a request. */
    public static RequestValues of(RequestContext context) {
        return new RequestValues(context.auth(), context.placeholders(), context.clock(), context.info(), false);
    }

    /** Values for checking an expression before any request: anonymous, no placeholders. */
    public static RequestValues forValidation() {
        return new RequestValues(Map.of(), Map.of(), Clock.systemUTC(), RequestInfo.NONE, true);
    }

    /** True when checking an expression before any request (a rule being saved). */
    public boolean validation() {
        return validation;
    }

    /** What the caller sent. */
    public RequestInfo info() {
        return info;
    }

    /** True when an auth record is known. */
    public boolean signedIn() {
        return !auth.isEmpty();
    }

    /** True when the auth record's values include this key (possibly null). */
    public boolean hasAuth(String key) {
        return auth.containsKey(key);
    }

    /** The value of {@code @request.auth.<key>}: null when missing, "" for id/collectionId/collectionName when anonymous. */
    public Object auth(String key) {
        if (auth.isEmpty()) {
            return ANONYMOUS_BLANK_KEYS.contains(key) ? "" : null;
        }
        return auth.get(key);
    }

    /** True when a placeholder of this name was given (its value may be null). */
    public boolean hasPlaceholder(String name) {
        return placeholders.containsKey(name);
    }

    /** The placeholder's value. */
    public Object placeholder(String name) {
        return placeholders.get(name);
    }

    public Clock clock() {
        return clock;
    }
}
