package dev.basalt.records;

import dev.basalt.collections.Collection;
import dev.basalt.collections.SystemRoles;
import dev.basalt.shared.ValidationErrors;
import java.util.Arrays;

/**
 * Roles are managed by superusers: a body from anyone else that would change an auth record's {@code roles} field
 * (also through {@code roles+}, {@code +roles}, {@code roles-}) is refused with 400, whatever the collection's
 * rules say. Sending the stored roles back unchanged (a fetched record spread into an update) is fine, as
 * PocketBase treats {@code verified}.
 */
final class RoleInput {
    private RoleInput() {
    }

    /** Checks the draft of a create (no roles before) or an update against the stored roles. */
    static void check(RecordDraft draft, boolean superuser, RecordErrors failure) {
        Collection collection = draft.collection();
        if (superuser || !collection.isAuth() || collection.field(SystemRoles.FIELD).isEmpty()
                || !draft.writes(SystemRoles.FIELD)) {
            return;
        }
        Object after = draft.get(SystemRoles.FIELD);
        Object before = draft.original().map(current -> current.get(SystemRoles.FIELD)).orElse(new String[0]);
        if (!Arrays.equals(roles(after), roles(before))) {
            ValidationErrors errors = new ValidationErrors();
            errors.add(SystemRoles.FIELD, "validation_values_mismatch", "Roles can be changed only by superusers.");
            errors.throwIfAny(failure);
        }
    }

    private static String[] roles(Object value) {
        return value instanceof String[] arr ? arr : new String[0];
    }
}
