package dev.basalt.access;

import dev.basalt.collections.Collection;
import dev.basalt.query.RequestContext;
import dev.basalt.query.RequestInfo;
import dev.basalt.shared.Caller;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * PocketBase's rule semantics: {@code null} means superusers only, {@code ""} everyone, an expression a row
 * filter. Superusers pass every rule. The expression itself is compiled by the query module.
 */
@Component
public class AccessRules {
    private final Clock clock;

    AccessRules(Clock clock) {
        this.clock = clock;
    }

    /** What the given rule of the collection means for the caller. */
    public RuleDecision decide(Collection collection, RuleType type, Caller caller) {
        if (caller.superuser()) {
            return new RuleDecision.Allow();
        }
        String rule = switch (type) {
            case LIST -> collection.listRule();
            case VIEW -> collection.viewRule();
            case CREATE -> collection.createRule();
            case UPDATE -> collection.updateRule();
            case DELETE -> collection.deleteRule();
        };
        if (rule == null) {
            return new RuleDecision.SuperusersOnly();
        }
        if (rule.isBlank()) {
            return new RuleDecision.Allow();
        }
        return new RuleDecision.Filter(rule);
    }

    /**
     * The {@code @request.*} values for this caller and request: {@code auth} from the caller, the rest from
     * {@code info} (its body normalized with {@link RequestInfos#body}).
     */
    public RequestContext requestContext(Caller caller, RequestInfo info) {
        RequestInfo request = info == null ? RequestInfo.NONE
                : info.withBody(info.method(), RequestInfos.body(info.body()));
        if (caller.anonymous()) {
            return new RequestContext(Map.of(), Map.of(), clock, request);
        }
        Map<String, Object> auth = new LinkedHashMap<>(caller.record());
        auth.put("id", caller.id());
        auth.put("collectionId", caller.collectionId());
        auth.put("collectionName", caller.collectionName());
        return new RequestContext(auth, Map.of(), clock, request);
    }
}
