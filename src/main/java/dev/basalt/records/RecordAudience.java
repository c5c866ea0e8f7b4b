package dev.basalt.records;

import dev.basalt.access.AccessRules;
import dev.basalt.access.RuleCheck;
import dev.basalt.access.RuleDecision;
import dev.basalt.access.RuleType;
import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.query.QueryException;
import dev.basalt.query.RequestInfo;
import dev.basalt.query.RowCondition;
import dev.basalt.realtime.ChangeAudience;
import dev.basalt.realtime.ChangeEvent;
import dev.basalt.realtime.SubscriptionView;
import dev.basalt.shared.ApiException;
import dev.basalt.shared.Caller;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who receives a record change and what: a {@code collection/*} subscription needs the list rule, a
 * {@code collection/ID} one the view rule, and both the subscription's own {@code filter}. Subscriptions are
 * grouped by (rule, caller, options) so each distinct check runs once; checks that read only the record and
 * {@code @request.auth} run in memory, the rest in one SQL query for the whole change ({@link SnapshotQuery}).
 * Deletes are checked against the record as it was. The record is rendered as the records API renders it for the
 * caller (hidden fields, {@code fields}). As in PocketBase, rules and filters see the subscription's
 * {@code options.query} and {@code options.headers} as {@code @request.query.*} and {@code @request.headers.*}.
 */
@Component
class RecordAudience implements ChangeAudience {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FILTER = "filter";
    private static final String FIELDS = "fields";
    private static final String EXPAND = "expand";
    /** Rules checked for realtime events see {@code @request.context = 'realtime'}, as in PocketBase. */
    private static final String REALTIME_CONTEXT = "realtime";

    /** Subscriptions that share one access decision: the rule, the caller and the options the rule may read. */
    private record GroupKey(RuleType type, Caller caller, Map<String, String> query, Map<String, String> headers) {
        static GroupKey of(RuleType type, SubscriptionView view) {
            return new GroupKey(type, view.caller(), view.query(), view.headers());
        }

        String filter() {
            return query.getOrDefault(FILTER, "");
        }

        RequestInfo requestInfo() {
            return new RequestInfo("GET", REALTIME_CONTEXT, query, headers, Map.of());
        }
    }

    private final CollectionRegistry collections;
    private final AccessRules rules;
    private final SnapshotQuery snapshotQuery;
    private final RecordExpander expander;
    private final RecordEnrichment enrichment;

    RecordAudience(CollectionRegistry collections, AccessRules rules,
                   SnapshotQuery snapshotQuery, RecordExpander expander, RecordEnrichment enrichment) {
        this.expander = expander;
        this.enrichment = enrichment;
        this.collections = collections;
        this.rules = rules;
        this.snapshotQuery = snapshotQuery;
    }

    @Override
    public List<String> messages(ChangeEvent change, List<SubscriptionView> candidates) {
        String[] out = new String[candidates.size()];
        Optional<Collection> found = collections.find(change.collectionId());
        if (found.isEmpty()) {
            return Arrays.asList(out);
        }
        Collection collection = found.get();
        RecordData row = RecordSnapshots.decode(collection, change.snapshot());
        Map<GroupKey, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            SubscriptionView v = candidates.get(i);
            RuleType type = v.wholeCollection() ? RuleType.LIST : RuleType.VIEW;
            groups.computeIfAbsent(GroupKey.of(type, v), k -> new ArrayList<>()).add(i);
        }
        Map<GroupKey, Boolean> allowed = decide(collection, row, groups.keySet());
        Map<String, String> rendered = new HashMap<>();
        groups.forEach((key, members) -> {
            if (!allowed.getOrDefault(key, false)) {
                return;
            }
            for (int i : members) {
                String fields = candidates.get(i).query().getOrDefault(FIELDS, "");
                String expand = candidates.get(i).query().getOrDefault(EXPAND, "");
                Caller caller = key.caller();
                // Expanded records depend on who may view them and on the options their viewRules read, so those
                // messages are rendered per caller and options.
                // An enrich hook may answer each viewer differently, so then nothing is shared between callers.
                String cacheKey = expand.isBlank() && !enrichment.active() ? caller.superuser() + "|" + fields
                        : caller.superuser() + "|" + caller.collectionId() + "|" + caller.id() + "|" + fields + "|" + expand
                        + "|" + key.query() + "|" + key.headers();
                RequestInfo info = key.requestInfo();
                out[i] = rendered.computeIfAbsent(cacheKey,
                        k -> message(collection, row, change.action(), caller, fields, expand, info));
            }
        });
        return Arrays.asList(out);
    }

    /** The decision of every group: in memory where possible, the rest in one query. */
    private Map<GroupKey, Boolean> decide(Collection collection, RecordData row, Iterable<GroupKey> keys) {
        Map<GroupKey, Boolean> decided = new HashMap<>();
        Map<GroupKey, List<RowCondition>> pending = new LinkedHashMap<>();
        for (GroupKey key : keys) {
            RuleDecision decision = rules.decide(collection, key.type(), key.caller());
            if (decision instanceof RuleDecision.SuperusersOnly) {
                decided.put(key, false);
                continue;
            }
            if (decision instanceof RuleDecision.Allow && key.filter().isBlank()) {
                decided.put(key, true); // nothing to compile: with 1,000 callers, 1,000 compilations per change
                continue;
            }
            List<RowCondition> checks = new ArrayList<>();
            try {
                checks.add(rules.rowCondition(RuleCheck.of(collection, key.type(), key.caller(), key.requestInfo())));
                // the subscriber's filter is a client filter: the same reach as the records API's list
                checks.add(rules.rowCondition(RuleCheck.filter(collection, key.filter(), key.caller(),
                        key.requestInfo())));
            } catch (QueryException e) {
                decided.put(key, false); // an invalid subscription filter receives nothing
                continue;
            }
            List<RowCondition> forSql = new ArrayList<>();
            boolean denied = false;
            for (RowCondition c : checks) {
                Optional<Boolean> memory = c.always() ? Optional.of(true) : c.test(row.values());
                if (memory.isEmpty()) {
                    forSql.add(c);
                } else if (!memory.get()) {
                    denied = true;
                    break;
                }
            }
            if (denied) {
                decided.put(key, false);
            } else if (forSql.isEmpty()) {
                decided.put(key, true);
            } else {
                pending.put(key, forSql);
            }
        }
        if (!pending.isEmpty()) {
            decided.putAll(snapshotQuery.check(collection, row.values(), pending));
        }
        return decided;
    }

    private String message(Collection collection, RecordData row, String action, Caller caller,
                           String fields, String expand, RequestInfo info) {
        FieldSelection selection;
        try {
            selection = FieldSelection.parse(fields);
        } catch (ApiException e) {
            selection = FieldSelection.ALL;
        }
        Map<String, Object> record = RecordJson.render(row, caller.superuser(), caller.superuser());
        if (!expand.isBlank()) {
            expander.expand(collection, List.of(record),
                    new RecordRequest(caller, info, ResponseShape.of(null, expand)));
        }
        enrichment.enrich(collection, record, caller);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("action", action);
        data.put("record", selection.apply(record));
        return JSON.writeValueAsString(data);
    }
}
