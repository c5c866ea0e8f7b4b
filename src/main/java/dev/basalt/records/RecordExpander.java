package dev.basalt.records;

import dev.basalt.access.AccessRules;
import dev.basalt.access.RuleCheck;
import dev.basalt.access.RuleDecision;
import dev.basalt.access.RuleType;
import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.collections.fields.Field;
import dev.basalt.collections.fields.RelationField;
import dev.basalt.query.RequestInfo;
import dev.basalt.shared.Caller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;

/**
 * PocketBase's {@code expand}: replaces nothing, adds an {@code expand} object to each record with the related
 * records of the listed relation fields ({@code author}), back-relations ({@code comments_via_post}) and nested
 * paths ({@code comments_via_post.author}), up to {@link #MAX_DEPTH} levels. Each related record must pass its
 * own collection's viewRule for the caller, checked in SQL; one query per expanded key and level, never per
 * record. A single relation expands to an object, a multiple one and a back-relation to an array; paths that do
 * not resolve, and hidden relation fields for non-superusers, are skipped as PocketBase does.
 */
@Component
class RecordExpander {
    /** Deepest expand path, as PocketBase. */
    static final int MAX_DEPTH = 6;
    private static final Pattern VIA = Pattern.compile("^(\\w+)_via_(\\w+)$");
    private static final String EXPAND = "expand";

    private final DSLContext dsl;
    private final CollectionRegistry registry;
    private final AccessRules rules;

    RecordExpander(DSLContext dsl, CollectionRegistry registry, AccessRules rules) {
        this.dsl = dsl;
        this.registry = registry;
        this.rules = rules;
    }

    /**
     * Adds the objects of the request's {@code expand} to records of {@code collection} rendered as JSON, in place;
     * the viewRules read {@code @request.*} from the request's info.
     */
    void expand(Collection collection, List<Map<String, Object>> records, RecordRequest request) {
        String expand = request.shape().expand();
        if (expand == null || expand.isBlank() || records.isEmpty()) {
            return;
        }
        Caller caller = request.caller();
        RequestInfo info = request.info();
        expandLevel(collection, records, tree(expand), caller, info);
    }

    /** The expand parameter as a tree of keys: {@code a.b,a.c,d} is {a: {b, c}, d}. */
    private static Map<String, Map<String, ?>> tree(String expand) {
        Map<String, Map<String, ?>> root = new LinkedHashMap<>();
        for (String path : expand.split(",")) {
            String[] parts = path.trim().split("\\.");
            Map<String, Map<String, ?>> node = root;
            for (int i = 0; i < Math.min(parts.length, MAX_DEPTH); i++) {
                if (parts[i].isEmpty()) {
                    break;
                }
                @SuppressWarnings("unchecked")
                Map<String, Map<String, ?>> child = (Map<String, Map<String, ?>>) node.computeIfAbsent(parts[i],
                        k -> new LinkedHashMap<String, Map<String, ?>>());
                node = child;
            }
        }
        return root;
    }

    @SuppressWarnings("unchecked")
    private void expandLevel(Collection collection, List<Map<String, Object>> records,
                             Map<String, Map<String, ?>> keys, Caller caller, RequestInfo info) {
        for (Map.Entry<String, Map<String, ?>> key : keys.entrySet()) {
            List<Map<String, Object>> fetched = expandKey(collection, records, key.getKey(), caller, info);
            if (fetched != null && !fetched.isEmpty() && !key.getValue().isEmpty()) {
                Collection target = registry.find((String) fetched.getFirst().get("collectionId")).orElseThrow();
                expandLevel(target, fetched, (Map<String, Map<String, ?>>) key.getValue(), caller, info);
            }
        }
    }

    /** Expands one key of every record; returns the distinct fetched records (to expand further), or null. */
    private List<Map<String, Object>> expandKey(Collection collection, List<Map<String, Object>> records, String key,
                                                Caller caller, RequestInfo info) {
        Field field = collection.field(key).orElse(null);
        if (field instanceof RelationField r && (!r.hidden() || caller.superuser())) {
            Collection target = registry.find(r.collectionId()).orElse(null);
            Set<String> ids = new LinkedHashSet<>();
            records.forEach(rec -> ids.addAll(ids(rec.get(key))));
            if (target == null || ids.isEmpty()) {
                return null;
            }
            Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
            for (Map<String, Object> row : fetch(target, RecordTables.id(target).eq(DSL.any(array(ids))), caller, info)) {
                byId.put(RecordJson.id(row), row);
            }
            for (Map<String, Object> rec : records) {
                List<Map<String, Object>> found = ids(rec.get(key)).stream().map(byId::get)
                        .filter(java.util.Objects::nonNull).toList();
                if (!found.isEmpty()) {
                    expandOf(rec).put(key, r.multiple() ? found : found.getLast());
                }
            }
            return new ArrayList<>(byId.values());
        }
        Matcher via = VIA.matcher(key);
        Collection back = via.matches() ? registry.find(via.group(1)).orElse(null) : null;
        if (back == null || !(back.field(via.group(2)).orElse(null) instanceof RelationField b)
                || !b.collectionId().equals(collection.id()) || (b.hidden() && !caller.superuser())) {
            return null;
        }
        List<String> parents = records.stream().map(RecordJson::id).toList();
        org.jooq.Field<Object> column = RecordTables.column(back, b);
        Condition refers = b.multiple()
                ? DSL.condition("{0} && {1}", column, array(parents))
                : DSL.field("{0}", String.class, column).eq(DSL.any(array(parents)));
        List<Map<String, Object>> rows = fetch(back, refers, caller, info);
        for (Map<String, Object> rec : records) {
            String id = RecordJson.id(rec);
            List<Map<String, Object>> found = rows.stream().filter(row -> ids(row.get(b.name())).contains(id)).toList();
            if (!found.isEmpty()) {
                expandOf(rec).put(key, found);
            }
        }
        return rows;
    }

    /** The records of {@code target} matching {@code where} that the caller may view, as JSON. */
    private List<Map<String, Object>> fetch(Collection target, Condition where, Caller caller,
                                            RequestInfo info) {
        RuleDecision decision = rules.decide(target, RuleType.VIEW, caller);
        if (decision instanceof RuleDecision.SuperusersOnly) {
            return List.of();
        }
        Condition visible = rules.condition(RuleCheck.of(target, RuleType.VIEW, caller, info));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Record row : dsl.select(RecordStore.columns(target)).from(RecordTables.table(target))
                .where(where).and(visible).fetch()) {
            out.add(RecordJson.render(RecordStore.toRecord(target, row), caller.superuser(),
                    caller.superuser()));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> expandOf(Map<String, Object> record) {
        return (Map<String, Object>) record.computeIfAbsent(EXPAND, k -> new LinkedHashMap<String, Object>());
    }

    private static List<String> ids(Object json) {
        if (json instanceof String s) {
            return s.isEmpty() ? List.of() : List.of(s);
        }
        if (json instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    private static org.jooq.Field<String[]> array(java.util.Collection<String> ids) {
        return DSL.val(ids.toArray(String[]::new), SQLDataType.CLOB.array());
    }
}
