package dev.basalt.records;

import dev.basalt.access.RuleType;
import dev.basalt.query.RequestInfo;
import dev.basalt.realtime.SubscriptionView;
import dev.basalt.shared.Caller;
import java.util.Map;
import java.util.Objects;

/**
 * Realtime subscriptions that share one access decision for a change: the rule they need (list or view), the
 * caller, and the options the rule and the subscription's filter may read ({@code @request.query.*},
 * {@code @request.headers.*}). A value, hashed once: the caller's hash reads every field of its auth record, and a
 * group is looked up twice per subscriber and change (grouping, then its kept checks).
 */
final class AudienceGroup {
    private static final String FILTER = "filter";
    /** Rules checked for realtime events see {@code @request.context = 'realtime'}, as in PocketBase. */
    private static final String REALTIME_CONTEXT = "realtime";

    private final RuleType type;
    private final Caller caller;
    private final Map<String, String> query;
    private final Map<String, String> headers;
    private final int hash;

    AudienceGroup(RuleType type, Caller caller, Map<String, String> query, Map<String, String> headers) {
        this.type = type;
        this.caller = caller;
        this.query = query;
        this.headers = headers;
        this.hash = Objects.hash(type, caller, query, headers);
    }

    static AudienceGroup of(SubscriptionView view) {
        RuleType type = view.wholeCollection() ? RuleType.LIST : RuleType.VIEW;
        return new AudienceGroup(type, view.caller(), view.query(), view.headers());
    }

    RuleType type() {
        return type;
    }

    Caller caller() {
        return caller;
    }

    Map<String, String> query() {
        return query;
    }

    Map<String, String> headers() {
        return headers;
    }

    /** The subscription's own {@code filter} option, "" for none. */
    String filter() {
        return query.getOrDefault(FILTER, "");
    }

    /** What the rules see as the request: a GET in the realtime context with the subscription's options. */
    RequestInfo requestInfo() {
        return new RequestInfo("GET", REALTIME_CONTEXT, query, headers, Map.of());
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof AudienceGroup g && g.hash == hash && g.type == type
                && g.caller.equals(caller) && g.query.equals(query) && g.headers.equals(headers);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "AudienceGroup[" + type + ", " + caller.id() + ", " + query + ", " + headers + "]";
    }
}
