package dev.basalt.collections.internal;

import dev.basalt.collections.AuthOptions;
import dev.basalt.collections.Collection;
import dev.basalt.shared.ValidationErrors;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** Reads and writes the {@code _collections} table. */
final class CollectionRows {
    /** Key of a view collection's query in {@code options}. */
    static final String VIEW_QUERY = "viewQuery";
    static final Table<Record> TABLE = DSL.table(DSL.name("_collections"));
    private static final org.jooq.Field<String> ID = DSL.field(DSL.name("id"), String.class);
    private static final org.jooq.Field<String> NAME = DSL.field(DSL.name("name"), String.class);
    private static final org.jooq.Field<String> TYPE = DSL.field(DSL.name("type"), String.class);
    private static final org.jooq.Field<Boolean> SYSTEM = DSL.field(DSL.name("system"), Boolean.class);
    private static final org.jooq.Field<JSONB> FIELDS = DSL.field(DSL.name("fields"), JSONB.class);
    private static final org.jooq.Field<JSONB> INDEXES = DSL.field(DSL.name("indexes"), JSONB.class);
    private static final org.jooq.Field<String> LIST_RULE = DSL.field(DSL.name("list_rule"), String.class);
    private static final org.jooq.Field<String> VIEW_RULE = DSL.field(DSL.name("view_rule"), String.class);
    private static final org.jooq.Field<String> CREATE_RULE = DSL.field(DSL.name("create_rule"), String.class);
    private static final org.jooq.Field<String> UPDATE_RULE = DSL.field(DSL.name("update_rule"), String.class);
    private static final org.jooq.Field<String> DELETE_RULE = DSL.field(DSL.name("delete_rule"), String.class);
    private static final org.jooq.Field<JSONB> OPTIONS = DSL.field(DSL.name("options"), JSONB.class);
    private static final org.jooq.Field<OffsetDateTime> CREATED = DSL.field(DSL.name("created"), OffsetDateTime.class);
    private static final org.jooq.Field<OffsetDateTime> UPDATED = DSL.field(DSL.name("updated"), OffsetDateTime.class);

    private CollectionRows() {
    }

    /** Every stored collection, oldest first. */
    static List<Collection> loadAll(DSLContext dsl) {
        return dsl.select(ID, NAME, TYPE, SYSTEM, FIELDS, INDEXES, LIST_RULE, VIEW_RULE, CREATE_RULE, UPDATE_RULE,
                        DELETE_RULE, OPTIONS, CREATED, UPDATED)
                .from(TABLE)
                .orderBy(CREATED, ID)
                .fetch(r -> new Collection(r.get(ID), r.get(NAME), r.get(TYPE), r.get(SYSTEM),
                        JsonCodec.readFields(r.get(FIELDS).data()), JsonCodec.readStrings(r.get(INDEXES).data()),
                        r.get(LIST_RULE), r.get(VIEW_RULE), r.get(CREATE_RULE), r.get(UPDATE_RULE),
                        r.get(DELETE_RULE), r.get(CREATED), r.get(UPDATED),
                        authOptions(r.get(TYPE), r.get(OPTIONS).data()),
                        JsonCodec.readOption(r.get(OPTIONS).data(), VIEW_QUERY)));
    }

    static void insert(DSLContext dsl, Collection c) {
        dsl.insertInto(TABLE)
                .set(ID, c.id())
                .set(NAME, c.name())
                .set(TYPE, c.type())
                .set(SYSTEM, c.system())
                .set(FIELDS, fields(c))
                .set(INDEXES, indexes(c))
                .set(LIST_RULE, c.listRule())
                .set(VIEW_RULE, c.viewRule())
                .set(CREATE_RULE, c.createRule())
                .set(UPDATE_RULE, c.updateRule())
                .set(DELETE_RULE, c.deleteRule())
                .set(OPTIONS, options(c))
                .set(CREATED, c.created())
                .set(UPDATED, c.updated())
                .execute();
    }

    static void update(DSLContext dsl, Collection c) {
        dsl.update(TABLE)
                .set(NAME, c.name())
                .set(FIELDS, fields(c))
                .set(INDEXES, indexes(c))
                .set(LIST_RULE, c.listRule())
                .set(VIEW_RULE, c.viewRule())
                .set(CREATE_RULE, c.createRule())
                .set(UPDATE_RULE, c.updateRule())
                .set(DELETE_RULE, c.deleteRule())
                .set(OPTIONS, options(c))
                .set(UPDATED, c.updated())
                .where(ID.eq(c.id()))
                .execute();
    }

    static void delete(DSLContext dsl, String id) {
        dsl.deleteFrom(TABLE).where(ID.eq(id)).execute();
    }


    private static JSONB fields(Collection c) {
        return JSONB.valueOf(JsonCodec.writeFields(c.fields()));
    }

    /** The type-specific options kept in the {@code options} column: an auth collection's options, a view's query. */
    private static JSONB options(Collection c) {
        Map<String, Object> options = new LinkedHashMap<>();
        if (c.authOptions() != null) {
            options.putAll(c.authOptions().toStoredJson());
        }
        if (c.isView()) {
            options.put(VIEW_QUERY, c.viewQuery());
        }
        return JSONB.valueOf(JsonCodec.writeObject(options));
    }

    /** Stored options over the defaults (so options added in later versions get their default). */
    private static AuthOptions authOptions(String type, String json) {
        if (!Collection.AUTH.equals(type)) {
            return null;
        }
        ValidationErrors errors = new ValidationErrors();
        AuthOptions options = AuthOptionsReader.merge(AuthOptions.defaults(), JsonCodec.readObject(json), errors);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("Stored auth options are invalid: " + errors.asMap().keySet());
        }
        return options;
    }

    private static JSONB indexes(Collection c) {
        return JSONB.valueOf(JsonCodec.writeStrings(c.indexes()));
    }
}
