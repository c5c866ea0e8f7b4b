package dev.basalt.hooks.js;

import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionRegistry;
import dev.basalt.records.RecordData;
import dev.basalt.records.RecordErrors;
import dev.basalt.records.RecordJson;
import dev.basalt.records.RecordReads;
import dev.basalt.records.RecordTables;
import dev.basalt.settings.SettingsStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.graalvm.polyglot.HostAccess;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SelectLimitStep;
import org.jooq.impl.DSL;

/**
 * The record finders of {@code $app} that take {@code $dbx} expressions or plain values ({@code findAllRecords(c,
 * ...exprs)}, {@code countRecords}, {@code findRecordsByIds}, {@code findFirstRecordByData},
 * {@code findAuthRecordByEmail}, {@code recordQuery(c)...all()}), {@code isCollectionNameUnique} and
 * {@code settings()}. They read as a superuser, without rules, as PocketBase's; records cross as their JSON with
 * hidden fields, as {@code findRecordById} gives them. Failures come back as {@code {"error": ...}} (see
 * {@link JsDb}).
 */
public final class JsFinders {
    private final JsDb db;
    private final DSLContext dsl;
    private final CollectionRegistry collections;
    private final RecordReads reads;
    private final SettingsStore settings;

    JsFinders(JsDb db, DSLContext dsl, CollectionRegistry collections, RecordReads reads, SettingsStore settings) {
        this.db = db;
        this.dsl = dsl;
        this.collections = collections;
        this.reads = reads;
        this.settings = settings;
    }

    /**
     * Records of {@code collection} matching every expression of {@code exprsJson} (a JSON list), ordered by
     * {@code orderBy} (the hook's SQL, e.g. {@code created DESC}), at most {@code limit} (0: up to
     * {@link JsApp#FIND_ALL_LIMIT}) after {@code offset}.
     */
    @HostAccess.Export
    public String records(String collection, String exprsJson, String orderBy, int limit, int offset) {
        return db.envelope(() -> {
            Collection c = collection(collection);
            Condition where = condition(exprsJson);
            int max = limit <= 0 ? JsApp.FIND_ALL_LIMIT : Math.min(limit, JsApp.FIND_ALL_LIMIT);
            var select = dsl.select(RecordTables.id(c)).from(RecordTables.table(c)).where(where);
            SelectLimitStep<?> ordered = orderBy == null || orderBy.isBlank() ? select
                    : select.orderBy(DSL.field(JsSql.of(orderBy, Map.of())));
            List<String> ids = ordered.limit(max).offset(Math.max(0, offset)).fetch(0, String.class);
            return Map.of("rows", rendered(c, ids));
        });
    }

    /** How many records of {@code collection} match every expression of {@code exprsJson}. */
    @HostAccess.Export
    public String count(String collection, String exprsJson) {
        return db.envelope(() -> {
            Collection c = collection(collection);
            return Map.of("count", dsl.fetchCount(RecordTables.table(c), condition(exprsJson)));
        });
    }

    /** The records with these ids (those that exist), in the order of the ids. */
    @HostAccess.Export
    public String byIds(String collection, String idsJson) {
        return db.envelope(() -> {
            Collection c = collection(collection);
            List<String> ids = (JsJson.read(idsJson) instanceof List<?> l ? l : List.of()).stream()
                    .filter(Objects::nonNull).map(String::valueOf).distinct().toList();
            return Map.of("rows", rendered(c, ids));
        });
    }

    /** The first record whose column {@code key} equals the value (JSON). */
    @HostAccess.Export
    public String firstByData(String collection, String key, String valueJson) {
        return db.envelope(() -> {
            Collection c = collection(collection);
            Object value = JsJson.read(valueJson);
            Condition where = value == null ? DSL.field(JsSql.name(key)).isNull()
                    : DSL.field(JsSql.name(key)).eq(DSL.field("{0}", Object.class, JsSql.value(value)));
            return Map.of("rows", reads.findWhere(c, where).map(r -> List.of(json(c, r)))
                    .orElse(List.of()));
        });
    }

    /** The record of an auth collection with this email (compared without case). */
    @HostAccess.Export
    public String authByEmail(String collection, String email) {
        return db.envelope(() -> {
            Collection c = collection(collection);
            if (!c.isAuth()) {
                throw new JsDbException("\"" + c.name() + "\" is not an auth collection");
            }
            return Map.of("rows", reads.findByEmail(c, email).map(r -> List.of(json(c, r)))
                    .orElse(List.of()));
        });
    }

    /** True when no collection but those of {@code excludeIdsJson} has this name (compared without case). */
    @HostAccess.Export
    public boolean nameUnique(String name, String excludeIdsJson) {
        List<?> exclude = JsJson.read(excludeIdsJson) instanceof List<?> l ? l : List.of();
        return collections.all().stream().noneMatch(c -> c.name().equalsIgnoreCase(name)
                && !exclude.contains(c.id()));
    }

    /** The application settings as the settings API shows them (PocketBase's shape, secrets left out). */
    @HostAccess.Export
    public String settings() {
        return JsJson.write(settings.current().toJson());
    }

    private Condition condition(String exprsJson) {
        Condition where = JsDbx.all(JsJson.read(exprsJson) instanceof List<?> l ? l : List.of());
        return where == null ? DSL.noCondition() : where;
    }

    /** The records with these ids as JSON, in the order of the ids. */
    private List<Object> rendered(Collection c, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, RecordData> byId = new HashMap<>();
        for (RecordData r : reads.findAll(c, RecordTables.id(c).in(ids), ids.size())) {
            byId.put(r.id(), r);
        }
        List<Object> out = new ArrayList<>();
        for (String id : ids) {
            RecordData r = byId.get(id);
            if (r != null) {
                out.add(json(c, r));
            }
        }
        return out;
    }

    private static Map<String, Object> json(Collection c, RecordData r) {
        return RecordJson.render(r, true, c.isAuth());
    }

    private Collection collection(String nameOrId) {
        return collections.find(nameOrId).orElseThrow(RecordErrors.COLLECTION_MISSING::exception);
    }
}
