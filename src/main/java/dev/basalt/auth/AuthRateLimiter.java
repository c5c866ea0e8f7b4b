package dev.basalt.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.basalt.auth.mail.Settings;
import dev.basalt.auth.mail.SettingsStore;
import dev.basalt.collections.Collection;
import dev.basalt.shared.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Rate limits of the sign-in, OTP, verification and reset endpoints (the {@code rateLimits} settings; off by
 * default as in PocketBase): the most specific rule ({@code <collection>:auth}, else {@code *:auth}) allows
 * {@code maxRequests} per {@code duration} seconds, counted separately per client IP and per identity (email,
 * username, OTP id), in fixed windows kept in memory on each node. Over the limit: 429. Sign-in attempts also pass
 * the always-on {@link SignInGuard}, which counts failures only.
 */
@Component
class AuthRateLimiter {
    private static final int MAX_TRACKED = 100_000;
    private static final Duration FORGET_AFTER = Duration.ofDays(1);
    private final SettingsStore settings;
    private final SignInGuard guard;
    private final ClientAddress addresses;
    private final Cache<String, Window> windows = Caffeine.newBuilder()
            .maximumSize(MAX_TRACKED).expireAfterAccess(FORGET_AFTER).build();

    AuthRateLimiter(SettingsStore settings, SignInGuard guard, ClientAddress addresses) {
        this.settings = settings;
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

    /** Counts one request; 429 when the client IP or the identity (may be null) is over the limit. */
    void check(HttpServletRequest request, Collection collection, String identity) {
        Settings.RateLimits limits = settings.current().rateLimits();
        if (!limits.enabled()) {
            return;
        }
        Settings.RateLimitRule rule = limits.rules().stream()
                .filter(r -> r.label().equalsIgnoreCase(collection.name() + ":auth")).findFirst()
                .or(() -> limits.rules().stream().filter(r -> r.label().equals("*:auth")).findFirst())
                .orElse(null);
        if (rule == null) {
            return;
        }
        String prefix = rule.label().toLowerCase(Locale.ROOT) + "|" + collection.id() + "|";
        boolean ipOk = hit(prefix + "ip:" + addresses.of(request), rule);
        boolean identityOk = identity == null || identity.isBlank()
                || hit(prefix + "id:" + identity.trim().toLowerCase(Locale.ROOT), rule);
        if (!ipOk || !identityOk) {
            throw new ApiException(429, "Too Many Requests.");
        }
    }

    private boolean hit(String key, Settings.RateLimitRule rule) {
        return windows.get(key, k -> new Window()).hit(System.currentTimeMillis(), rule.maxRequests(),
                rule.duration() * 1000);
    }

    /** A fixed window: its start and the requests counted in it. */
    private static final class Window {
        private long start;
        private int count;

        synchronized boolean hit(long now, int max, long lengthMillis) {
            if (now - start >= lengthMillis) {
                start = now;
                count = 0;
            }
            count++;
            return count <= max;
        }
    }
}
