package dev.basalt.collections;

import dev.basalt.collections.fields.AutodateField;
import dev.basalt.collections.fields.RelationField;
import dev.basalt.collections.fields.TextField;
import java.util.List;

/**
 * Basalt's roles, beyond PocketBase: the system collection {@code _roles} ({@code name} unique, {@code description})
 * managed by superusers only (every rule null), and the system field {@code roles} of every auth collection (a
 * multiple relation to {@code _roles}), so rules can say {@code @request.auth.roles.name ?= 'editor'}.
 */
public final class SystemRoles {
    /** The collection's id. */
    public static final String ID = "pbc_basalt_roles";
    /** The collection's name. */
    public static final String NAME = "_roles";
    /** The auth collections' field holding their records' roles. */
    public static final String FIELD = "roles";
    /** How many roles a record may hold. */
    public static final int MAX_ROLES = 100;

    private SystemRoles() {
    }

    /** The {@code _roles} collection. */
    public static Collection definition() {
        TextField name = new TextField("text1579384326", "name", "text", true, false, true, true, 1, 100, "", "",
                false);
        TextField description = new TextField("text1843675174", "description", "text", true, false, false, false, 0,
                1000, "", "", false);
        return new Collection(ID, NAME, Collection.BASE, true, List.of(TextField.idField(), name, description,
                new AutodateField("autodate2990389176", "created", "autodate", true, false, false, true, false),
                new AutodateField("autodate3332085495", "updated", "autodate", true, false, false, true, true)),
                List.of("CREATE UNIQUE INDEX `idx_roles_name` ON `_roles` (`name`)"),
                null, null, null, null, null, null, null);
    }

    /** The {@code roles} field every auth collection has. */
    public static RelationField field() {
        return new RelationField("relation1542800728", FIELD, "relation", true, false, false, false, ID, false, 0,
                MAX_ROLES);
    }
}
