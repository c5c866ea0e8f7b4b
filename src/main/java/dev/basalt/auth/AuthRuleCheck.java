package dev.basalt.auth;

import dev.basalt.access.AccessRules;
import dev.basalt.access.RuleCheck;
import dev.basalt.collections.Collection;
import dev.basalt.query.RequestInfo;
import dev.basalt.records.RecordReads;
import dev.basalt.records.RecordTables;
import dev.basalt.shared.Caller;
import org.springframework.stereotype.Component;

/**
 * A collection's {@code authRule}, checked after a sign-in method succeeded and before a token is issued, as
 * PocketBase: null refuses every sign-in, "" allows all, an expression must hold for the record (evaluated for an
 * anonymous request, e.g. {@code verified = true}).
 */
@Component
class AuthRuleCheck {
    private final AccessRules rules;
    private final RecordReads store;

    AuthRuleCheck(AccessRules rules, RecordReads store) {
        this.rules = rules;
        this.store = store;
    }

    /** Throws 403 unless the record may sign in. */
    void require(Collection collection, String recordId) {
        require(collection, recordId, RequestInfo.NONE);
    }

    /**
     * Throws 403 unless the record may sign in; {@code @request.*} reads {@code info} (its context names the sign-in
     * method: {@code password}, {@code otp} or {@code oauth2}).
     */
    void require(Collection collection, String recordId, RequestInfo info) {
        String rule = collection.authOptions().authRule();
        if (rule == null) {
            throw AuthErrors.SIGN_IN_RULE_REFUSED.exception();
        }
        if (rule.isBlank()) {
            return;
        }
        var condition = rules.condition(RuleCheck.rule(collection, rule, Caller.ANONYMOUS, info)).and(RecordTables.id(collection).eq(recordId));
        if (!store.exists(collection, condition)) {
            throw AuthErrors.SIGN_IN_RULE_REFUSED.exception();
        }
    }
}
