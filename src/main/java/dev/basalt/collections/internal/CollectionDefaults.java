package dev.basalt.collections.internal;

import dev.basalt.collections.Collection;
import dev.basalt.collections.IndexDefinition;
import dev.basalt.collections.SystemRoles;
import dev.basalt.collections.fields.AutodateField;
import dev.basalt.collections.fields.BoolField;
import dev.basalt.collections.fields.EmailField;
import dev.basalt.collections.fields.Field;
import dev.basalt.collections.fields.PasswordField;
import dev.basalt.collections.fields.RelationField;
import dev.basalt.collections.fields.TextField;
import java.util.List;

/**
 * The fields and indexes every collection of a type has, as PocketBase adds them: the {@code id} primary key,
 * for auth collections {@code password}, {@code tokenKey}, {@code email}, {@code emailVisibility},
 * {@code verified}, Basalt's {@code roles} (see {@link SystemRoles}) and unique indexes on tokenKey and email
 * (case-insensitive), and for new collections {@code created}/{@code updated}.
 */
final class CollectionDefaults {
    static final String ID = "id";
    /** Longest generated index name (PostgreSQL's identifier limit). */
    private static final int MAX_INDEX_NAME = IndexDefinition.MAX_NAME_BYTES;

    private CollectionDefaults() {
    }

    /**
     * Adds what is missing, at the end of the list so that error keys keep the submitted positions (call
     * {@link #moveIdFirst} once validated); {@code original} is the stored collection on update, null on create.
     */
    static void apply(CollectionBuilder b, Collection original) {
        if (Collection.VIEW.equals(b.type)) {
            return; // a view's fields are its query's columns
        }
        applySystem(b, original);
        if (original == null) {
            addIfMissing(b, AutodateField.created());
            addIfMissing(b, AutodateField.updated());
        }
    }

    /**
     * Adds the system fields and indexes of the type (not the {@code created}/{@code updated} autodates, which
     * PocketBase's scaffolds leave to the client); index names end with {@code b.id}.
     */
    static void applySystem(CollectionBuilder b, Collection original) {
        ensureIdField(b, original);
        if (Collection.AUTH.equals(b.type)) {
            ensureAuthFields(b, original);
            ensureUniqueIndex(b, "tokenKey", false, "");
            ensureUniqueIndex(b, "email", true, " WHERE `email` != ''");
        }
    }

    /** Puts the id field first, where PocketBase keeps it. */
    static void moveIdFirst(CollectionBuilder b) {
        int i = b.indexOfField(ID);
        if (i > 0) {
            b.fields.addFirst(b.fields.remove(i));
        }
    }

    private static void ensureIdField(CollectionBuilder b, Collection original) {
        int i = b.indexOfField(ID);
        if (i < 0) {
            Field previous = original == null ? null : original.field(ID).orElse(null);
            b.fields.add(previous != null ? previous : TextField.idField());
            return;
        }
        if (b.fields.get(i) instanceof TextField t) {
            b.fields.set(i, new TextField(t.id(), t.name(), t.type(), true, false, t.presentable(), true, t.min(),
                    t.max(), t.pattern().isEmpty() ? TextField.idField().pattern() : t.pattern(),
                    t.autogeneratePattern(), true));
        }
    }

    private static void ensureAuthFields(CollectionBuilder b, Collection original) {
        List<Field> defaults = List.of(
                new PasswordField(FieldIds.checksumId("password", "password"), "password", "password", true, true,
                        false, true, 8, 0, "", 0),
                new TextField(FieldIds.checksumId("text", "tokenKey"), "tokenKey", "text", true, true, false, true,
                        30, 60, "", "[a-zA-Z0-9]{50}", false),
                new EmailField(FieldIds.checksumId("email", "email"), "email", "email", true, false, false, true,
                        null, null),
                new BoolField(FieldIds.checksumId("bool", "emailVisibility"), "emailVisibility", "bool", true,
                        false, false, false),
                new BoolField(FieldIds.checksumId("bool", "verified"), "verified", "bool", true, false, false,
                        false),
                SystemRoles.field());
        for (Field def : defaults) {
            int i = b.indexOfField(def.name());
            if (i < 0) {
                Field previous = original == null ? null : original.field(def.name()).orElse(null);
                b.fields.add(previous != null ? previous : def);
            } else {
                b.fields.set(i, enforceSystem(b.fields.get(i)));
            }
        }
    }

    private static Field enforceSystem(Field f) {
        return switch (f) {
            case PasswordField p -> new PasswordField(p.id(), p.name(), p.type(), true, true, p.presentable(), true,
                    p.min(), p.max(), p.pattern(), p.cost());
            case TextField t -> new TextField(t.id(), t.name(), t.type(), true, true, t.presentable(), true, t.min(),
                    t.max(), t.pattern(), t.autogeneratePattern(), t.primaryKey());
            case EmailField e -> new EmailField(e.id(), e.name(), e.type(), true, false, e.presentable(), e.required(),
                    e.onlyDomains(), e.exceptDomains());
            case BoolField o -> new BoolField(o.id(), o.name(), o.type(), true, o.hidden(), o.presentable(),
                    o.required());
            case RelationField r when r.name().equals(SystemRoles.FIELD) -> SystemRoles.field();
            default -> f;
        };
    }

    /** Adds a unique index on the column unless one exists; {@code nocase} ones compare case-insensitively. */
    private static void ensureUniqueIndex(CollectionBuilder b, String column, boolean nocase, String where) {
        for (int i = 0; i < b.indexes.size(); i++) {
            try {
                IndexDefinition index = IndexDefinition.parse(b.indexes.get(i));
                if (index.isSingleColumnUnique(column)) {
                    IndexDefinition.Column c = index.columns().getFirst();
                    if (nocase && !c.nocase()) {
                        b.indexes.set(i, new IndexDefinition(true, index.name(), index.table(),
                                List.of(new IndexDefinition.Column(c.name(), true, c.descending())), index.where()).toSql());
                    }
                    return;
                }
            } catch (IllegalArgumentException e) {
                // reported by the validator
            }
        }
        String name = "idx_" + column + "_" + b.id;
        if (name.length() > MAX_INDEX_NAME) {
            name = name.substring(0, MAX_INDEX_NAME);
        }
        b.indexes.add("CREATE UNIQUE INDEX `" + name + "` ON `" + b.name + "` (`" + column + "`"
                + (nocase ? " COLLATE NOCASE" : "") + ")" + where);
    }

    private static void addIfMissing(CollectionBuilder b, Field field) {
        if (b.indexOfField(field.name()) >= 0) {
            return;
        }
        boolean idTaken = b.fields.stream().anyMatch(f -> f.id().equals(field.id()));
        b.fields.add(idTaken ? field.withId(FieldIds.randomId(field.type(), b.fields)) : field);
    }
}
