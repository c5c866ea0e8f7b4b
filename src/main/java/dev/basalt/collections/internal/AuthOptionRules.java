package dev.basalt.collections.internal;

import dev.basalt.collections.AuthOptions;
import dev.basalt.collections.Collection;
import dev.basalt.collections.CollectionSchemas;
import dev.basalt.collections.IndexDefinition;
import dev.basalt.query.QueryCompiler;
import dev.basalt.query.QueryException;
import dev.basalt.query.TableCatalog;
import dev.basalt.query.TableSchema;
import dev.basalt.shared.ValidationErrors;
import java.util.HashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.Objects;

/**
 * Checks of an auth collection's options, as PocketBase: the auth, manage and MFA rules compile, a system
 * collection's rules stay as they are, {@code manageRule} is null or not blank, and password sign-in names at
 * least one identity field, each with a single-column unique index; MFA needs two sign-in methods; enabled
 * OAuth2 providers are known, complete and unique.
 */
final class AuthOptionRules {
    private static final QueryCompiler COMPILER = new QueryCompiler();

    private AuthOptionRules() {
    }

    static void check(Collection c, Collection original, ValidationErrors errors) {
        check(c, original, List.of(), errors);
    }

    /** Like {@link #check(Collection, Collection, ValidationErrors)}, rules resolved among {@code others} too. */
    static void check(Collection c, Collection original, List<Collection> others, ValidationErrors errors) {
        List<Collection> all = new ArrayList<>(others);
        all.add(c);
        TableSchema schema = CollectionSchemas.of(c, CollectionSchemas.finder(all));
        TableCatalog catalog = CollectionSchemas.catalog(all);
        AuthOptions o = c.authOptions();
        if (o == null) {
            return;
        }
        if (o.manageRule() != null && o.manageRule().isBlank()) {
            errors.add("manageRule", "validation_nil_or_not_empty_required", "Must be null or a non-empty rule.");
        }
        compile(schema, catalog, "authRule", o.authRule(), errors);
        compile(schema, catalog, "manageRule", o.manageRule(), errors);
        compile(schema, catalog, "mfa.rule", o.mfa().rule(), errors);
        if (original != null && original.system() && original.authOptions() != null) {
            unchanged("authRule", original.authOptions().authRule(), o.authRule(), errors);
            unchanged("manageRule", original.authOptions().manageRule(), o.manageRule(), errors);
        }
        if (o.passwordAuth().enabled()) {
            checkIdentityFields(c, o.passwordAuth().identityFields(), errors);
        }
        if (o.oauth2().enabled()) {
            checkProviders(o.oauth2().providers(), errors);
        }
        int methods = (o.passwordAuth().enabled() ? 1 : 0) + (o.otp().enabled() ? 1 : 0)
                + (o.oauth2().enabled() ? 1 : 0);
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

    private static void compile(TableSchema schema, TableCatalog catalog, String key, String rule,
                                ValidationErrors errors) {
        if (rule == null || rule.isBlank() || !errors.isEmpty()) {
            return;
        }
        try {
            COMPILER.validate(rule, schema, true, catalog);
        } catch (QueryException e) {
            errors.add(key, "validation_invalid_rule", e.getMessage().replaceFirst("^Invalid filter", "Invalid rule"));
        }
    }

    private static void unchanged(String key, String before, String after, ValidationErrors errors) {
        if (!Objects.equals(before, after)) {
            errors.add(key, "validation_collection_system_rule_change", "System collection API rule cannot be changed.");
        }
    }

    /**
     * Each provider: a known name (once), a client id and secret, and for providers without endpoints of their own
     * (generic OpenID Connect, mailcow) either their URLs (OpenID Connect may leave out {@code userInfoURL}) or
     * {@code extra.issuer} (discovery); given URLs must be http(s).
     */
    private static void checkProviders(List<Map<String, Object>> providers, ValidationErrors errors) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < providers.size(); i++) {
            Map<String, Object> p = providers.get(i);
            String key = "oauth2.providers." + i;
            String name = String.valueOf(p.get("name"));
            if (!AuthOptions.OAuth2.PROVIDERS.contains(name)) {
                errors.add(key + ".name", "validation_invalid_provider",
                        "Must be one of " + new TreeSet<>(AuthOptions.OAuth2.PROVIDERS) + ".");
            } else if (!seen.add(name)) {
                errors.add(key + ".name", "validation_duplicated_provider", "The provider " + name + " is already registered.");
            }
            for (String required : List.of("clientId", AuthOptions.OAuth2.CLIENT_SECRET)) {
                if (!(p.get(required) instanceof String v) || v.isBlank()) {
                    errors.add(key + "." + required, "validation_required", "Cannot be blank.");
                }
            }
            for (String url : List.of("authURL", "tokenURL", "userInfoURL")) {
                Object v = p.get(url);
                if (v != null && !"".equals(v) && !(v instanceof String s && s.matches("^https?://\\S+$"))) {
                    errors.add(key + "." + url, "validation_is_url", "Must be an http(s) URL.");
                }
            }
            // Generic OpenID Connect reads the user from the id_token when there is no user-info URL.
            List<String> needed = name.startsWith("oidc") ? List.of("authURL", "tokenURL")
                    : List.of("authURL", "tokenURL", "userInfoURL");
            boolean urls = needed.stream().allMatch(u -> p.get(u) instanceof String s && !s.isBlank());
            boolean issuer = p.get("extra") instanceof Map<?, ?> extra && extra.get("issuer") instanceof String s
                    && s.matches("^https?://\\S+$");
            if (AuthOptions.OAuth2.SELF_HOSTED.contains(name) && !urls && !issuer) {
                errors.add(key + ".authURL", "validation_required",
                        "Give " + String.join(", ", needed) + ", or the issuer URL in extra.issuer.");
            }
        }
    }
}
