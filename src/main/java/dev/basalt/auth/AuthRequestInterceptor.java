package dev.basalt.auth;

import dev.basalt.collections.Collection;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;

/**
 * The auth endpoints' seam for PocketBase's {@code onRecordAuthWithPasswordRequest},
 * {@code onRecordAuthWithOAuth2Request}, {@code onRecordAuthRefreshRequest}, {@code onRecordAuthWithOTPRequest},
 * {@code onRecordCreateOTPRequest} and {@code onRecordRequest/Confirm(Verification|PasswordReset|EmailChange)Request}
 * hooks, implemented by the hooks module. It wraps one call; {@code body} (the
 * submitted values) may be changed before {@code proceed}, which handles the call with it; not calling it leaves
 * the call unhandled.
 */
public interface AuthRequestInterceptor {
    /** The endpoint called. */
    enum Kind {
        AUTH_WITH_PASSWORD, AUTH_WITH_OAUTH2, AUTH_REFRESH, AUTH_WITH_OTP, REQUEST_OTP, REQUEST_VERIFICATION,
        CONFIRM_VERIFICATION, REQUEST_PASSWORD_RESET, CONFIRM_PASSWORD_RESET, REQUEST_EMAIL_CHANGE, CONFIRM_EMAIL_CHANGE
    }

    /** False when no hook is bound: calls then skip the interceptor. */
    boolean active();

    ResponseEntity<Object> around(Kind kind, HttpServletRequest request, Collection collection,
                                  Map<String, Object> body, Supplier<ResponseEntity<Object>> proceed);
}
