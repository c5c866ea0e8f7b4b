package dev.basalt.auth;

import dev.basalt.shared.ApiError;
import dev.basalt.shared.CommonErrors;

/** The auth module's errors, each written once: PocketBase's status and message, and a stable code. */
enum AuthErrors implements ApiError {
    AUTH_COLLECTION_MISSING(404, "Missing or invalid auth collection context."),
    TOKEN_INVALID(CommonErrors.AUTH_REQUIRED),
    TOKEN_NOT_REFRESHABLE(403, "The current auth token is not refreshable."),
    REFRESH_TOKEN_INVALID(401, "The refresh token is invalid, expired or already used."),
    AUTH_CONTEXT_MISSING(401, "Missing auth context."),
    VALIDATION_FAILED(CommonErrors.VALIDATION_FAILED),
    SIGN_IN_FAILED(400, "Failed to authenticate."),
    SIGN_IN_RULE_REFUSED(403, "The request doesn't satisfy the collection requirements to authenticate."),
    PASSWORD_AUTH_DISABLED(403, "The collection is not configured to allow password authentication."),
    OAUTH2_AUTH_DISABLED(403, "The collection is not configured to allow OAuth2 authentication."),
    OAUTH2_PROVIDER_MISSING(400, "The OAuth2 provider is not configured for this collection."),
    APPLE_SECRET_INVALID(400, "Invalid client secret data."),
    APPLE_SECRET_FAILED(400, "Failed to generate client secret: the private key is not a valid PKCS#8 EC key."),
    OAUTH2_PROVIDER_FAILED(400, "Failed to authenticate with the OAuth2 provider."),
    OAUTH2_EMAIL_TAKEN(400, "A record with this email exists already: sign in to it first, then sign in with the "
            + "provider to link it."),
    SUPERUSER_IP_REFUSED(CommonErrors.NOT_ALLOWED),
    OTP_AUTH_DISABLED(403, "The collection is not configured to allow OTP authentication."),
    SUPERUSER_OTP_DISABLED(400, "OTP auth is not enabled for the _superusers collection."),
    OTP_INVALID(400, "Invalid or expired OTP."),
    MFA_INVALID(400, "Invalid or expired MFA session."),
    SESSIONS_NOT_OWNER(403, "Only the record itself or a superuser can manage its sessions."),
    API_KEY_CREATE_FAILED(400, "Failed to create API key."),
    API_KEY_INVALID(401, "The API key is invalid, expired or revoked."),
    API_KEY_SCOPE(403, "The API key's scopes do not allow this action."),
    API_KEY_EXPAND(403, "API keys cannot expand relations."),
    RATE_LIMITED(429, "Too Many Requests."),
    SIGN_IN_GUARDED(429, "Too many failed attempts. Try again later.");

    private final Text text;

    AuthErrors(int status, String message) {
        this.text = new Text(status, message);
    }

    /** The status and message of a common error, under this catalogue's code. */
    AuthErrors(ApiError common) {
        this.text = common.text();
    }

    @Override
    public Text text() {
        return text;
    }

    @Override
    public String catalogue() {
        return "auth";
    }
}
