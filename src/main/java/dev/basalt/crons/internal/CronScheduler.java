package dev.basalt.crons.internal;

import dev.basalt.crons.CronRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * One thread per node that wakes at the start of every minute (UTC) and hands it to
 * {@link CronRegistry#runDue}; jobs run on threads of their own, so a long job never delays the next minute.
 * {@code basalt.crons.enabled=false} turns the schedule off (jobs can still be run by hand).
 */
@Component
class CronScheduler implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(CronScheduler.class);
    private final CronRegistry registry;
    private final boolean enabled;
    private volatile Thread thread;

    CronScheduler(CronRegistry registry, @Value("${basalt.crons.enabled:true}") boolean enabled) {
        this.registry = registry;
        this.enabled = enabled;
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        Thread t = new Thread(this::loop, "basalt-cron");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void loop() {
        Instant next = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        while (!Thread.currentThread().isInterrupted()) {
            try {
                long wait = Duration.between(Instant.now(), next).toMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                registry.runDue(next);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Cron tick at {} failed: {}", next, e.toString());
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
            // after a long pause (suspended machine) skip the missed minutes instead of replaying them
            next = now.isAfter(next) ? now : next.plus(Duration.ofMinutes(1));
        }
    }

    @Override
    public void stop() {
        Thread t = thread;
        thread = null;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
