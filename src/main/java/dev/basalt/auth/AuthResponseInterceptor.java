package dev.basalt.auth;

import dev.basalt.collections.Collection;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;

/**
 * Sees every successful auth answer before it is sent (password, OTP, OAuth2, refresh, impersonation): PocketBase's
 * {@code onRecordAuthRequest} attaches here. It may change {@code answer} ({@code token}, {@code record},
 * {@code meta}) or throw to refuse the sign-in; it calls {@code proceed} to let the following interceptors run.
 */
@FunctionalInterface
public interface AuthResponseInterceptor {
    /** Called once per auth answer; {@code authMethod} is {@code password}, {@code otp}, {@code oauth2}... */
    void around(Collection collection, String authMethod, Map<String, Object> answer, HttpServletRequest request,
                Runnable proceed);
}
