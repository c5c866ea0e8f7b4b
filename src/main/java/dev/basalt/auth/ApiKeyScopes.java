package dev.basalt.auth;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Scopes of API keys: {@code collection:action}, where collection is a collection name or {@code *} and action
 * one of {@code list view create update delete} or {@code *}. A key may do only what one of its scopes names.
 */
final class ApiKeyScopes {
    /** The record actions a scope can name. */
    static final Set<String> ACTIONS = Set.of("list", "view", "create", "update", "delete");
    /** Most scopes one key may carry. */
    static final int MAX_SCOPES = 100;
    private static final Pattern SCOPE = Pattern.compile("^(\\*|\\w+):(\\*|list|view|create|update|delete)$");

    private ApiKeyScopes() {
    }

    /** True when the text is a well-formed scope. */
    static boolean valid(String scope) {
        return scope != null && SCOPE.matcher(scope).matches();
    }

    /** True when one of the scopes allows the action on the collection (names compare case-insensitively). */
    static boolean allows(List<String> scopes, String collectionName, String action) {
        for (String scope : scopes) {
            int colon = scope.indexOf(':');
            String collection = scope.substring(0, colon);
            String verb = scope.substring(colon + 1);
            if ((collection.equals("*") || collection.equalsIgnoreCase(collectionName))
                    && (verb.equals("*") || verb.equals(action))) {
                return true;
            }
        }
        return false;
    }
}
