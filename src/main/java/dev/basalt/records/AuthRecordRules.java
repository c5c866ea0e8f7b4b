package dev.basalt.records;

import dev.basalt.query.RequestInfo;
import dev.basalt.access.AccessRules;
import dev.basalt.access.RuleCheck;
import dev.basalt.collections.Collection;
import dev.basalt.shared.Caller;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Who may manage an auth record and see its email, as PocketBase decides: superusers always; the record's
 * owner sees its own email; a caller matching the collection's {@code manageRule} manages the record (sets
 * email and verified directly, changes the password without the old one) and sees its email; others see the
 * email only when {@code emailVisibility} is true.
 */
@Component
public class AuthRecordRules {
    private final DSLContext dsl;
    private final AccessRules rules;

    public AuthRecordRules(DSLContext dsl, AccessRules rules) {
        this.dsl = dsl;
        this.rules = rules;
    }

    /** True when the caller may fully manage this (stored, possibly just inserted) record. */
    public boolean canManage(Collection collection, String id, Caller caller) {
        if (!collection.isAuth()) {
            return false;
        }
        if (caller.superuser()) {
            return true;
        }
        return !managedIds(collection, List.of(id), caller).isEmpty();
    }

    /** The ids among these stored rows whose email the caller may see. */
    Set<String> emailVisible(Collection collection, List<Map<String, Object>> rows, Caller caller) {
        Set<String> visible = new HashSet<>();
        List<String> others = new java.util.ArrayList<>();
        for (Map<String, Object> row : rows) {
            String id = (String) row.get("id");
            boolean own = caller.collectionId().equals(collection.id()) && caller.id().equals(id);
            if (caller.superuser() || own || Boolean.TRUE.equals(row.get("emailVisibility"))) {
                visible.add(id);
            } else {
                others.add(id);
            }
        }
        if (!others.isEmpty()) {
            visible.addAll(managedIds(collection, others, caller));
        }
        return visible;
    }

    private Set<String> managedIds(Collection collection, java.util.Collection<String> ids, Caller caller) {
        String manageRule = collection.authOptions().manageRule();
        if (manageRule == null || manageRule.isBlank() || caller.anonymous()) {
            return Set.of();
        }
        var condition = rules.condition(RuleCheck.rule(collection, manageRule, caller, RequestInfo.NONE)).and(RecordTables.id(collection).in(ids));
        return new HashSet<>(dsl.select(RecordTables.id(collection)).from(RecordTables.table(collection))
                .where(condition).fetch(RecordTables.id(collection)));
    }
}
