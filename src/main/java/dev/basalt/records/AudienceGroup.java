package dev.basalt.records;

import dev.basalt.access.RuleType;
import dev.basalt.query.RequestInfo;
import dev.basalt.realtime.SubscriptionView;
import dev.basalt.shared.Caller;
import java.util.Map;

/**
 * Realtime subscriptions that share one access decision for a change: the rule they need (list or view), the
 * caller, and the options the rule and the subscription's filter may read ({@code @request.query.*},
 * {@code @request.headers.*}).
 */
record AudienceGroup(RuleType type, Caller caller, Map<String, String> query, Map<String, String> headers) {
    private static final String FILTER = "filter";
    /** Rules checked for realtime events see {@code @request.context = 'realtime'}, as in PocketBase. */
    private static final String REALTIME_CONTEXT = "realtime";

    static AudienceGroup of(SubscriptionView view) {
        RuleType type = view.wholeCollection() ? RuleType.LIST : RuleType.VIEW;
        return new AudienceGroup(type, view.caller(), view.query(), view.headers());
    }

    /** The subscription's own {@code filter} option, "" for none. */
    String filter() {
        return query.getOrDefault(FILTER, "");
    }

    /** What the rules see as the request: a GET in the realtime context with the subscription's options. */
    RequestInfo requestInfo() {
        return new RequestInfo("GET", REALTIME_CONTEXT, query, headers, Map.of());
    }
}
