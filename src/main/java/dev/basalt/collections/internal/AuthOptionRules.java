package dev.basalt.collections.internal;

import dev.basalt.collections.AuthOptions;
import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionSchemas;
import dev.basalt.collections.IndexDefinition;
import dev.basalt.query.QueryCompiler;
import dev.basalt.query.QueryException;
import dev.basalt.shared.ValidationErrors;
import java.util.List;
import java.util.Objects;

/**
 * Checks of an auth collection's options, as PocketBase: the auth, manage and MFA rules compile, a system
 * collection's rules stay as they are, {@code manageRule} is null or not blank, and password sign-in names at
 * least one identity field, each with a single-column unique index; MFA needs two sign-in methods. OAuth2,
 * which this server does not provide, cannot be enabled.
 */
final class AuthOptionRules {
    private static final QueryCompiler COMPILER = new QueryCompiler();

    private AuthOptionRules() {
    }

    static void check(Collection c, Collection original, ValidationErrors errors) {
        AuthOptions o = c.authOptions();
        if (o == null) {
            return;
        }
        if (o.manageRule() != null && o.manageRule().isBlank()) {
            errors.add("manageRule", "validation_nil_or_not_empty_required", "Must be null or a non-empty rule.");
        }
        compile(c, "authRule", o.authRule(), errors);
        compile(c, "manageRule", o.manageRule(), errors);
        compile(c, "mfa.rule", o.mfa().rule(), errors);
        if (original != null && original.system() && original.authOptions() != null) {
            unchanged("authRule", original.authOptions().authRule(), o.authRule(), errors);
            unchanged("manageRule", original.authOptions().manageRule(), o.manageRule(), errors);
        }
        if (o.passwordAuth().enabled()) {
            checkIdentityFields(c, o.passwordAuth().identityFields(), errors);
        }
        unsupported("oauth2.enabled", o.oauth2().enabled(), "OAuth2", errors);
        int methods = (o.passwordAuth().enabled() ? 1 : 0) + (o.otp().enabled() ? 1 : 0);
        if (o.mfa().enabled() && methods < 2) {
            errors.add("mfa.enabled", "validation_mfa_not_enough_auths",
                    "MFA requires at least 2 auth methods to be enabled.");
        }
    }

    private static void checkIdentityFields(Collection c, List<String> names, ValidationErrors errors) {
        String key = "passwordAuth.identityFields";
        if (names.isEmpty()) {
            errors.add(key, "validation_required", "Cannot be blank.");
            return;
        }
        for (String name : names) {
            if (c.field(name).isEmpty()) {
                errors.add(key, "validation_missing_field", "Missing field \"" + name + "\".");
                return;
            }
            if (!hasUniqueIndex(c, name)) {
                errors.add(key, "validation_field_invalid_unique_index",
                        "The field \"" + name + "\" doesn't have a UNIQUE index.");
                return;
            }
        }
    }

    private static boolean hasUniqueIndex(Collection c, String field) {
        for (String raw : c.indexes()) {
            try {
                if (IndexDefinition.parse(raw).isSingleColumnUnique(field)) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                // reported by the index checks
            }
        }
        return false;
    }

    private static void compile(Collection c, String key, String rule, ValidationErrors errors) {
        if (rule == null || rule.isBlank() || !errors.isEmpty()) {
            return;
        }
        try {
            COMPILER.validate(rule, CollectionSchemas.of(c), true);
        } catch (QueryException e) {
            errors.add(key, "validation_invalid_rule", e.getMessage().replaceFirst("^Invalid filter", "Invalid rule"));
        }
    }

    private static void unchanged(String key, String before, String after, ValidationErrors errors) {
        if (!Objects.equals(before, after)) {
            errors.add(key, "validation_collection_system_rule_change", "System collection API rule cannot be changed.");
        }
    }

    private static void unsupported(String key, boolean enabled, String method, ValidationErrors errors) {
        if (enabled) {
            errors.add(key, "validation_not_supported", method + " sign-in is not supported by this server.");
        }
    }
}
