package dev.basalt.auth;

import dev.basalt.collections.Collection;
import dev.basalt.shared.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * What the sign-in, OTP, verification and reset endpoints add to the request rate limits: the identity (email,
 * username, OTP id) is counted under the rule the {@link RateLimitInterceptor} matched for the request (the client IP
 * already was), and sign-in attempts pass the always-on {@link SignInGuard}, which counts failures only.
 */
@Component
class AuthRateLimiter {
    private final RequestRateLimits limits;
    private final SignInGuard guard;
    private final ClientAddress addresses;

    AuthRateLimiter(RequestRateLimits limits, SignInGuard guard, ClientAddress addresses) {
        this.limits = limits;
        this.guard = guard;
        this.addresses = addresses;
    }
    /**
     * Runs a sign-in attempt (password, OTP, refresh token) under the settings' rules and the {@link SignInGuard}:
     * a 400/401 answer of {@code signIn} counts as a failure of this address and identity, a success clears the
     * identity's failures. {@code identity} may be null.
     */
    <T> T attempt(HttpServletRequest request, Collection collection, String identity, Supplier<T> signIn) {
        check(request, collection, identity);
        String address = addresses.of(request);
        guard.check(collection.id(), address, identity);
        T result;
        try {
            result = signIn.get();
        } catch (ApiException e) {
            if (e.status() == 400 || e.status() == 401) {
                guard.failed(collection.id(), address, identity);
            }
            throw e;
        }
        guard.succeeded(collection.id(), address, identity);
        return result;
    }

    /** Counts the identity (may be null) under the request's rule; 429 when it is over the limit. */
    void check(HttpServletRequest request, Collection collection, String identity) {
        limits.checkIdentity(request, identity);
    }
}
