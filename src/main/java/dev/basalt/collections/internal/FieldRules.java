package dev.basalt.collections.internal;

import dev.basalt.collections.Collection;
import dev.basalt.collections.fields.BoolField;
import dev.basalt.collections.fields.EmailField;
import dev.basalt.collections.fields.Field;
import dev.basalt.collections.fields.PasswordField;
import dev.basalt.collections.fields.TextField;
import dev.basalt.shared.ValidationErrors;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Checks of a collection's field list: names, ids, reserved names, system fields and type changes. */
final class FieldRules {
    /** Longest field id (as PocketBase). */
    static final int MAX_ID_LENGTH = 100;
    /** Longest field name (as PocketBase); PostgreSQL's byte limit applies as well. */
    static final int MAX_NAME_LENGTH = 100;
    /**
     * Names a field cannot have: filter literals and record JSON keys (as PocketBase), and PostgreSQL's system
     * column names, which every table already has.
     */
    static final Set<String> RESERVED_NAMES = Set.of("null", "true", "false", "_rowid_", "collectionId",
            "collectionName", "expand", "tableoid", "xmin", "cmin", "xmax", "cmax", "ctid");
    /** Names an auth collection's fields cannot have (request keys of the auth endpoints). */
    static final Set<String> RESERVED_AUTH_NAMES = Set.of("passwordConfirm", "oldPassword");
    private static final Map<String, Class<? extends Field>> AUTH_FIELDS = Map.of(
            "password", PasswordField.class, "tokenKey", TextField.class, "email", EmailField.class,
            "emailVisibility", BoolField.class, "verified", BoolField.class);

    private FieldRules() {
    }

    static void check(Collection c, Collection original, ValidationErrors errors) {
        List<Field> fields = c.fields();
        if (fields.isEmpty()) {
            errors.add("fields", "validation_required", "Cannot be blank.");
            return;
        }
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            String prefix = "fields." + i;
            checkId(f, prefix, ids, errors);
            checkName(f, c, prefix, names, errors);
            if (f instanceof TextField t && t.primaryKey() && !CollectionDefaults.ID.equals(t.name())) {
                errors.add(prefix + ".primaryKey", "validation_primary_key_not_allowed",
                        "Only the id field can be the primary key.");
            }
            Field old = original == null ? null : original.fieldById(f.id()).orElse(null);
            if (old != null && !old.type().equals(f.type())) {
                errors.add(prefix + ".type", "validation_field_type_change", "Field type cannot be changed.");
            }
            f.validateOptions(prefix, errors);
        }
        if (!(c.field(CollectionDefaults.ID).orElse(null) instanceof TextField id) || !id.primaryKey()) {
            errors.add("fields", "validation_missing_primary_key", "Missing or invalid \"id\" PK field.");
        }
        if (original != null) {
            for (Field old : original.fields()) {
                Field now = c.fieldById(old.id()).orElse(null);
                if (old.system() && (now == null || !now.name().equals(old.name()))) {
                    errors.add("fields", "validation_system_field_change",
                            "System fields cannot be deleted or renamed.");
                }
            }
        }
        if (c.isAuth()) {
            AUTH_FIELDS.forEach((name, type) -> {
                if (!type.isInstance(c.field(name).orElse(null))) {
                    errors.add("fields", "validation_missing_" + name + "_field",
                            "System \"" + name + "\" field is required.");
                }
            });
        }
    }

    private static void checkId(Field f, String prefix, Set<String> ids, ValidationErrors errors) {
        if (f.id() == null || f.id().isEmpty() || f.id().length() > MAX_ID_LENGTH) {
            errors.add(prefix + ".id", "validation_length_out_of_range",
                    "The length must be between 1 and " + MAX_ID_LENGTH + ".");
        } else if (!ids.add(f.id())) {
            errors.add(prefix + ".id", "validation_duplicated_field_id",
                    "Duplicated or invalid field id \"" + f.id() + "\".");
        }
    }

    private static void checkName(Field f, Collection c, String prefix, Set<String> names, ValidationErrors errors) {
        String name = f.name();
        String key = prefix + ".name";
        if (name == null || name.isEmpty()) {
            errors.add(key, "validation_required", "Cannot be blank.");
            return;
        }
        String error = Identifiers.check(name, MAX_NAME_LENGTH);
        if (error != null) {
            errors.add(key, Identifiers.errorCode(name, MAX_NAME_LENGTH), error);
        } else if (RESERVED_NAMES.contains(name) || (c.isAuth() && RESERVED_AUTH_NAMES.contains(name))) {
            errors.add(key, "validation_reserved_field_name", "The field name is reserved and cannot be used.");
        } else if (!names.add(name.toLowerCase(Locale.ROOT))) {
            errors.add(key, "validation_duplicated_field_name", "Duplicated or invalid field name " + name + ".");
        }
    }
}
