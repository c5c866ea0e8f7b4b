package dev.basalt.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.basalt.shared.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The guard's delays, on a clock the test moves: free failures, doubling delays, caps, clearing on success. */
class SignInGuardTest {
    private Instant now = Instant.parse("2026-12-04T00:00:00Z");
    private final SignInGuard guard = new SignInGuard(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }, true);

    @Test
    void delaysDoubleAfterTheFreeFailuresAndExpire() {
        for (int i = 0; i < SignInGuard.PAIR_FREE_FAILURES; i++) {
            guard.check("c", "a", "ann");
            guard.failed("c", "a", "ann");
        }
        guard.check("c", "a", "ann");
        guard.failed("c", "a", "ann"); // first failure past the free ones: 1 s
        assertDelayed("a", "ann");
        now = now.plusMillis(1_001);
        guard.check("c", "a", "ann");
        guard.failed("c", "a", "ann"); // 2 s
        now = now.plusMillis(1_500);
        assertDelayed("a", "ann");
        now = now.plusMillis(600);
        guard.check("c", "a", "ann");
        guard.check("c", "b", "ann"); // another address is not delayed
    }

    @Test
    void delaysAreCapped() {
        for (int i = 0; i < 60; i++) {
            guard.failed("c", "a", "ann");
        }
        now = now.plus(SignInGuard.MAX_DELAY).plusMillis(1);
        guard.check("c", "a", "ann");
    }

    @Test
    void manyAddressesDelayTheIdentityOnlyBriefly() {
        for (int i = 0; i < SignInGuard.IDENTITY_FREE_FAILURES + 40; i++) {
            guard.failed("c", "addr-" + i, "ann");
        }
        assertDelayed("owner-address", "ann");
        now = now.plus(SignInGuard.MAX_IDENTITY_DELAY).plusMillis(1);
        guard.check("c", "owner-address", "ann");
    }

    @Test
    void aSuccessClearsTheIdentityButNotTheAddress() {
        for (int i = 0; i < SignInGuard.ADDRESS_FREE_FAILURES + 1; i++) {
            guard.failed("c", "a", "user" + i);
        }
        guard.succeeded("c", "a", "user0");
        assertDelayed("a", "someone-else");
    }

    @Test
    void aDisabledGuardNeverDelays() {
        SignInGuard off = new SignInGuard(Clock.systemUTC(), false);
        for (int i = 0; i < 100; i++) {
            off.failed("c", "a", "ann");
        }
        off.check("c", "a", "ann");
    }

    private void assertDelayed(String address, String identity) {
        assertThatThrownBy(() -> guard.check("c", address, identity)).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(429));
    }
}
