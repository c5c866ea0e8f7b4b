package dev.basalt.access;

import dev.basalt.collections.Collection;
import dev.basalt.query.RequestInfo;
import dev.basalt.shared.Caller;
import java.util.Objects;

/**
 * One rule or client filter to check against the records of a collection, for a caller and what it sent: the one
 * request object of {@link AccessRules#condition} and {@link AccessRules#rowCondition}.
 *
 * @param collection   the collection whose records the expression reads
 * @param expression   the rule or filter; for a rule, {@code null} means superusers only and {@code ""} everyone
 * @param caller       who asks
 * @param info         what the caller sent ({@code @request.*}); its body already holds rule values
 * @param clientFilter true for a filter the caller wrote (reaches hidden fields and other collections only as the
 *                     records API's {@code filter} does; superusers get no bypass); false for a rule
 */
public record RuleCheck(Collection collection, String expression, Caller caller, RequestInfo info,
                        boolean clientFilter) {
    public RuleCheck {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(caller, "caller");
        info = info == null ? RequestInfo.NONE : info;
    }

    /** One of the collection's five record rules. */
    public static RuleCheck of(Collection collection, RuleType type, Caller caller, RequestInfo info) {
        return new RuleCheck(collection, AccessRules.rule(collection, type), caller, info, false);
    }

    /** Another rule of the collection (e.g. {@code manageRule}, {@code authRule}). */
    public static RuleCheck rule(Collection collection, String expression, Caller caller, RequestInfo info) {
        return new RuleCheck(collection, expression, caller, info, false);
    }

    /** A filter the caller wrote (e.g. a realtime subscription's {@code filter}). */
    public static RuleCheck filter(Collection collection, String expression, Caller caller, RequestInfo info) {
        return new RuleCheck(collection, expression == null ? "" : expression, caller, info, true);
    }
}
