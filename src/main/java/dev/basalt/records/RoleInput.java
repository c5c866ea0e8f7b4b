package dev.basalt.records;

import dev.basalt.collections.Collection;
import dev.basalt.collections.SystemRoles;
import dev.basalt.shared.ValidationErrors;
import java.util.Map;
import java.util.Set;

/**
 * Roles are managed by superusers: a body from anyone else that touches an auth record's {@code roles} field
 * (also {@code roles+}, {@code +roles}, {@code roles-}) is refused with 400, whatever the collection's rules say.
 */
final class RoleInput {
    private static final Set<String> KEYS = Set.of(SystemRoles.FIELD, SystemRoles.FIELD + "+", "+" + SystemRoles.FIELD,
            SystemRoles.FIELD + "-");

    private RoleInput() {
    }

    static void check(Collection collection, Map<String, Object> body, boolean superuser, String message) {
        if (superuser || !collection.isAuth() || collection.field(SystemRoles.FIELD).isEmpty()) {
            return;
        }
        if (body.keySet().stream().anyMatch(KEYS::contains)) {
            ValidationErrors errors = new ValidationErrors();
            errors.add(SystemRoles.FIELD, "validation_values_mismatch", "Roles can be changed only by superusers.");
            errors.throwIfAny(message);
        }
    }
}
