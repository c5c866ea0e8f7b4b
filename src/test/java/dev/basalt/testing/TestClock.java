package dev.basalt.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The application's clock in HTTP tests: the system's time plus an offset that tests move forward, so a test of an
 * expiry advances past it instead of sleeping. It only goes forward: the application context (and so this clock)
 * is shared by every test class of the JVM, and time going back would undo what another test relies on.
 */
public final class TestClock extends Clock {
    private final AtomicLong offsetNanos = new AtomicLong();

    /** Moves the clock forward by {@code step}. */
    public void advance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("the test clock only goes forward");
        }
        offsetNanos.addAndGet(step.toNanos());
    }

    @Override
    public Instant instant() {
        return Instant.now().plusNanos(offsetNanos.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the application's clock is UTC");
    }
}
