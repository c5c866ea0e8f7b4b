package dev.basalt.apidocs.internal;

import static dev.basalt.apidocs.internal.Json.obj;

import java.util.List;
import java.util.Map;

/**
 * The security schemes and the requirement lists of operations. A token goes in {@code Authorization} (with or
 * without {@code Bearer}, as the PocketBase SDK sends it bare); an API key in {@code X-API-Key} (or as the bearer
 * token), for the records endpoints only.
 */
final class Security {
    static final String BEARER = "bearerAuth";
    static final String API_KEY = "apiKey";
    /** Anyone; a token or key, when given, makes the caller known to the rules. */
    static final List<Object> PUBLIC = List.of(obj(), obj(BEARER, List.of()));
    /** A signed-in record's token. */
    static final List<Object> SIGNED_IN = List.of(obj(BEARER, List.of()));
    private static final List<Object> RECORDS_PUBLIC = List.of(obj(), obj(BEARER, List.of()), obj(API_KEY, List.of()));
    private static final List<Object> RECORDS_SIGNED_IN = List.of(obj(BEARER, List.of()), obj(API_KEY, List.of()));
    private static final String AUTH_REFERENCE = "@request.auth";

    private Security() {
    }

    /** The security schemes of the document. */
    static Map<String, Object> schemes() {
        return obj(
                BEARER, obj("type", "http", "scheme", "bearer", "bearerFormat", "JWT",
                        "description", "The token of an auth-with-* answer, in Authorization (the 'Bearer ' prefix is "
                                + "optional). A superuser's token opens the admin endpoints."),
                API_KEY, obj("type", "apiKey", "in", "header", "name", "X-API-Key",
                        "description", "An API key (bsk_...) from POST /api/api-keys, limited to its scopes "
                                + "(<collection>:list|view|create|update|delete); also accepted as the bearer token. "
                                + "Records endpoints only."));
    }

    /** Who may call a records operation guarded by this rule. */
    static List<Object> forRule(String rule) {
        if (rule == null) {
            return RECORDS_SIGNED_IN;
        }
        return rule.contains(AUTH_REFERENCE) ? RECORDS_SIGNED_IN : RECORDS_PUBLIC;
    }
}
