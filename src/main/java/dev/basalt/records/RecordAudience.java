package dev.basalt.records;

import dev.basalt.access.AccessRules;
import dev.basalt.access.RuleDecision;
import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
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
import org.jooq.Condition;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who receives a record change and what: a {@code collection/*} subscription needs the list rule, a
 * {@code collection/ID} one the view rule, and both the subscription's own {@code filter}. Subscriptions are
 * grouped by (rule, caller, options) ({@link AudienceGroup}) so each distinct check runs once, compiled once per
 * group and schema version ({@link AudienceChecks}); checks that read only the record and {@code @request.auth}
 * run in memory, the rest in one SQL query for the whole change ({@link SnapshotQuery}).
 * Deletes are checked against the record as it was. The record is rendered as the records API renders it for the
 * caller (hidden fields, {@code fields}). As in PocketBase, rules and filters see the subscription's
 * {@code options.query} and {@code options.headers} as {@code @request.query.*} and {@code @request.headers.*}.
 */
@Component
class RecordAudience implements ChangeAudience {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FIELDS = "fields";
    private static final String EXPAND = "expand";

    private final CollectionRegistry collections;
    private final AccessRules rules;
    private final SnapshotQuery snapshotQuery;
    private final AudienceChecks checks;
    private final RecordExpander expander;
    private final RecordEnrichment enrichment;

    RecordAudience(CollectionRegistry collections, AccessRules rules, SnapshotQuery snapshotQuery,
                   AudienceChecks checks, RecordExpander expander, RecordEnrichment enrichment) {
        this.checks = checks;
        this.expander = expander;
        this.enrichment = enrichment;
        this.collections = collections;
        this.rules = rules;
        this.snapshotQuery = snapshotQuery;
    }

    @Override
    public List<String> messages(ChangeEvent change, List<SubscriptionView> candidates) {
        String[] out = new String[candidates.size()];
        long version = collections.version(); // read first: the collection found is of this version or a later one
        Optional<Collection> found = collections.find(change.collectionId());
        if (found.isEmpty()) {
            return Arrays.asList(out);
        }
        Collection collection = found.get();
        RecordData row = RecordSnapshots.decode(collection, change.snapshot());
        Map<AudienceGroup, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            groups.computeIfAbsent(AudienceGroup.of(candidates.get(i)), k -> new ArrayList<>()).add(i);
        }
        // checks are kept per registry version: a schema change between the two reads compiles them afresh
        long keptVersion = collections.version() == version ? version : -1;
        Map<AudienceGroup, Boolean> allowed = decide(collection, keptVersion, row, groups.keySet());
        Map<String, String> rendered = new HashMap<>();
        groups.forEach((key, members) -> {
            if (!allowed.getOrDefault(key, false)) {
                return;
            }
            Caller caller = key.caller();
            for (int i : members) {
                String fields = candidates.get(i).query().getOrDefault(FIELDS, "");
                String expand = candidates.get(i).query().getOrDefault(EXPAND, "");
                // Expanded records depend on who may view them and on the options their viewRules read, so those
                // messages are rendered per caller and options.
                // An enrich hook may answer each viewer differently, so then nothing is shared between callers.
                String cacheKey = expand.isBlank() && !enrichment.active() ? caller.superuser() + "|" + fields
                        : caller.superuser() + "|" + caller.collectionId() + "|" + caller.id() + "|" + fields + "|" + expand
                        + "|" + key.query() + "|" + key.headers();
                out[i] = rendered.computeIfAbsent(cacheKey,
                        k -> message(collection, row, change.action(), key, fields, expand));
            }
        });
        return Arrays.asList(out);
    }

    /**
     * The decision of every group: outright where the rule allows or denies everyone of it, else by its compiled
     * checks ({@link AudienceChecks}, kept between changes) in memory where possible, the rest in one query.
     */
    private Map<AudienceGroup, Boolean> decide(Collection collection, long version, RecordData row,
                                               Iterable<AudienceGroup> keys) {
        Map<AudienceGroup, Boolean> decided = new HashMap<>();
        Map<AudienceGroup, List<Condition>> pending = new LinkedHashMap<>();
        for (AudienceGroup key : keys) {
            RuleDecision decision = rules.decide(collection, key.type(), key.caller());
            if (decision instanceof RuleDecision.SuperusersOnly) {
                decided.put(key, false);
                continue;
            }
            if (decision instanceof RuleDecision.Allow && key.filter().isBlank()) {
                decided.put(key, true); // nothing to compile: with 1,000 callers, 1,000 compilations per change
                continue;
            }
            AudienceChecks.Compiled compiled = checks.checks(collection, version, key);
            if (compiled.invalid()) {
                decided.put(key, false); // an invalid subscription filter receives nothing
                continue;
            }
            List<Condition> forSql = new ArrayList<>();
            boolean denied = false;
            for (AudienceChecks.Check check : compiled.checks()) {
                RowCondition c = check.condition();
                Optional<Boolean> memory = c.always() ? Optional.of(true) : c.test(row.values());
                if (memory.isEmpty()) {
                    forSql.add(check.sql());
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

    private String message(Collection collection, RecordData row, String action, AudienceGroup group,
                           String fields, String expand) {
        Caller caller = group.caller();
        FieldSelection selection;
        try {
            selection = FieldSelection.parse(fields);
        } catch (ApiException e) {
            selection = FieldSelection.ALL;
        }
        Map<String, Object> record = RecordJson.render(row, caller.superuser(), caller.superuser());
        if (!expand.isBlank()) {
            expander.expand(collection, List.of(record),
                    new RecordRequest(caller, group.requestInfo(), ResponseShape.of(null, expand)));
        }
        enrichment.enrich(collection, record, caller);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("action", action);
        data.put("record", selection.apply(record));
        return JSON.writeValueAsString(data);
    }
}
