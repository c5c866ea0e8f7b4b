package dev.basalt.apidocs.internal;

import static dev.basalt.apidocs.internal.Json.obj;
import static dev.basalt.apidocs.internal.Json.ref;
import static dev.basalt.apidocs.internal.Json.schemaRef;
import static dev.basalt.apidocs.internal.Json.string;

import dev.basalt.collections.AuthOptions;
import dev.basalt.collections.Collection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The auth endpoints of one auth collection, with PocketBase's paths: sign-in methods that are enabled, the
 * account mails, and for signed-in callers refresh, logout, email change and sessions; impersonation for
 * superusers.
 */
final class AuthPaths {
    private static final Map<String, Object> NO_CONTENT = obj("description", "Done (no content).");

    private AuthPaths() {
    }

    /** Adds the auth paths of the collection and its {@code <name>Auth} schema (token and record). */
    static void add(Collection c, Audience audience, Map<String, Object> paths, Map<String, Object> schemas) {
        AuthOptions options = c.authOptions();
        String base = "/api/collections/" + c.name() + "/";
        Map<String, Object> auth = Json.jsonResponse("Signed in: a token and the auth record.",
                schemaRef(c.name() + "Auth"));
        schemas.put(c.name() + "Auth", Json.object(obj("token", string("Send it in Authorization."),
                "refreshToken", string("Basalt: renews the token at auth-refresh (one use)."),
                "record", schemaRef(RecordDocs.name(c)), "meta", obj("type", "object", "additionalProperties", true,
                        "description", "OAuth2 only: the provider's user data.")), List.of("token", "record")));
        put(paths, base + "auth-methods", "get", op(c, "authMethods", "The sign-in methods this collection offers.",
                null, Json.jsonResponse("Password, OAuth2 (with each provider's auth URL), MFA and OTP settings.",
                        obj("type", "object", "additionalProperties", true)), Security.PUBLIC));
        if (options.passwordAuth().enabled()) {
            put(paths, base + "auth-with-password", "post", op(c, "authWithPassword",
                    "Sign in with an identity (" + String.join(", ", options.passwordAuth().identityFields())
                            + ") and a password.",
                    body(obj("identity", string(null), "password", obj("type", "string", "writeOnly", true),
                            "identityField", string("Only this identity field.")), "identity", "password"),
                    auth, Security.PUBLIC));
        }
        if (options.oauth2().enabled()) {
            put(paths, base + "auth-with-oauth2", "post", op(c, "authWithOAuth2",
                    "Sign in (or sign up) with an OAuth2 provider's authorization code.",
                    body(obj("provider", string(null), "code", string(null), "codeVerifier", string(null),
                            "redirectURL", string(null), "createData", obj("type", "object",
                                    "additionalProperties", true, "description", "Fields of a new record.")),
                            "provider", "code", "redirectURL"), auth, Security.PUBLIC));
        }
        if (options.otp().enabled()) {
            put(paths, base + "request-otp", "post", op(c, "requestOtp", "Mail a one-time password.",
                    body(obj("email", obj("type", "string", "format", "email")), "email"),
                    Json.jsonResponse("The id to sign in with.", Json.object(obj("otpId", string(null)),
                            List.of("otpId"))), Security.PUBLIC));
            put(paths, base + "auth-with-otp", "post", op(c, "authWithOtp", "Sign in with a one-time password.",
                    body(obj("otpId", string(null), "password", string(null)), "otpId", "password"), auth,
                    Security.PUBLIC));
        }
        mail(paths, base, c, "request-verification", "requestVerification", "Mail a verification link.", "email");
        mail(paths, base, c, "confirm-verification", "confirmVerification", "Verify with the mailed token.", "token");
        mail(paths, base, c, "request-password-reset", "requestPasswordReset", "Mail a password reset link.", "email");
        mail(paths, base, c, "confirm-password-reset", "confirmPasswordReset",
                "Set a new password with the mailed token.",
                "token", "password", "passwordConfirm");
        mail(paths, base, c, "confirm-email-change", "confirmEmailChange", "Change the email with the mailed token.",
                "token", "password");
        if (audience.signedIn()) {
            put(paths, base + "auth-refresh", "post", op(c, "authRefresh",
                    "A new token for the signed-in record (or, with refreshToken in the body, for its session).",
                    optionalBody(obj("refreshToken", string(null))), auth, Security.SIGNED_IN));
            put(paths, base + "auth-logout", "post", op(c, "authLogout", "Basalt: ends the token's session.",
                    null, NO_CONTENT, Security.SIGNED_IN));
            put(paths, base + "request-email-change", "post", op(c, "requestEmailChange",
                    "Mail a confirmation link to a new address.",
                    body(obj("newEmail", obj("type", "string", "format", "email")), "newEmail"), NO_CONTENT,
                    Security.SIGNED_IN));
            String sessions = base + "records/{id}/sessions";
            put(paths, sessions, "get", op(c, "listSessions", "Basalt: the record's sign-in sessions.", null,
                    Json.jsonResponse("Sessions.", obj("type", "array", "items", obj("type", "object"))),
                    Security.SIGNED_IN));
            put(paths, sessions, "delete", op(c, "deleteSessions", "Basalt: ends all the record's sessions.", null,
                    NO_CONTENT, Security.SIGNED_IN));
            put(paths, sessions + "/{sessionId}", "delete", op(c, "deleteSession", "Basalt: ends one session.",
                    null, NO_CONTENT, Security.SIGNED_IN));
        }
        if (audience == Audience.SUPERUSER) {
            put(paths, base + "impersonate/{id}", "post", op(c, "impersonate",
                    "A non-refreshable token of another record (superusers only).",
                    optionalBody(obj("duration", obj("type", "integer", "description", "Seconds; 0 is the default."))),
                    auth, Security.SIGNED_IN));
        }
    }

    private static void mail(Map<String, Object> paths, String base, Collection c, String path, String action,
                             String summary, String... keys) {
        Map<String, Object> props = new LinkedHashMap<>();
        for (String k : keys) {
            props.put(k, k.equals("email") ? obj("type", "string", "format", "email") : string(null));
        }
        put(paths, base + path, "post", op(c, action, summary, body(props, keys), NO_CONTENT, Security.PUBLIC));
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> paths, String path, String method, Map<String, Object> op) {
        Map<String, Object> item = (Map<String, Object>) paths.computeIfAbsent(path, p -> new LinkedHashMap<>());
        item.put(method, op);
        if (!item.containsKey("parameters")) {
            List<Object> params = new ArrayList<>();
            for (String variable : List.of("id", "sessionId")) {
                if (path.contains("{" + variable + "}")) {
                    params.add(obj("name", variable, "in", "path", "required", true, "schema", obj("type", "string")));
                }
            }
            if (!params.isEmpty()) {
                item.put("parameters", params);
            }
        }
    }

    private static Map<String, Object> op(Collection c, String action, String summary, Map<String, Object> body,
                                          Map<String, Object> ok, List<Object> security) {
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put(ok.containsKey("content") ? "200" : "204", ok);
        responses.put("400", ref("responses", "BadRequest"));
        if (security == Security.SIGNED_IN) {
            responses.put("401", ref("responses", "Unauthorized"));
        }
        return obj("tags", List.of(c.name() + " (auth)"), "operationId", RecordPaths.operationId(action, c),
                "summary", summary, "requestBody", body, "responses", responses, "security", security);
    }

    private static Map<String, Object> body(Map<String, Object> props, String... required) {
        return Json.jsonBody(Json.object(props, List.of(required)), true);
    }

    private static Map<String, Object> optionalBody(Map<String, Object> props) {
        return Json.jsonBody(Json.object(props, List.of()), false);
    }
}
