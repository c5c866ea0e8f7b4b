package dev.basalt.crons.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Per-job meters, tagged {@code job}: {@code basalt_cron_duration_seconds} (count and time of runs),
 * {@code basalt_cron_failures_total} and {@code basalt_cron_last_run_seconds} (Unix time the last run began here,
 * 0 before the first).
 */
@Component
public class CronMetrics {
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> lastRun = new ConcurrentHashMap<>();

    CronMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers the meters of a job (idempotent). */
    public void register(String jobId) {
        AtomicLong last = lastRun.computeIfAbsent(jobId, id -> new AtomicLong());
        Gauge.builder("basalt.cron.last.run", last, AtomicLong::get).baseUnit("seconds").tag("job", jobId)
                .description("Unix time the job's last run began on this node").register(registry);
        timer(jobId);
        failures(jobId);
    }

    /** Records one run that began at {@code startedEpochSecond} and took {@code nanos}. */
    public void ran(String jobId, long startedEpochSecond, long nanos, boolean failed) {
        lastRun.computeIfAbsent(jobId, id -> new AtomicLong()).set(startedEpochSecond);
        timer(jobId).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        if (failed) {
            failures(jobId).increment();
        }
    }

    private Timer timer(String jobId) {
        return Timer.builder("basalt.cron.duration").tag("job", jobId).description("Runs of the cron job")
                .register(registry);
    }

    private Counter failures(String jobId) {
        return Counter.builder("basalt.cron.failures").tag("job", jobId)
                .description("Runs of the cron job that threw").register(registry);
    }
}
