package dev.basalt.logs.internal;

import dev.basalt.crons.CronRegistry;
import dev.basalt.logs.LogsConfig;
import dev.basalt.logs.LogsHooks;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** PocketBase's {@code __pbLogsCleanup__}: every 6 hours, deletes entries older than {@code logs.maxDays}. */
@Component
public class LogRetention {
    /** PocketBase's job id. */
    public static final String JOB_ID = "__pbLogsCleanup__";
    /** PocketBase's schedule: at minute 0 of every sixth hour. */
    public static final String SCHEDULE = "0 */6 * * *";
    private final LogTable table;
    private final ObjectProvider<LogsHooks> hooks;

    LogRetention(LogTable table, ObjectProvider<LogsHooks> hooks, CronRegistry crons) {
        this.table = table;
        this.hooks = hooks;
        crons.add(JOB_ID, SCHEDULE, this::run);
    }

    /** Deletes what {@code maxDays} no longer keeps (everything when it is 0, as in PocketBase); returns how many. */
    public int run() {
        LogsHooks h = hooks.getIfAvailable();
        LogsConfig config = h == null ? LogsConfig.DEFAULTS : h.logsConfig();
        return table.deleteUpTo(Instant.now().minus(Duration.ofDays(Math.max(0, config.maxDays()))));
    }
}
