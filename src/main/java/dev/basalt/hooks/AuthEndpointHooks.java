package dev.basalt.hooks;

import dev.basalt.auth.AuthRequestInterceptor.Kind;
import java.util.List;
import java.util.stream.Stream;

/**
 * The auth endpoint hooks of {@link Hooks} (kept apart so that each file stays short), with PocketBase's names: each
 * wraps one endpoint of auth collections; {@code e.body()} (the submitted values) may be changed before
 * {@code next()}, which handles the call with it. Inject {@link Hooks}, not this class.
 */
public abstract class AuthEndpointHooks {
    private final List<Hook<RecordAuthEndpointEvent>> hooks = Stream.generate(() -> new Hook<RecordAuthEndpointEvent>())
            .limit(Kind.values().length).toList();

    /** The hook of an auth endpoint. */
    Hook<RecordAuthEndpointEvent> authEndpoint(Kind kind) {
        return hooks.get(kind.ordinal());
    }

    /** Wraps {@code auth-with-password} ({@code identity}, {@code password}, {@code identityField}). */
    public Hook<RecordAuthEndpointEvent> onRecordAuthWithPasswordRequest() {
        return authEndpoint(Kind.AUTH_WITH_PASSWORD);
    }

    /** Wraps {@code auth-with-oauth2}. */
    public Hook<RecordAuthEndpointEvent> onRecordAuthWithOAuth2Request() {
        return authEndpoint(Kind.AUTH_WITH_OAUTH2);
    }

    /** Wraps {@code auth-refresh}. */
    public Hook<RecordAuthEndpointEvent> onRecordAuthRefreshRequest() {
        return authEndpoint(Kind.AUTH_REFRESH);
    }

    /** Wraps {@code auth-with-otp}. */
    public Hook<RecordAuthEndpointEvent> onRecordAuthWithOTPRequest() {
        return authEndpoint(Kind.AUTH_WITH_OTP);
    }

    /** Wraps {@code request-otp}. */
    public Hook<RecordAuthEndpointEvent> onRecordCreateOTPRequest() {
        return authEndpoint(Kind.REQUEST_OTP);
    }

    /** Wraps {@code request-verification}. */
    public Hook<RecordAuthEndpointEvent> onRecordRequestVerificationRequest() {
        return authEndpoint(Kind.REQUEST_VERIFICATION);
    }

    /** Wraps {@code confirm-verification}. */
    public Hook<RecordAuthEndpointEvent> onRecordConfirmVerificationRequest() {
        return authEndpoint(Kind.CONFIRM_VERIFICATION);
    }

    /** Wraps {@code request-password-reset}. */
    public Hook<RecordAuthEndpointEvent> onRecordRequestPasswordResetRequest() {
        return authEndpoint(Kind.REQUEST_PASSWORD_RESET);
    }

    /** Wraps {@code confirm-password-reset}. */
    public Hook<RecordAuthEndpointEvent> onRecordConfirmPasswordResetRequest() {
        return authEndpoint(Kind.CONFIRM_PASSWORD_RESET);
    }

    /** Wraps {@code request-email-change}. */
    public Hook<RecordAuthEndpointEvent> onRecordRequestEmailChangeRequest() {
        return authEndpoint(Kind.REQUEST_EMAIL_CHANGE);
    }

    /** Wraps {@code confirm-email-change}. */
    public Hook<RecordAuthEndpointEvent> onRecordConfirmEmailChangeRequest() {
        return authEndpoint(Kind.CONFIRM_EMAIL_CHANGE);
    }
}
