package dev.basalt.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Protection of sign-in (password, OTP, refresh token) against guessing, on by default and independent of the
 * {@code rateLimits} settings. Only FAILURES count, under three keys: the identity from one address, the address for
 * any identity, and the identity from any address. Each key has free failures; past them every further failure
 * doubles a delay during which that key is answered 429 before any password is checked. The identity-wide key has
 * far more free failures and a short cap, so an attacker spreading guesses over many addresses slows the account
 * owner down by seconds at most instead of locking them out. Successes are not limited and clear the failures of
 * their identity (but not of their address, so an attacker cannot launder an address with a known account).
 * Counters live in memory per node and are forgotten an hour after their last failure.
 */
@Component
class SignInGuard {
    static final int PAIR_FREE_FAILURES = 5;
    static final int ADDRESS_FREE_FAILURES = 20;
    static final int IDENTITY_FREE_FAILURES = 100;
    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    static final Duration MAX_IDENTITY_DELAY = Duration.ofSeconds(30);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final int MAX_TRACKED = 200_000;
    private static final int MAX_DOUBLINGS = 30;

    private final Clock clock;
    private final boolean enabled;
    private final Cache<String, Failures> failures = Caffeine.newBuilder()
            .maximumSize(MAX_TRACKED).expireAfterWrite(FORGET_AFTER).build();

    /** {@code enabled} is false only where one address must fail on purpose many times (the shared test server). */
    @Autowired
    SignInGuard(ObjectProvider<Clock> clock, @Value("${basalt.sign-in-guard.enabled:true}") boolean enabled) {
        this(clock.getIfAvailable(Clock::systemUTC), enabled);
    }

    SignInGuard(Clock clock, boolean enabled) {
        this.clock = clock;
        this.enabled = enabled;
    }

    /** 429 when any key of this attempt is still delayed. {@code identity} may be null (refresh tokens). */
    void check(String scope, String address, String identity) {
        if (!enabled) {
            return;
        }
        long now = clock.millis();
        for (String key : keys(scope, address, identity)) {
            Failures f = failures.getIfPresent(key);
            if (f != null && f.delayedAt(now)) {
                throw AuthErrors.SIGN_IN_GUARDED.exception();
            }
        }
    }

    /** Counts a failed attempt under each key. */
    void failed(String scope, String address, String identity) {
        if (!enabled) {
            return;
        }
        long now = clock.millis();
        String[] keys = keys(scope, address, identity);
        int[] free = {PAIR_FREE_FAILURES, ADDRESS_FREE_FAILURES, IDENTITY_FREE_FAILURES};
        Duration[] caps = {MAX_DELAY, MAX_DELAY, MAX_IDENTITY_DELAY};
        for (int i = 0; i < keys.length; i++) {
            int k = keys.length == 1 ? 1 : i;
            Failures f = failures.get(keys[i], x -> new Failures());
            f.fail(now, free[k], caps[k]);
            failures.put(keys[i], f); // refreshes the write time, so an active attack is not forgotten
        }
    }

    /** A success clears the identity's failures (both its own key and the identity-from-this-address key). */
    void succeeded(String scope, String address, String identity) {
        if (identity == null || identity.isBlank()) {
            return;
        }
        String[] keys = keys(scope, address, identity);
        failures.invalidate(keys[0]);
        failures.invalidate(keys[2]);
    }

    private static String[] keys(String scope, String address, String identity) {
        String ip = scope + "|ip|" + address;
        if (identity == null || identity.isBlank()) {
            return new String[] {ip};
        }
        String id = identity.trim().toLowerCase(Locale.ROOT);
        return new String[] {scope + "|pair|" + id + "|" + address, ip, scope + "|id|" + id};
    }

    /** The failures of one key and until when it is delayed. */
    private static final class Failures {
        private int count;
        private long delayedUntil;

        synchronized boolean delayedAt(long now) {
            return now < delayedUntil;
        }

        synchronized void fail(long now, int free, Duration cap) {
            count++;
            int over = count - free;
            if (over > 0) {
                long delay = FIRST_DELAY.toMillis() << Math.min(over - 1, MAX_DOUBLINGS);
                delayedUntil = now + Math.min(delay, cap.toMillis());
            }
        }
    }
}
