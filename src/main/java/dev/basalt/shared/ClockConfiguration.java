package dev.basalt.shared;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server's one {@link Clock}: every expiry (tokens, sessions, OTPs, MFA, file tokens, API keys, rate-limit
 * windows, sign-in guard delays), {@code @now} in rules and autodates read it, and SQL compares against its value
 * bound as a parameter rather than the database's {@code now()}. Tests replace it with a clock they move
 * ({@code dev.basalt.testing.TestClock}), so nothing sleeps to wait for an expiry.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
